// A virtual private gateway forwards only toward the routes its VPN connections give it (static routing).
import { describe, expect, it } from 'vitest';
import type { Model, VpnConnection } from '../../model/index.js';
import { patch, route, routeTable, trace, twoTier } from './test-fixtures.js';

const toVgw = patch(twoTier(), 'routeTables', [
  routeTable('rtb-pub', 'vpc-1', [route('0.0.0.0/0', { kind: 'virtual-private-gateway', id: 'vgw-1' })], { subnetIds: ['subnet-pub'] }),
]);
const connection = (staticRoutesOnly: boolean, routes: string[]): VpnConnection => ({ id: 'vpn-1', staticRoutesOnly, routes });
const withVgw = (connections: VpnConnection[]): Model =>
  ({ ...toVgw, vpnGateways: [{ id: 'vgw-1', name: 'Vgw', vpcIds: ['vpc-1'], vpnConnections: connections }] });
const exits = { kind: 'exits-network', through: 'virtual-private-gateway', gatewayId: 'vgw-1', sourceIpSeen: '10.0.1.10' };

describe('virtual private gateway routes', () => {
  it.each([
    { name: 'static routes only, destination in one: the packet leaves over the VPN', m: withVgw([connection(true, ['19.168.0.0/16'])]), to: '19.168.0.1', end: exits, verdict: 'pass' },
    { name: 'static routes only, destination in none: no route at the gateway (Batfish NO_ROUTE at the vgw)', m: withVgw([connection(true, ['19.168.0.0/16'])]), to: '8.8.8.8', end: { kind: 'dropped', cause: 'no-route' }, verdict: 'drop' },
    { name: 'static routing with no route at all', m: withVgw([connection(true, [])]), to: '19.168.0.1', end: { kind: 'dropped', cause: 'no-route' }, verdict: 'drop' },
    { name: 'BGP: the routes it learns are outside the model, so the packet leaves', m: withVgw([connection(false, [])]), to: '8.8.8.8', end: exits, verdict: 'pass' },
    { name: 'no VPN connection known (Direct Connect?): the packet leaves', m: withVgw([]), to: '8.8.8.8', end: exits, verdict: 'pass' },
    { name: 'gateway not in the model (a template): the packet leaves', m: toVgw, to: '8.8.8.8', end: exits, verdict: 'pass' },
  ])('$name', ({ m, to, end, verdict }) => {
    const path = trace(m, 'eni-web', { protocol: 'tcp', port: 443, destination: to });
    expect(path.end).toEqual(end);
    const hop = path.hops.find((h) => h.action === 'virtual-private-gateway');
    expect(hop?.verdict).toBe(verdict);
  });
});
