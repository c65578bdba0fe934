// AWS::Lambda::Function: with VpcConfig, one Hyperplane network interface per subnet, never a public IP (R32).
// https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html
import { partitionOf } from '../pseudo.js';
import type { PropReader } from '../prop-reader.js';
import type { ResourceContext } from '../resource-context.js';
import { createEni } from './enis.js';
import type { Built, ResourceHandler } from './handler.js';
import { T } from './types.js';

/** Builds a function (shared by AWS::Serverless::Function). */
export function buildFunction(ctx: ResourceContext): Built {
  const name = ctx.text('FunctionName') ?? ctx.generatedName(64);
  const arn = `arn:${partitionOf(ctx.region)}:lambda:${ctx.region}:${ctx.account}:function:${name}`;
  const vpcConfig: PropReader | undefined = ctx.sub('VpcConfig');
  const subnetIds = vpcConfig?.ids('SubnetIds', T.SUBNET) ?? [];
  if (vpcConfig && subnetIds.length > 0) {
    const securityGroupIds = vpcConfig.ids('SecurityGroupIds', T.SECURITY_GROUP);
    const eniIds = subnetIds.map((subnetId, i) =>
      createEni(ctx, {
        salt: `lambda:${i}`, subnetId, owner: { kind: 'lambda', id: name }, securityGroupIds,
        publicIpOrigin: vpcConfig.origin('SubnetIds'),
      }).id);
    ctx.b.add('lambdaFunctions', { id: name, name: ctx.logicalId, origin: ctx.here, functionName: name, networkInterfaceIds: eniIds });
  }
  return { ref: name, attributes: { Arn: arn } };
}

export const lambdaFunction: ResourceHandler = {
  type: 'AWS::Lambda::Function',
  attributes: ['Arn', 'SnapStartResponse', 'SnapStartResponse.ApplyOn', 'SnapStartResponse.OptimizationStatus'],
  build: buildFunction,
};

