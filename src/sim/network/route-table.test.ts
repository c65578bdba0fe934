// Route selection: local routes, longest prefix, prefix lists, main route table fallback, unknowns.
import { describe, expect, it } from 'vitest';
import { ModelIndex, unknown, type Route, type RouteTable } from '../../model/index.js';
import { parseAddress } from '../ip/index.js';
import { lookupRoute } from './route-table.js';
import { model, route, routeTable, subnet, vpc } from './test-fixtures.js';

const v = vpc('vpc-1', '10.0.0.0/16', 'Vpc');
const sn = subnet('subnet-a', 'vpc-1', '10.0.1.0/24', 'SubnetA');
const igw = { kind: 'internet-gateway', id: 'igw-1' } as const;
const nat = { kind: 'nat-gateway', id: 'nat-1' } as const;
const vpce = { kind: 'gateway-endpoint', id: 'vpce-s3' } as const;
const s3 = { id: 'pl-s3', name: 'com.amazonaws.us-east-1.s3', cidrs: ['52.216.0.0/15', '3.5.0.0/20'] };

function lookup(tables: RouteTable[], destination: string, extra = {}) {
  const index = new ModelIndex(model({ vpcs: [v], subnets: [sn], routeTables: tables, prefixLists: [s3], ...extra }));
  const ip = parseAddress(destination);
  if (!ip.ok) throw new Error(ip.error);
  return lookupRoute(index, sn, v, ip.value);
}
const assoc = (routes: Route[]) => routeTable('rtb-a', 'vpc-1', routes, { subnetIds: ['subnet-a'], name: 'TableA' });

describe('lookupRoute', () => {
  it.each([
    { name: 'implicit local route for the VPC CIDR', routes: [route('0.0.0.0/0', igw)], to: '10.0.7.7', target: { kind: 'local' }, label: '10.0.0.0/16' },
    { name: 'default route', routes: [route('0.0.0.0/0', igw)], to: '8.8.8.8', target: igw, label: '0.0.0.0/0' },
    { name: 'longest prefix wins', routes: [route('0.0.0.0/0', igw), route('8.8.0.0/16', nat)], to: '8.8.8.8', target: nat, label: '8.8.0.0/16' },
    { name: 'a prefix-list route beats a shorter CIDR route (Batfish test-vpc-endpoint-gateway)', routes: [route('0.0.0.0/0', igw), route('pl-s3', vpce)], to: '52.216.237.77', target: vpce, label: 'pl-s3 (com.amazonaws.us-east-1.s3)' },
    { name: 'an address outside the prefix list takes the default route', routes: [route('0.0.0.0/0', igw), route('pl-s3', vpce)], to: '54.222.57.1', target: igw },
    { name: 'a CIDR route beats a prefix-list route of the same length', routes: [route('pl-s3', vpce), route('52.216.0.0/15', nat)], to: '52.216.1.1', target: nat },
    { name: 'a more specific route inside the VPC CIDR beats local', routes: [route('10.0.7.0/24', nat)], to: '10.0.7.7', target: nat },
    { name: 'a listed local route (as snapshots list it) is the local route', routes: [route('10.0.0.0/16', { kind: 'local' })], to: '10.0.3.3', target: { kind: 'local' } },
  ])('$name', ({ routes, to, target, label }) => {
    const r = lookup([assoc(routes)], to);
    expect(r.mainFallback).toBe(false);
    expect(r.choice).toMatchObject({ kind: 'route', target, ...(label ? { label } : {}) });
  });

  it('no matching route', () => {
    expect(lookup([assoc([])], '8.8.8.8').choice).toEqual({ kind: 'none' });
  });

  it('falls back to the main route table when the subnet has no association', () => {
    const main = routeTable('rtb-main', 'vpc-1', [route('0.0.0.0/0', igw)], { main: true, name: 'Main' });
    const other = routeTable('rtb-other', 'vpc-1', [route('0.0.0.0/0', nat)], { subnetIds: ['subnet-b'] });
    const r = lookup([other, main], '8.8.8.8');
    expect(r).toMatchObject({ mainFallback: true, tableName: 'Main', choice: { kind: 'route', target: igw } });
  });

  it('with no route table at all, only the local route exists', () => {
    const r = lookup([], '8.8.8.8');
    expect(r).toMatchObject({ mainFallback: true, choice: { kind: 'none' } });
    expect(lookup([], '10.0.3.3').choice).toMatchObject({ kind: 'route', target: { kind: 'local' } });
  });

  it('a route whose destination is unknown makes a less specific answer unknown', () => {
    const routes: Route[] = [{ destinationCidr: unknown('parameter OnPremCidr has no value'), target: nat }, route('0.0.0.0/0', igw)];
    const r = lookup([assoc(routes)], '8.8.8.8');
    expect(r.choice).toEqual({ kind: 'unknown', missing: [{ fact: 'the destination of a route', reason: 'parameter OnPremCidr has no value' }] });
  });

  it('an unknown route to the same target as the best match does not matter', () => {
    const routes: Route[] = [{ destinationCidr: unknown('x'), target: igw }, route('0.0.0.0/0', igw)];
    expect(lookup([assoc(routes)], '8.8.8.8').choice).toMatchObject({ kind: 'route', target: igw });
  });

  it('a prefix list not in the model makes the answer unknown', () => {
    const r = lookup([assoc([route('0.0.0.0/0', igw), route('pl-other', vpce)])], '8.8.8.8');
    expect(r.choice.kind).toBe('unknown');
    if (r.choice.kind === 'unknown') expect(r.choice.missing[0]?.fact).toBe('the CIDRs of prefix list pl-other');
  });

  it('a VPC CIDR that is unknown leaves local routing unknown', () => {
    const index = new ModelIndex(model({ vpcs: [{ ...v, cidrBlocks: [unknown('ImportValue VpcCidr')] }], subnets: [sn], routeTables: [assoc([route('0.0.0.0/0', igw)])] }));
    const ip = parseAddress('10.0.3.3');
    if (!ip.ok) throw new Error();
    expect(lookupRoute(index, sn, index.vpcs.get('vpc-1')!, ip.value).choice.kind).toBe('unknown');
  });
});
