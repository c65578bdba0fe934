// Lambda functions in a VPC (ListFunctions with VpcConfig) and their Hyperplane ENIs.
import { unknown, type NetworkInterface } from '../../model/index.js';
import type { Build } from './context.js';
import { obj, str, strs } from './json-read.js';

/**
 * A function with VpcConfig sends from a Hyperplane ENI in one of its subnets. Lambda makes one ENI per
 * combination of subnet and security groups and shares it among the account's functions with that combination,
 * naming the first in its description (https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html).
 * So a function's ENI in a subnet is the `lambda` ENI there with the same groups, preferably the one named after
 * it. Where DescribeNetworkInterfaces holds none, its address is unknown. Lambda ENIs never have a public IP (R32).
 */
export function readFunctions(b: Build): void {
  for (const item of b.items('Functions')) {
    const name = str(item.o, 'FunctionName');
    if (!name) {
      b.missingField(item, 'FunctionName');
      continue;
    }
    const config = obj(item.o, 'VpcConfig');
    const subnetIds = strs(config, 'SubnetIds');
    if (subnetIds.length === 0) continue;
    const groups = strs(config, 'SecurityGroupIds');
    const origin = b.origin(item, name);
    const eniIds = subnetIds.map((subnetId) => {
      const candidates = b.index('lambdaInterfacesBySubnet', b.model.networkInterfaces, (n) => (n.owner.kind === 'lambda' ? [n.subnetId] : []))
        .all(subnetId).filter((n) => sameSet(n.securityGroupIds, groups));
      const found = candidates.find((n) => n.owner.kind === 'lambda' && n.owner.id === name) ?? candidates[0];
      if (found) return found.id;
      const eni: NetworkInterface = {
        id: `eni-lambda:${name}:${subnetId}`, origin, subnetId,
        vpcId: b.subnet(subnetId)?.vpcId ?? str(config, 'VpcId') ?? b.vpcOfSubnet(subnetId, origin),
        privateIps: [unknown(`the Hyperplane ENI of ${name} in ${subnetId} is not in the snapshot (DescribeNetworkInterfaces)`, origin)],
        securityGroupIds: groups, owner: { kind: 'lambda', id: name }, publicIpOrigin: origin,
      };
      b.model.networkInterfaces.push(eni);
      return eni.id;
    });
    b.model.lambdaFunctions.push({ id: name, origin, functionName: name, networkInterfaceIds: eniIds });
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
