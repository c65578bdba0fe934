// AWS::EC2::EIP, AWS::EC2::EIPAssociation, AWS::EC2::NatGateway (with its network interface).
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-natgateway.html
import { unknown, type Maybe } from '../../../model/index.js';
import type { ResourceContext } from '../resource-context.js';
import { createEni, newPublicIp, vpcOfSubnet } from './enis.js';
import type { ResourceHandler } from './handler.js';
import { T } from './types.js';

/** Gives the primary interface of an instance (or an interface) a public IP. */
export function associatePublicIp(ctx: ResourceContext, publicIp: Maybe<string>, target: { instanceId?: string; eniId?: string }): void {
  const eniId = target.eniId ?? ctx.b.get('instances', target.instanceId)?.networkInterfaceIds[0];
  const eni = ctx.b.get('networkInterfaces', eniId);
  if (!eni) {
    ctx.note('info', 'outside-model', `${ctx.logicalId} associates an Elastic IP with ${target.instanceId ?? target.eniId}, which is not in the model`);
    return;
  }
  eni.publicIp = publicIp;
  eni.publicIpOrigin = ctx.here;
}

export const eip: ResourceHandler = {
  type: 'AWS::EC2::EIP',
  attributes: ['AllocationId', 'PublicIp'],
  build(ctx) {
    const publicIp = newPublicIp(ctx);
    const allocationId = ctx.ec2('allocation');
    ctx.b.elasticIps.set(allocationId, { allocationId, publicIp: typeof publicIp === 'string' ? publicIp : { reason: publicIp.reason } });
    const instanceId = ctx.id('InstanceId', T.INSTANCE);
    if (instanceId) associatePublicIp(ctx, publicIp, { instanceId });
    return { ref: publicIp, attributes: { AllocationId: allocationId, PublicIp: publicIp } };
  },
};

export const eipAssociation: ResourceHandler = {
  type: 'AWS::EC2::EIPAssociation',
  attributes: ['Id'],
  build(ctx) {
    const allocationId = ctx.id('AllocationId');
    let publicIp: Maybe<string> | undefined = ctx.str('EIP');
    if (allocationId) {
      const found = ctx.b.elasticIps.get(allocationId);
      publicIp = found ? (typeof found.publicIp === 'string' ? found.publicIp : unknown(found.publicIp.reason, ctx.here))
        : unknown(`the Elastic IP ${allocationId} is not in the model`, ctx.origin('AllocationId'));
    }
    const instanceId = ctx.id('InstanceId', T.INSTANCE);
    const eniId = ctx.id('NetworkInterfaceId', T.NETWORK_INTERFACE);
    if (publicIp !== undefined && (instanceId || eniId)) {
      associatePublicIp(ctx, publicIp, { ...(instanceId ? { instanceId } : {}), ...(eniId ? { eniId } : {}) });
    }
    const id = ctx.ec2('eipAssociation');
    return { ref: id, attributes: { Id: id } };
  },
};

export const natGateway: ResourceHandler = {
  type: 'AWS::EC2::NatGateway',
  attributes: ['NatGatewayId'],
  build(ctx) {
    const id = ctx.ec2('natGateway');
    const subnetId = ctx.requiredId('SubnetId', T.SUBNET);
    const connectivity = ctx.text('ConnectivityType') === 'private' ? 'private' : 'public';
    let publicIp: Maybe<string> | undefined;
    if (connectivity === 'public') {
      const allocationId = ctx.id('AllocationId');
      const found = allocationId ? ctx.b.elasticIps.get(allocationId) : undefined;
      if (found) publicIp = typeof found.publicIp === 'string' ? found.publicIp : unknown(found.publicIp.reason, ctx.here);
      else publicIp = unknown(allocationId ? `the Elastic IP ${allocationId} is not in the model` : 'the NAT gateway has no AllocationId', ctx.origin('AllocationId'));
    }
    // A NAT gateway has one network interface in its subnet; security groups do not apply to it.
    const eni = createEni(ctx, {
      salt: 'nat', subnetId, owner: { kind: 'nat-gateway', id }, securityGroupIds: [],
      ...(ctx.str('PrivateIpAddress') !== undefined ? { privateIp: ctx.str('PrivateIpAddress')! } : {}),
      ...(publicIp !== undefined ? { publicIp } : {}),
    });
    ctx.b.add('natGateways', {
      id, name: ctx.logicalId, origin: ctx.here, subnetId, vpcId: vpcOfSubnet(ctx, subnetId), connectivityType: connectivity,
      privateIp: eni.privateIps[0]!, ...(publicIp !== undefined ? { publicIp } : {}),
    });
    return { ref: id, attributes: { NatGatewayId: id } };
  },
};
