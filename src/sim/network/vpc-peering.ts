// A VPC peering connection: active, joining this VPC, delivering into the peer VPC and routed back the same way.
import { displayName, isUnknown, nameAndId, type Vpc, type VpcPeeringConnection } from '../../model/index.js';
import { cidrContains, parseCidr } from '../ip/index.js';
import type { Hop, MissingFact } from '../trace.js';
import { delivered, enterInterface, returnAcls } from './deliver.js';
import { findInterface, noInterfaceDetail } from './find-interface.js';
import { originOf } from './hop-origin.js';
import { fromUnknown, unresolvedId } from './missing.js';
import { routeHop } from './route-hop.js';
import { lookupRoute } from './route-table.js';
import type { NetworkPath } from './types.js';
import { resolveEndpoint, type Walk } from './walk.js';

/**
 * https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html: traffic crosses only an active
 * peering connection, only to addresses of the peer VPC itself (no transitive routing), and the peer's route
 * table must send the reply back through the same connection. Security group rules may name groups of the
 * peer VPC (same Region). https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-security-groups.html
 */
export function throughPeering(walk: Walk, peeringId: string): NetworkPath {
  const { index, path, source } = walk;
  const pcx = index.peeringConnection(peeringId);
  if (!pcx) {
    const hop: Hop = { at: peeringId, action: 'peering', verdict: 'unknown', detail: `${peeringId} is not in the model` };
    return path.unknown(hop, [unresolvedId(index, `VPC peering connection ${peeringId}`, peeringId)]);
  }
  const at = { at: displayName(pcx), elementId: pcx.id, action: 'peering', ...originOf(pcx.origin) };
  if (pcx.status !== 'active') {
    const detail = `${nameAndId(pcx)} is ${pcx.status}, not active: AWS marks a route to it blackhole`;
    return path.drop({ ...at, verdict: 'drop', detail, confidence: 'documented' }, 'blackhole');
  }
  const peer = peerVpcId(pcx, source.vpc);
  if (peer.kind === 'unknown') {
    return path.unknown({ ...at, verdict: 'unknown', detail: 'the peer VPC is not known' }, [peer.missing]);
  }
  if (peer.kind === 'none') {
    const detail = `${nameAndId(pcx)} does not connect ${displayName(source.vpc)}`;
    return path.drop({ ...at, verdict: 'drop', detail, confidence: 'documented' }, 'no-route');
  }
  const peerVpc = index.vpcs.get(peer.id);
  if (!peerVpc) {
    if (index.unresolvedReason(peer.id)) {
      const missing = unresolvedId(index, `the peer VPC of ${nameAndId(pcx)}`, peer.id);
      return path.unknown({ ...at, verdict: 'unknown', detail: 'the peer VPC is not known' }, [missing]);
    }
    const detail = `to ${peer.id}, which is not in the model`;
    path.add({ ...at, verdict: 'pass', component: 'vpc-peering', confidence: 'documented', detail });
    return path.end({ kind: 'exits-network', through: 'vpc-peering', gatewayId: pcx.id, sourceIpSeen: source.ipText });
  }

  const inside = insideVpc(peerVpc, walk);
  if (inside.kind === 'unknown') {
    const detail = `cannot tell whether ${walk.destinationText} is in ${displayName(peerVpc)}`;
    return path.unknown({ ...at, verdict: 'unknown', detail }, inside.missing);
  }
  if (!inside.value) {
    const detail = `${walk.destinationText} is not in ${displayName(peerVpc)}'s CIDRs, and a peering connection ` +
      'carries traffic only to the peer VPC itself';
    return path.drop({ ...at, verdict: 'drop', detail, confidence: 'documented' }, 'no-route');
  }
  const crossing = `${displayName(source.vpc)} -> ${displayName(peerVpc)}`;
  path.add({ ...at, verdict: 'pass', component: 'vpc-peering', confidence: 'documented', detail: crossing });

  const found = findInterface(walk, peerVpc);
  const vpcAt = { at: displayName(peerVpc), elementId: peerVpc.id, action: 'deliver' };
  if (found.kind === 'unknown') {
    const detail = `cannot tell which network interface holds ${walk.destinationText}`;
    return path.unknown({ ...vpcAt, verdict: 'unknown', detail }, found.missing);
  }
  if (found.kind === 'none') {
    return path.drop({ ...vpcAt, verdict: 'drop', detail: noInterfaceDetail(peerVpc, walk.destinationText) }, 'no-route');
  }
  const target = resolveEndpoint(index, found.eni);
  if (!target.ok) {
    const detail = `${found.eni.id} is not placed in a known subnet`;
    return path.unknown({ ...vpcAt, verdict: 'unknown', detail }, target.missing);
  }

  const entered = enterInterface(walk, target.value, true);
  if (entered) return entered;

  // The reply leaves from the peer subnet: its route table must send the client's address back over this peering.
  const back = lookupRoute(index, target.value.subnet, peerVpc, source.ip);
  const choice = back.choice;
  const returnHop = (verdict: Hop['verdict'], extra?: string) =>
    routeHop(index, target.value.subnet, back, source.ipText, 'return-route', verdict, extra);
  const viaSamePeering = choice.kind === 'route' && choice.target.kind === 'vpc-peering' && choice.target.id === pcx.id;
  if (choice.kind === 'unknown') path.check({ verdict: 'unknown', hop: returnHop('unknown'), missing: choice.missing });
  else if (viaSamePeering) path.add(returnHop('pass'));
  else {
    const lost = `the reply does not go back through ${pcx.id}, so it is lost and the client's connection times out`;
    return path.drop(returnHop('drop', lost), 'no-route');
  }
  return returnAcls(walk, target.value, true) ?? delivered(walk, target.value);
}

type PeerId = { kind: 'vpc'; id: string } | { kind: 'none' } | { kind: 'unknown'; missing: MissingFact };

function peerVpcId(pcx: VpcPeeringConnection, vpc: Vpc): PeerId {
  if (pcx.requesterVpcId === vpc.id) {
    return isUnknown(pcx.accepterVpcId)
      ? { kind: 'unknown', missing: fromUnknown(`the accepter VPC of ${nameAndId(pcx)}`, pcx.accepterVpcId) }
      : { kind: 'vpc', id: pcx.accepterVpcId };
  }
  if (pcx.accepterVpcId === vpc.id) return { kind: 'vpc', id: pcx.requesterVpcId };
  if (isUnknown(pcx.accepterVpcId)) {
    return { kind: 'unknown', missing: fromUnknown(`the accepter VPC of ${nameAndId(pcx)}`, pcx.accepterVpcId) };
  }
  return { kind: 'none' };
}

function insideVpc(vpc: Vpc, walk: Walk): { kind: 'known'; value: boolean } | { kind: 'unknown'; missing: MissingFact[] } {
  const missing: MissingFact[] = [];
  for (const block of vpc.cidrBlocks) {
    if (isUnknown(block)) {
      missing.push(fromUnknown(`a CIDR block of ${displayName(vpc)}`, block));
      continue;
    }
    const cidr = parseCidr(block);
    if (cidr.ok && cidrContains(cidr.value, walk.destination)) return { kind: 'known', value: true };
  }
  return missing.length > 0 ? { kind: 'unknown', missing } : { kind: 'known', value: false };
}
