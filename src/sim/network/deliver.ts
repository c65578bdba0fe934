// Arriving at an ENI: the destination subnet's ACL inbound, the ENI's security groups, and the reply's ACLs.
import { replyTraffic } from './protocol.js';
import { checkSecurityGroups } from './security-groups.js';
import type { NetworkPath } from './types.js';
import { aclCheck, type Endpoint, type Walk } from './walk.js';

/**
 * The packet enters the target's subnet (its ACL inbound applies only when it crosses a subnet boundary) and
 * then the target's security groups, which may name the source's groups or the source's address.
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html (ACLs apply at the subnet boundary;
 * Batfish's test-subnet finds no ACL between two instances of one subnet).
 */
export function enterInterface(walk: Walk, target: Endpoint, crossesSubnet: boolean): NetworkPath | undefined {
  const { source } = walk;
  const fromSource = { ip: source.ip, text: source.ipText };
  return walk.path.checkAll([
    crossesSubnet ? aclCheck(walk, target.subnet, 'in', fromSource, 'nacl-in') : undefined,
    checkSecurityGroups(walk.index, target.eni, 'ingress', walk.traffic, { ...fromSource, groupIds: source.eni.securityGroupIds }),
  ]);
}

/**
 * Network ACLs are stateless: the reply (service port to the client's ephemeral port, 49152 as in Batfish's
 * flows) must be allowed out of the target's subnet and back into the source's. Security groups are stateful
 * and need nothing for it.
 */
export function returnAcls(walk: Walk, target: Endpoint, crossesSubnet: boolean): NetworkPath | undefined {
  if (!crossesSubnet) return undefined;
  const reply = replyTraffic(walk.traffic);
  const { source } = walk;
  return walk.path.checkAll([
    aclCheck(walk, target.subnet, 'out', { ip: source.ip, text: source.ipText }, 'return-nacl', reply, true),
    aclCheck(walk, source.subnet, 'in', { ip: target.ip, text: target.ipText }, 'return-nacl', reply, true),
  ]);
}

/** The path ends at the target: delivered, or unknown if a check on the way could not be decided. */
export function delivered(walk: Walk, target: Endpoint): NetworkPath {
  return walk.path.end({
    kind: 'delivered', networkInterfaceId: target.eni.id, vpcId: target.vpc.id, sourceIpSeen: walk.source.ipText,
  });
}
