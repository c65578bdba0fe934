// The virtual private gateway: whether its VPN connections give it a route toward the destination.
import { displayName, nameAndId, type VpnGateway } from '../../model/index.js';
import { cidrContains, parseCidr } from '../ip/index.js';
import type { Hop } from '../trace.js';
import { originOf } from './hop-origin.js';
import type { Walk } from './walk.js';

/**
 * The hop at a virtual private gateway. A gateway whose VPN connections all use static routing forwards only
 * toward those static routes (https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNRoutingTypes.html); any other
 * destination has no route there (Batfish's test-public-private-subnet: NO_ROUTE at the vgw). With BGP, or with
 * no VPN connection known (Direct Connect), the routes it has are outside the model and the packet leaves it.
 */
export function vpnGatewayHop(walk: Walk, gatewayId: string): { hop: Hop; drop: boolean } {
  const vgw = walk.index.vpnGateway(gatewayId);
  const at = { at: vgw ? displayName(vgw) : gatewayId, elementId: gatewayId, action: 'virtual-private-gateway', ...originOf(vgw?.origin) };
  const beyond = `${vgw ? nameAndId(vgw) : gatewayId} takes the packet toward the VPN or Direct Connect network beyond it (not in the model)`;
  if (!vgw || vgw.vpnConnections.length === 0 || vgw.vpnConnections.some((c) => !c.staticRoutesOnly)) {
    return { hop: { ...at, verdict: 'pass', confidence: 'documented', detail: beyond }, drop: false };
  }
  const match = matchingRoute(walk, vgw);
  if (match) {
    const detail = `${nameAndId(vgw)} sends ${walk.destinationText} over VPN connection ${match.connection} (static route ${match.cidr}); the network beyond is not in the model`;
    return { hop: { ...at, verdict: 'pass', confidence: 'documented', detail }, drop: false };
  }
  const routes = vgw.vpnConnections.flatMap((c) => c.routes);
  const detail = `${nameAndId(vgw)} has no route for ${walk.destinationText}: its VPN connections use static routes ` +
    `only (${routes.join(', ') || 'none'}), so it drops the packet (a Direct Connect interface, not in the input, could add routes)`;
  return { hop: { ...at, verdict: 'drop', confidence: 'inferred', detail }, drop: true };
}

function matchingRoute(walk: Walk, vgw: VpnGateway): { connection: string; cidr: string } | undefined {
  for (const connection of vgw.vpnConnections) {
    for (const text of connection.routes) {
      const cidr = parseCidr(text);
      if (cidr.ok && cidrContains(cidr.value, walk.destination)) return { connection: connection.id, cidr: text };
    }
  }
  return undefined;
}
