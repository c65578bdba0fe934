// The internet gateway: attached to the VPC, and translating a private address that has a public IPv4 address.
import { displayName, isUnknown, nameAndId, type Maybe, type Origin, type Vpc } from '../../model/index.js';
import type { Hop, MissingFact } from '../trace.js';
import { fromUnknown, unresolvedId } from './missing.js';
import type { NetworkPath } from './types.js';
import type { Walk } from './walk.js';
import { originOf } from './hop-origin.js';

/** Who sends through the gateway: an ENI of the client, or a NAT gateway on its behalf. */
export interface Sender {
  readonly name: string;
  readonly privateIp: string;
  /** Absent: the sender has no public IPv4 address. Unknown: it has one whose value the input cannot tell. */
  readonly publicIp: Maybe<string> | undefined;
  readonly isLambda?: boolean;
  readonly origin?: Origin;
}

export type GatewayPass =
  | { readonly kind: 'pass'; readonly sourceIpSeen: string; readonly sourceIpUnknown?: MissingFact }
  | { readonly kind: 'stopped'; readonly path: NetworkPath };

/**
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html: an internet gateway must be attached
 * to the VPC, and it only carries traffic of an address that has a public IPv4 address, which it substitutes for
 * the private one (R32). Batfish's test-public-subnet: a source without one is DENIED_IN at the gateway.
 */
export function passInternetGateway(walk: Walk, gatewayId: string, vpc: Vpc, sender: Sender): GatewayPass {
  const { index, path } = walk;
  const igw = index.internetGateway(gatewayId);
  if (!igw) {
    const missing = unresolvedId(index, `internet gateway ${gatewayId}`, gatewayId);
    const hop: Hop = { at: gatewayId, action: 'internet-gateway', verdict: 'unknown', detail: `${gatewayId} is not in the model` };
    return { kind: 'stopped', path: path.unknown(hop, [missing]) };
  }
  const at = { at: displayName(igw), elementId: igw.id, action: 'internet-gateway' };
  if (igw.vpcId !== vpc.id) {
    const detail = `${nameAndId(igw)} is not attached to ${displayName(vpc)}: AWS marks a route to it blackhole`;
    const hop: Hop = { ...at, verdict: 'drop', detail, confidence: 'documented', ...originOf(igw.origin) };
    return { kind: 'stopped', path: path.drop(hop, 'blackhole') };
  }
  if (sender.publicIp === undefined) {
    const lambda = sender.isLambda
      ? '; a Lambda function in a VPC never gets one, so it reaches the internet only through a NAT gateway' : '';
    const detail = `${sender.name} (${sender.privateIp}) has no public IPv4 address, and an internet gateway only ` +
      `carries traffic of addresses that have one${lambda}`;
    const hop: Hop = { ...at, verdict: 'drop', detail, rules: ['R32'], confidence: 'documented', ...originOf(sender.origin) };
    return { kind: 'stopped', path: path.drop(hop, 'no-public-ip') };
  }
  const publicText = isUnknown(sender.publicIp)
    ? `its public IP (not known from the input: ${sender.publicIp.reason})` : sender.publicIp;
  const sourceIpSeen = isUnknown(sender.publicIp) ? `public IP of ${sender.name}` : sender.publicIp;
  path.add({
    ...at, verdict: 'pass', component: 'internet-gateway', rules: ['R32'], confidence: 'documented',
    detail: `translates ${sender.name}'s ${sender.privateIp} to ${publicText}`, ...originOf(igw.origin),
  });
  if (!isUnknown(sender.publicIp)) return { kind: 'pass', sourceIpSeen };
  return { kind: 'pass', sourceIpSeen, sourceIpUnknown: fromUnknown(`the public IP address of ${sender.name}`, sender.publicIp) };
}
