// Leaving the modelled network through a gateway endpoint, a transit gateway or a virtual private gateway.
import { displayName, nameAndId } from '../../model/index.js';
import type { Hop } from '../trace.js';
import { unresolvedId } from './missing.js';
import type { Check } from './path-builder.js';
import type { ExitThrough, NetworkPath } from './types.js';
import type { Walk } from './walk.js';
import { originOf } from './hop-origin.js';
import { vpnGatewayHop } from './vpn-gateway.js';

export type OtherExit = Exclude<ExitThrough, 'internet-gateway' | 'vpc-peering'>;

/**
 * Adds the gateway's hop, then the reply's checks, and ends the path outside the model.
 * - Gateway endpoint: a prefix-list route target that carries the packet to S3 or DynamoDB (R33).
 *   https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html
 * - Transit gateway: the VPC must be attached to it. https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html
 * - Virtual private gateway: toward a VPN or Direct Connect; what lies beyond is not in the model, but static VPN
 *   routes tell which destinations it has a route for (vpn-gateway.ts).
 */
export function exitThrough(
  walk: Walk, through: OtherExit, gatewayId: string, sourceIpSeen: string, replyChecks: readonly Check[],
): NetworkPath {
  const { index, path } = walk;
  const vpc = walk.source.vpc;
  const placeholder = index.unresolvedReason(gatewayId);
  if (placeholder) {
    const hop: Hop = { at: gatewayId, action: through, verdict: 'unknown', detail: `the ${through} this route names is not known` };
    return path.unknown(hop, [unresolvedId(index, `the ${through} of a route`, gatewayId)]);
  }
  let hop: Hop;
  if (through === 'gateway-endpoint') {
    const endpoint = index.vpcEndpoints.get(gatewayId);
    const service = endpoint && typeof endpoint.serviceName === 'string' ? ` for ${endpoint.serviceName}` : '';
    hop = {
      at: endpoint ? displayName(endpoint) : gatewayId, elementId: gatewayId, action: 'gateway-endpoint', verdict: 'pass',
      detail: `gateway endpoint ${endpoint ? nameAndId(endpoint) : gatewayId}${service} carries the packet to the service`,
      rules: ['R33'], confidence: 'documented', ...originOf(endpoint?.origin),
    };
  } else if (through === 'transit-gateway') {
    const tgw = index.transitGateway(gatewayId);
    if (tgw && !tgw.attachments.some((a) => a.vpcId === vpc.id)) {
      const detail = `${nameAndId(tgw)} has no attachment to ${displayName(vpc)}, so it cannot take the packet`;
      const drop: Hop = {
        at: displayName(tgw), elementId: tgw.id, action: 'transit-gateway', verdict: 'drop', detail, ...originOf(tgw.origin),
      };
      return path.drop(drop, 'no-route');
    }
    hop = {
      at: tgw ? displayName(tgw) : gatewayId, elementId: gatewayId, action: 'transit-gateway', verdict: 'pass',
      component: 'transit-gateway', confidence: 'documented', ...originOf(tgw?.origin),
      detail: `${tgw ? nameAndId(tgw) : gatewayId} takes the packet; its own route tables (not simulated) decide where it goes`,
    };
  } else {
    const vgw = vpnGatewayHop(walk, gatewayId);
    if (vgw.drop) return path.drop(vgw.hop, 'no-route');
    hop = vgw.hop;
  }
  path.add(hop);
  return path.checkAll(replyChecks) ?? path.end({ kind: 'exits-network', through, sourceIpSeen, gatewayId });
}
