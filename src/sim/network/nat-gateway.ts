// The NAT gateway: into its subnet, source translated to its address, then out by its own subnet's route table.
import { displayName, isUnknown, nameAndId, unknown, type NatGateway } from '../../model/index.js';
import type { Hop, MissingFact } from '../trace.js';
import { originOf } from './hop-origin.js';
import { fromUnknown, unresolvedId } from './missing.js';
import { exitThrough } from './exits.js';
import { passInternetGateway } from './internet-gateway.js';
import type { Check } from './path-builder.js';
import { replyTraffic } from './protocol.js';
import { routeHop } from './route-hop.js';
import { lookupRoute } from './route-table.js';
import type { NetworkPath } from './types.js';
import { aclCheck, type Walk } from './walk.js';

/**
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html and nat-gateway-basics.html:
 * a NAT gateway translates TCP, UDP and ICMP only; a public one sends to the internet through the internet
 * gateway of its own subnet's route table, with its Elastic IP as source (R32); a private one cannot use an
 * internet gateway (the gateway drops its traffic) but can reach a transit or virtual private gateway. Its
 * subnet's network ACL applies to the packet in and out, and to the reply. Batfish: test-nat-gateway.
 */
export function throughNatGateway(walk: Walk, natId: string): NetworkPath {
  const { index, path, source } = walk;
  const nat = index.natGateway(natId);
  if (!nat) {
    const hop: Hop = { at: natId, action: 'nat-gateway', verdict: 'unknown', detail: `${natId} is not in the model` };
    return path.unknown(hop, [unresolvedId(index, `NAT gateway ${natId}`, natId)]);
  }
  const at = { at: displayName(nat), elementId: nat.id, action: 'nat-gateway', ...originOf(nat.origin) };
  const subnet = index.subnets.get(nat.subnetId);
  if (!subnet) {
    return path.unknown({ ...at, verdict: 'unknown', detail: `the subnet of ${nameAndId(nat)} is not known` },
      [unresolvedId(index, `the subnet of ${nameAndId(nat)}`, nat.subnetId, nat.origin)]);
  }
  if (walk.traffic.protocol === '-1') {
    const detail = `${nameAndId(nat)} translates only TCP, UDP and ICMP, and drops ${walk.destinationText}'s other protocol`;
    return path.drop({ ...at, verdict: 'drop', detail, confidence: 'documented' }, 'no-route');
  }
  const sameSubnet = subnet.id === source.subnet.id;
  const fromSource = { ip: source.ip, text: source.ipText };
  const toDestination = { ip: walk.destination, text: walk.destinationText };
  const stopped = path.checkAll([sameSubnet ? undefined : aclCheck(walk, subnet, 'in', fromSource, 'nacl-in')]);
  if (stopped) return stopped;

  const privateIp = isUnknown(nat.privateIp) ? 'its private IP' : nat.privateIp;
  path.add({
    ...at, verdict: 'pass', component: 'nat-gateway', confidence: 'documented',
    detail: `translates ${source.name}'s ${source.ipText} to ${privateIp} (${nat.connectivityType} NAT gateway)`,
  });

  const lookup = lookupRoute(index, subnet, source.vpc, walk.destination);
  const hop = (verdict: 'pass' | 'drop' | 'unknown', extra?: string) =>
    routeHop(index, subnet, lookup, walk.destinationText, 'route', verdict, extra);
  const choice = lookup.choice;
  if (choice.kind === 'unknown') return path.unknown(hop('unknown'), choice.missing);
  if (choice.kind === 'none') return path.drop(hop('drop'), 'no-route');
  const target = choice.target;

  // The reply comes back into the NAT gateway's subnet, then to the client (ACLs are stateless).
  const reply = replyTraffic(walk.traffic);
  const replyChecks: Check[] = [aclCheck(walk, subnet, 'in', toDestination, 'return-nacl', reply, true)];
  if (!sameSubnet) {
    replyChecks.push(aclCheck(walk, subnet, 'out', fromSource, 'return-nacl', reply, true));
    replyChecks.push(aclCheck(walk, source.subnet, 'in', toDestination, 'return-nacl', reply, true));
  }

  if (target.kind === 'internet-gateway') {
    if (nat.connectivityType === 'private') {
      const extra = 'a private NAT gateway has no public IP, and the internet gateway drops its traffic';
      return path.drop(hop('drop', extra), 'no-route');
    }
    path.add(hop('pass'));
    const out = path.check(aclCheck(walk, subnet, 'out', toDestination, 'nacl-out'));
    if (out) return out;
    // A public NAT gateway always has an Elastic IP; absent from the input, its address is unknown.
    const publicIp = nat.publicIp ?? unknown(`${nat.id} is a public NAT gateway with no Elastic IP in the input`);
    const gate = passInternetGateway(walk, target.id, source.vpc, {
      name: displayName(nat), privateIp: isUnknown(nat.privateIp) ? 'private address' : nat.privateIp, publicIp,
      ...originOf(nat.origin),
    });
    if (gate.kind === 'stopped') return gate.path;
    return path.checkAll(replyChecks) ?? path.end({
      kind: 'exits-network', through: 'internet-gateway', gatewayId: target.id, sourceIpSeen: gate.sourceIpSeen,
      ...(gate.sourceIpUnknown ? { sourceIpUnknown: gate.sourceIpUnknown } : {}),
    });
  }

  if (target.kind === 'transit-gateway' || target.kind === 'virtual-private-gateway') {
    path.add(hop('pass'));
    const out = path.check(aclCheck(walk, subnet, 'out', toDestination, 'nacl-out'));
    if (out) return out;
    const seen = natPrivateIp(nat);
    const end = exitThrough(walk, target.kind, target.id, seen.text, replyChecks);
    if (!seen.unknown || end.end.kind !== 'exits-network') return end;
    return { ...end, end: { ...end.end, sourceIpUnknown: seen.unknown } };
  }

  if (target.kind === 'unknown') {
    return path.unknown(hop('unknown'), [{ fact: `the target of the route in ${lookup.tableName}`, reason: target.reason }]);
  }
  if (target.kind === 'blackhole') return path.drop(hop('drop', 'the route is a blackhole'), 'blackhole');
  const extra = `a NAT gateway's traffic leaves the VPC only through an internet, transit or virtual private gateway`;
  return path.drop(hop('drop', extra), 'no-route');
}

function natPrivateIp(nat: NatGateway): { text: string; unknown?: MissingFact } {
  if (!isUnknown(nat.privateIp)) return { text: nat.privateIp };
  const fact = `the private IP address of ${nameAndId(nat)}`;
  return { text: `private IP of ${displayName(nat)}`, unknown: fromUnknown(fact, nat.privateIp) };
}
