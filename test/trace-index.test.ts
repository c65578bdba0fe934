// ModelIndex's lookup maps must never change a trace. On generated estates (two seeds), plain and perturbed with
// what the generator never writes (peering, transit and VPN gateways, duplicate ids and addresses, shadowing route
// tables and ACLs, Resolver rules and private zones with unknown or unresolved VPC associations, inbound endpoints,
// DHCP options, facts.dns wildcards, private custom domains and their associations, an endpoint whose VPC is a
// placeholder), every trace from every placement to every target (and some network flows, and workloads named
// by name, function name or ENI) is hashed, and the hash must equal the one the scanning code gave.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateEstate } from '../scripts/generate-estate.js';
import { placementsOf } from '../src/audit/placements.js';
import { estateTargets } from '../src/audit/targets.js';
import { load } from '../src/load/load-model.js';
import {
  isKnown, ModelIndex, type Api, type DhcpOptions, type DomainName, type DomainNameAccessAssociation, type HostedZone,
  type Instance, type LambdaFunction, type Model, type NetworkAcl, type NetworkInterface, type PublicDnsRecord,
  type ResolverEndpoint, type ResolverRule, type RouteTable, type Subnet, type TransitGateway, type Unknown, type Vpc,
  type VpcEndpoint, type VpcPeeringConnection, type VpnGateway,
} from '../src/model/index.js';
import type { RequestSpec } from '../src/sim/request.js';
import { traceRequest } from '../src/sim/trace-request.js';

/**
 * Produced by running this very file, with `TRACE_INDEX_PRINT=1`, on the code before ModelIndex had its lookup maps
 * (src/sim and src/model/lookup.ts as at commit aa53cf3, where every lookup scanned the model's collections; the
 * snapshot reader as it stood in the working tree then, which loads these estates as commit 04d08d8 did). They
 * change only if traces do: a change to the simulation, the snapshot reader or the estate generator that changes
 * a trace must recompute them the same way, on the code before it.
 */
const EXPECTED: Record<string, string> = {
  'seed 1 plain': 'b60d95f7d60660510abfa742b709ea6f66f56bfaef5966135b688352ff2d61c8',
  'seed 1 perturbed': '3c377e366f3269150e98fa263af93229e43831d4a8cc26879a241cbbbc49e6a5',
  'seed 1 placeholder endpoint': '0b40bbb26d7982cd4f85a4f5dc2ef0adbd6a6fca4b4433e057cefa90a2ba3ea4',
  'seed 2 plain': 'c5dcfcb913505bdf3c975509772aaed186d8d836b171b41e233236653e3e80b7',
  'seed 2 perturbed': '42145e1bf295d7e703fd62c90bbd0b877f599a39eccf1c59c1df708c95a701b0',
  'seed 2 placeholder endpoint': '77f8d26777e2e793b346cd10907c1b0b8c096f65c155051518c08de159ffddf7',
};

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

const U = (reason: string): Unknown => ({ kind: 'unknown', reason });
const at = (line: number) => ({ origin: { file: 'perturb.yaml', line } });

function http(url: string): RequestSpec {
  return { kind: 'http', method: 'GET', url: new URL(url), headers: {} };
}

function tcp(destination: string, port = 443): RequestSpec {
  return { kind: 'tcp', protocol: 'tcp', destination, port };
}

/** `10.13.0.0/16` -> `10.13`: the generator gives every VPC a /16. */
function net(vpc: Vpc): string {
  const c = vpc.cidrBlocks[0];
  return typeof c === 'string' ? c.split('.').slice(0, 2).join('.') : '10.250';
}

function parentOf(name: string): string {
  return name.split('.').slice(1).join('.');
}

interface Variant {
  readonly model: Model;
  /** Extra targets beyond the estate's own. */
  readonly urls: string[];
  /** Network flows: from (a workload id) -> destinations. */
  readonly flows: { from: string; to: RequestSpec }[];
  /** Other ways to name the source. */
  readonly froms: string[];
}

/** What the generator never writes, added (mostly appended, sometimes put first to shadow) to a loaded estate. */
function perturb(m: Model): Variant {
  const workloadEnis = new Set([...m.instances, ...m.lambdaFunctions].flatMap((w) => w.networkInterfaceIds));
  const hasWorkload = (v: Vpc) => m.networkInterfaces.some((e) => e.vpcId === v.id && workloadEnis.has(e.id));
  const placed = m.vpcs.filter(hasWorkload);
  const interfaceEndpoint = (v: Vpc) => m.vpcEndpoints.find((e) => e.vpcId === v.id && e.type === 'Interface');
  const vA = placed.find((v) => interfaceEndpoint(v)) ?? placed[0]!;
  const vB = placed.find((v) => v !== vA && v.region === vA.region) ?? placed.find((v) => v !== vA)!;
  const others = m.vpcs.filter((v) => v !== vA && v !== vB);
  const o = (k: number) => others[k % others.length]!;
  const subnetsOf = (v: Vpc) => m.subnets.filter((s) => s.vpcId === v.id);
  const [subA0, subA1] = subnetsOf(vA) as [Subnet, Subnet];
  const subB0 = subnetsOf(vB)[0]!;
  const enisOf = (v: Vpc) => m.networkInterfaces.filter((e) => e.vpcId === v.id);
  const workloadIn = (v: Vpc) => [...m.instances, ...m.lambdaFunctions].find((w) => enisOf(v).some((e) => w.networkInterfaceIds.includes(e.id)));
  const wA = workloadIn(vA)!;
  const wB = workloadIn(vB)!;
  const endpointA = interfaceEndpoint(vA);
  const a = net(vA);
  const b = net(vB);
  const region = vA.region;
  const firstIp = (e: NetworkInterface) => (isKnown(e.privateIps[0]) ? e.privateIps[0] : '10.250.0.1');

  // Route tables: a table for subA0 put first (shadowing its association), one for subB0 to route replies back,
  // and a main table for another VPC put first.
  const originalA = m.routeTables.find((t) => t.subnetIds.includes(subA0.id)) ?? m.routeTables.find((t) => t.vpcId === vA.id && t.main);
  const originalB = m.routeTables.find((t) => t.subnetIds.includes(subB0.id)) ?? m.routeTables.find((t) => t.vpcId === vB.id && t.main);
  const pl = m.prefixLists[0];
  const eniTarget = enisOf(o(3))[0];
  const instanceTarget = m.instances[m.instances.length - 1]!;
  const tableA: RouteTable = {
    id: 'rtb-perturb-a', name: 'perturb-a', vpcId: vA.id, main: false, subnetIds: [subA0.id], ...at(1),
    routes: [
      ...(originalA?.routes ?? []),
      { destinationCidr: `${b}.0.0/16`, target: { kind: 'vpc-peering', id: 'pcx-perturb-ab' }, ...at(2) },
      { destinationCidr: `${net(o(0))}.0.0/16`, target: { kind: 'vpc-peering', id: 'pcx-perturb-pending' } },
      { destinationCidr: `${net(o(1))}.0.0/16`, target: { kind: 'vpc-peering', id: 'pcx-perturb-unknown' } },
      { destinationCidr: '172.16.0.0/12', target: { kind: 'transit-gateway', id: 'tgw-perturb-attached' } },
      { destinationCidr: '100.64.0.0/10', target: { kind: 'transit-gateway', id: 'tgw-perturb-elsewhere' } },
      { destinationCidr: '192.168.0.0/16', target: { kind: 'virtual-private-gateway', id: 'vgw-perturb' } },
      { destinationCidr: '198.18.0.0/15', target: { kind: 'network-interface', id: eniTarget?.id ?? 'eni-none' } },
      { destinationCidr: '198.20.0.0/16', target: { kind: 'instance', id: instanceTarget.id } },
      { destinationCidr: '198.21.0.0/16', target: { kind: 'blackhole' } },
      { destinationCidr: U('a route whose destination is a parameter'), target: { kind: 'nat-gateway', id: m.natGateways[0]?.id ?? 'nat-none' } },
      ...(pl ? [{ destinationPrefixListId: pl.id, target: { kind: 'gateway-endpoint' as const, id: 'vpce-perturb-gateway' } }] : []),
    ],
  };
  const tableB: RouteTable = {
    id: 'rtb-perturb-b', vpcId: vB.id, main: false, subnetIds: [subB0.id],
    routes: [...(originalB?.routes ?? []), { destinationCidr: `${a}.0.0/16`, target: { kind: 'vpc-peering', id: 'pcx-perturb-ab' } }],
  };
  const mainShadow: RouteTable = {
    id: 'rtb-perturb-main', vpcId: o(4).id, main: true, subnetIds: [],
    routes: [{ destinationCidr: '0.0.0.0/0', target: { kind: 'blackhole' } }],
  };

  // ACLs: one for subB0 put first that refuses HTTPS in; a default ACL for another VPC put first.
  const aclB: NetworkAcl = {
    id: 'acl-perturb-b', vpcId: vB.id, isDefault: false, subnetIds: [subB0.id], ...at(3),
    entries: [
      { ruleNumber: 90, egress: false, protocol: '6', action: 'deny', cidrBlock: `${a}.0.0/17`, portRange: { from: 443, to: 443 } },
      { ruleNumber: 100, egress: false, protocol: '-1', action: 'allow', cidrBlock: '0.0.0.0/0' },
      { ruleNumber: 100, egress: true, protocol: '-1', action: 'allow', cidrBlock: '0.0.0.0/0' },
      { ruleNumber: 50, egress: true, protocol: '6', action: 'allow', cidrBlock: U('an ACL CIDR from a parameter'), portRange: { from: 22, to: 22 } },
    ],
  };
  const defaultShadow: NetworkAcl = {
    id: 'acl-perturb-default', vpcId: o(5).id, isDefault: true, subnetIds: [],
    entries: [{ ruleNumber: 100, egress: true, protocol: '6', action: 'deny', cidrBlock: '0.0.0.0/0', portRange: { from: 443, to: 443 } }],
  };

  // ENIs: a second holder of a vA address (appended: the first keeps it), one with an unknown address, an ENI
  // of an sts endpoint known only by its owner, and one put first that takes over an address in vB.
  const eniA = enisOf(vA).find((e) => e.subnetId === subA0.id) ?? enisOf(vA)[0]!;
  const eniB = enisOf(vB)[0]!;
  const dupA: NetworkInterface = { ...eniA, id: 'eni-perturb-dup-a', securityGroupIds: [], owner: { kind: 'other', description: 'duplicate' } };
  const unknownIp: NetworkInterface = {
    id: 'eni-perturb-unknown-ip', subnetId: subA1.id, vpcId: vA.id, privateIps: [U('the address is assigned at launch')],
    securityGroupIds: eniA.securityGroupIds, owner: { kind: 'other', description: 'unknown address' },
  };
  const stsEni: NetworkInterface = {
    id: 'eni-perturb-sts', subnetId: subA1.id, vpcId: vA.id, privateIps: [`${a}.1.77`], securityGroupIds: [],
    owner: { kind: 'vpc-endpoint', id: 'vpce-perturb-sts' },
  };
  const shadowB: NetworkInterface = { ...eniB, id: 'eni-perturb-shadow-b', name: 'shadow', owner: { kind: 'lambda', id: 'perturb-function' } };

  const stsEndpoint: VpcEndpoint = {
    id: 'vpce-perturb-sts', vpcId: vA.id, region, serviceName: `com.amazonaws.${region}.sts`, type: 'Interface',
    privateDnsEnabled: true, subnetIds: [subA1.id], securityGroupIds: [], networkInterfaceIds: [], routeTableIds: [],
  };
  const unknownService: VpcEndpoint = {
    id: 'vpce-perturb-unknown-service', vpcId: o(2).id, region: o(2).region, serviceName: U('the service is a parameter'),
    type: 'Interface', privateDnsEnabled: true, subnetIds: [], securityGroupIds: [], networkInterfaceIds: [], routeTableIds: [],
  };

  const peerings: VpcPeeringConnection[] = [
    { id: 'pcx-perturb-ab', requesterVpcId: vA.id, accepterVpcId: vB.id, status: 'active', ...at(4) },
    { id: 'pcx-perturb-pending', requesterVpcId: vA.id, accepterVpcId: o(0).id, status: 'pending-acceptance' },
    { id: 'pcx-perturb-unknown', requesterVpcId: o(1).id, accepterVpcId: U('the peer is a parameter') },
    { id: 'pcx-perturb-ab', requesterVpcId: vB.id, accepterVpcId: o(6).id, status: 'active' },
  ].map((p) => ({ status: 'active', ...p }));
  const tgws: TransitGateway[] = [
    { id: 'tgw-perturb-attached', attachments: [{ vpcId: vA.id, subnetIds: [subA0.id] }] },
    { id: 'tgw-perturb-elsewhere', attachments: [{ vpcId: vB.id, subnetIds: [] }] },
    { id: 'tgw-perturb-attached', attachments: [] },
  ];
  const vgws: VpnGateway[] = [{
    id: 'vgw-perturb', vpcIds: [vA.id],
    vpnConnections: [{ id: 'vpn-perturb', staticRoutesOnly: true, routes: ['192.168.0.0/17'] }],
  }];

  // DNS: an inbound endpoint in vB, rules in every association state, private zones likewise, DHCP options.
  const inboundIp = `${b}.0.53`;
  const endpoints: ResolverEndpoint[] = [
    { id: 'rslvr-in-perturb-b', direction: 'INBOUND', vpcId: vB.id, ipAddresses: [U('second address'), inboundIp], networkInterfaceIds: [] },
    { id: 'rslvr-in-perturb-lost', direction: 'INBOUND', vpcId: 'vpc-not-in-model', ipAddresses: ['10.251.0.53'], networkInterfaceIds: [] },
    { id: 'rslvr-in-perturb-dup', direction: 'INBOUND', vpcId: o(7).id, ipAddresses: [`${b}.0.54`, inboundIp], networkInterfaceIds: [] },
    { id: 'rslvr-out-perturb', direction: 'OUTBOUND', vpcId: vA.id, ipAddresses: [`${a}.0.54`], networkInterfaceIds: [] },
  ];
  const domains = m.domainNames.map((d) => d.domainName);
  const d0 = domains[0] ?? 'api0.payments.example.com';
  const d1 = domains[1] ?? 'api1.orders.example.com';
  const d2 = domains[2] ?? 'api2.web.example.com';
  const rules: ResolverRule[] = [
    { id: 'rslvr-rr-perturb-forward', domainName: 'example.com', ruleType: 'FORWARD', targetIps: [inboundIp], vpcIds: [vA.id, o(8).id] },
    { id: 'rslvr-rr-perturb-forward-2', domainName: 'example.com.', ruleType: 'FORWARD', targetIps: ['192.0.2.53'], vpcIds: [vA.id, o(9).id] },
    { id: 'rslvr-rr-perturb-system', domainName: parentOf(d0), ruleType: 'SYSTEM', targetIps: [], vpcIds: [vA.id] },
    { id: 'rslvr-rr-perturb-unknown-vpc', domainName: parentOf(d1), ruleType: 'FORWARD', targetIps: ['192.0.2.54'], vpcIds: [U('the VPC is a parameter')] },
    { id: 'rslvr-rr-perturb-placeholder', domainName: 'facts.test', ruleType: 'FORWARD', targetIps: ['192.0.2.55'], vpcIds: ['unresolved:ImportValue:SharedVpc'] },
    { id: 'rslvr-rr-perturb-unknown-name', domainName: U('the domain is a parameter'), ruleType: 'FORWARD', targetIps: ['192.0.2.56'], vpcIds: [o(10).id] },
    { id: 'rslvr-rr-perturb-both', domainName: parentOf(d2), ruleType: 'FORWARD', targetIps: [U('target from a parameter')], vpcIds: [o(11).id, U('second association'), o(11).id] },
    { id: 'rslvr-rr-perturb-loop', domainName: 'loop.example.org', ruleType: 'FORWARD', targetIps: [inboundIp], vpcIds: [vB.id, vA.id] },
    { id: 'rslvr-rr-perturb-two-targets', domainName: 'two.example.org', ruleType: 'FORWARD', targetIps: [inboundIp, `${b}.0.54`], vpcIds: [vA.id] },
    { id: 'rslvr-rr-perturb-lost', domainName: 'lost.example.org', ruleType: 'FORWARD', targetIps: ['10.251.0.53'], vpcIds: [vA.id] },
  ];
  const privateName = 'private.example.org';
  const zone = (id: string, zoneName: HostedZone['zoneName'], vpcIds: HostedZone['vpcs'][number]['vpcId'][], records: HostedZone['records'], extra: Partial<HostedZone> = {}): HostedZone =>
    ({ id, zoneName, private: true, vpcs: vpcIds.map((vpcId) => ({ vpcId })), records, ...extra });
  const apiForZone = m.apis.find((x) => x.region === region) ?? m.apis[0]!;
  const otherApi = m.apis.find((x) => x.region === region && x !== apiForZone) ?? apiForZone;
  const zones: HostedZone[] = [
    zone('ZPERTURBSHARED1', 'shared.internal', [o(12).id, vA.id], [{ name: 'svc.shared.internal', type: 'A', values: ['10.1.2.3'] }]),
    zone('ZPERTURBSHARED2', 'shared.internal', [vA.id], [{ name: 'svc.shared.internal', type: 'A', values: ['10.3.2.1'] }]),
    zone('ZPERTURBAPI', `${apiForZone.id}.execute-api.${region}.amazonaws.com`, [vA.id, vB.id],
      [{ name: `${apiForZone.id}.execute-api.${region}.amazonaws.com`, type: 'CNAME', values: [`${otherApi.id}.execute-api.${region}.amazonaws.com`] }]),
    zone('ZPERTURBUNKNOWN', parentOf(d2), [U('association from a parameter')], []),
    zone('ZPERTURBPLACEHOLDER', 'corp.test', ['unresolved:ImportValue:CorpVpc'], []),
    zone('ZPERTURBNONAME', U('zone name from a parameter'), [o(13).id], []),
    zone('ZPERTURBPRIVATE', privateName, [vA.id, vB.id],
      endpointA ? [{ name: privateName, type: 'A', values: [], alias: { dnsName: endpointA.dnsNames?.[0] ?? `${endpointA.id}.execute-api.${region}.vpce.amazonaws.com` } },
        { name: `two.${privateName}`, type: 'CNAME', values: [privateName] }] : []),
    zone('ZPERTURBEXTERNAL', U('the zone is not in the model'), [], [{ name: 'ext.example.net', type: 'A', values: ['203.0.113.80'] }], { private: false, external: true }),
    zone('ZPERTURBPUBLIC1', 'example.net', [], [{ name: 'www.example.net', type: 'A', values: ['203.0.113.81'] }], { private: false }),
    zone('ZPERTURBPUBLIC2', 'example.net', [], [{ name: 'www.example.net', type: 'A', values: ['203.0.113.82'] }], { private: false }),
    zone('ZPERTURBALIAS', 'alias.example.net', [], [{ name: 'a.alias.example.net', type: 'A', values: [], alias: { dnsName: 'www.example.net', hostedZoneId: '/hostedzone/ZPERTURBPUBLIC2' } }], { private: false }),
  ];
  const dhcp: DhcpOptions[] = [
    { id: 'dopt-perturb-inbound', domainNameServers: [inboundIp], vpcIds: [o(14).id] },
    { id: 'dopt-perturb-custom', domainNameServers: ['10.9.9.9', 'AmazonProvidedDNS'], vpcIds: [o(15).id] },
    { id: 'dopt-perturb-lost', domainNameServers: ['10.251.0.53'], vpcIds: [o(16).id] },
  ];
  const facts: PublicDnsRecord[] = [
    { name: '*.facts.test', type: 'A', value: '203.0.113.90' },
    { name: '*.deep.facts.test', type: 'CNAME', value: 'exact.facts.test.' },
    { name: 'Exact.facts.test', type: 'A', value: '203.0.113.91' },
    { name: 'exact.facts.test', type: 'AAAA', value: '2001:db8::1' },
    { name: '*.facts.test.', type: 'A', value: '203.0.113.92' },
    { name: 'alias.facts.test', type: 'ALIAS', value: `${otherApi.id}.execute-api.${region}.amazonaws.com` },
  ];

  // APIs: a second API with an existing id (appended: the id map keeps it, a scan finds the first) and one whose
  // id is in upper case, put first.
  const dupApi: Api = { ...m.apis[3]!, endpointType: m.apis[3]!.endpointType === 'PRIVATE' ? 'REGIONAL' : 'PRIVATE', name: 'perturb-dup' };
  const upper: Api = { ...m.apis[4]!, id: m.apis[4]!.id.toUpperCase(), endpointType: 'EDGE', kind: 'REST', name: 'perturb-upper' };
  // Domains: a second of an existing name (EDGE), private domains with and without an association.
  const dom0 = m.domainNames[0];
  const privateApi = m.apis.find((x) => x.region === region && x.endpointType === 'PRIVATE') ?? m.apis[0]!;
  const newDomains: DomainName[] = [
    ...(dom0 ? [{ ...dom0, id: 'perturb-dup-domain', endpointType: 'EDGE' as const, distributionDomainName: 'dperturb0000001.cloudfront.net' }] : []),
    { id: 'perturb-private', domainName: privateName, endpointType: 'PRIVATE', region, account: vA.account,
      arn: `arn:aws:apigateway:${region}:${vA.account}:/domainnames/${privateName}+abc123`,
      mappings: [{ basePath: '', apiId: privateApi.id, stage: 'prod' }] },
    { id: 'perturb-private-2', domainName: `two.${privateName}`, endpointType: 'PRIVATE', region, account: vA.account,
      arn: `arn:aws:apigateway:${region}:${vA.account}:/domainnames/two.${privateName}+def456`, mappings: [] },
  ];
  const associations: DomainNameAccessAssociation[] = endpointA ? [
    { id: 'dnaa-perturb-1', domainNameArn: newDomains.find((d) => d.id === 'perturb-private')!.arn, vpcEndpointId: endpointA.id },
    { id: 'dnaa-perturb-2', domainNameArn: U('the ARN is a parameter'), vpcEndpointId: 'vpce-elsewhere' },
    { id: 'dnaa-perturb-3', domainNameArn: newDomains.find((d) => d.id === 'perturb-private-2')!.arn, vpcEndpointId: U('the endpoint is a parameter') },
  ] : [];

  // Workloads: an instance with another's name (appended: the first keeps it), a function named by its id.
  const inst0 = m.instances[0]!;
  const sameName: Instance = { id: 'i-perturb-same-name', name: inst0.name ?? inst0.id, networkInterfaceIds: [eniB.id] };
  const fn: LambdaFunction = { id: 'perturb-fn', name: 'perturb-fn-logical', functionName: 'perturb-function', networkInterfaceIds: ['eni-perturb-shadow-b', eniA.id] };

  const model: Model = {
    ...m,
    vpcs: m.vpcs.map((v) => (v.id === o(17).id ? { ...v, dhcpOptionsId: 'dopt-perturb-inbound' } : v)),
    routeTables: [tableA, tableB, mainShadow, ...m.routeTables],
    networkAcls: [aclB, defaultShadow, ...m.networkAcls],
    networkInterfaces: [shadowB, ...m.networkInterfaces, dupA, unknownIp, stsEni],
    instances: [...m.instances, sameName],
    lambdaFunctions: [...m.lambdaFunctions, fn],
    vpcEndpoints: [...m.vpcEndpoints, stsEndpoint, unknownService],
    peeringConnections: [...m.peeringConnections, ...peerings],
    transitGateways: [...m.transitGateways, ...tgws],
    vpnGateways: [...(m.vpnGateways ?? []), ...vgws],
    dhcpOptions: [...dhcp, ...m.dhcpOptions],
    hostedZones: [...m.hostedZones, ...zones],
    resolverRules: [...m.resolverRules, ...rules],
    resolverEndpoints: [...m.resolverEndpoints, ...endpoints],
    apis: [upper, ...m.apis, dupApi],
    domainNames: [...m.domainNames, ...newDomains],
    domainNameAccessAssociations: [...m.domainNameAccessAssociations, ...associations],
    publicDns: [...m.publicDns, ...facts],
  };

  const urls = [
    'https://svc.shared.internal/', 'https://nothing.shared.internal/', `https://${privateName}/items`, `https://two.${privateName}/`,
    'https://www.example.net/', 'https://ext.example.net/', 'https://a.alias.example.net/', 'https://x.facts.test/',
    'https://y.deep.facts.test/', 'https://exact.facts.test/', 'https://alias.facts.test/', 'https://q.loop.example.org/', 'https://q.two.example.org/',
    'https://q.lost.example.org/', `https://sts.${region}.amazonaws.com/`, 'https://svc.corp.test/', 'https://other.example.com/',
    `https://${apiForZone.id}.execute-api.${region}.amazonaws.com/prod/`,
    `https://${m.apis[3]!.id}.execute-api.${m.apis[3]!.region}.amazonaws.com/prod/`,
    `https://${m.apis[4]!.id}.execute-api.${m.apis[4]!.region}.amazonaws.com/prod/`,
    ...(dom0?.regionalDomainName ? [`https://${dom0.regionalDomainName}/`] : []),
    'https://dperturb0000001.cloudfront.net/',
    ...(endpointA?.dnsNames ?? []).map((n) => `https://${n}/prod/`),
    ...(endpointA ? [`https://${endpointA.id}.execute-api.${region}.vpce.amazonaws.com/`, `https://${endpointA.id}-zz-${region}a.execute-api.${region}.vpce.amazonaws.com/`] : []),
    ...(endpointA ? [`https://${privateApi.id}-${endpointA.id}.execute-api.${region}.amazonaws.com/prod/`] : []),
  ];
  const destinations = [
    ...enisOf(vB).map(firstIp), `${b}.0.99`, ...enisOf(vA).map(firstIp), `${a}.0.250`, `${a}.1.250`, `${net(o(0))}.0.10`,
    `${net(o(1))}.0.10`, '172.16.1.1', '100.64.1.1', '192.168.1.1', '192.168.200.1', '198.18.0.1', '198.20.0.1',
    '198.21.0.1', '8.8.8.8', ...(pl ? [pl.cidrs[0]!.replace(/\/\d+$/, '').replace(/\.0$/, '.9')] : []),
  ];
  const flows = [wA, wB, fn].flatMap((w) => destinations.map((d) => ({ from: w.id, to: tcp(d) })));
  const froms = [inst0.name ?? inst0.id, fn.functionName, fn.name!, eniA.id, ...(m.lambdaFunctions[0] ? [m.lambdaFunctions[0].functionName] : []), 'no-such-workload'];
  return { model, urls, flows, froms };
}

/** An endpoint whose VPC is a placeholder: every VPC's resolver may be under its hidden zone. */
function placeholderEndpoint(m: Model): Variant {
  const region = m.vpcs[0]!.region;
  const endpoint: VpcEndpoint = {
    id: 'vpce-perturb-placeholder', vpcId: 'unresolved:ImportValue:EndpointVpc', region, serviceName: `com.amazonaws.${region}.execute-api`,
    type: 'Interface', privateDnsEnabled: true, subnetIds: [], securityGroupIds: [], networkInterfaceIds: [], routeTableIds: [],
  };
  return {
    model: { ...m, vpcEndpoints: [m.vpcEndpoints[0]!, endpoint, ...m.vpcEndpoints.slice(1)], unresolvedReferences: [...m.unresolvedReferences, { placeholder: endpoint.vpcId, reason: 'stack SharedNetwork is not loaded' }] },
    urls: [], flows: [], froms: [],
  };
}

function plain(m: Model): Variant {
  return { model: m, urls: [], flows: [], froms: [] };
}

/** Every trace of the variant, as JSON with the estate's folder replaced, and their hash. */
function traceAll(v: Variant, dir: string, every = 1): { hash: string; count: number; results: Record<string, number> } {
  const index = new ModelIndex(v.model);
  const placements = placementsOf(index);
  const targets = [...estateTargets(v.model).map((t) => ({ key: t.key, spec: t.spec })), ...v.urls.map((u) => ({ key: `GET ${u}`, spec: http(u) }))];
  const pairs: { from: string; key: string; spec: RequestSpec }[] = [];
  for (const p of placements) for (const t of targets) pairs.push({ from: p.workloads[0]!.id, key: t.key, spec: t.spec });
  for (const f of v.flows) pairs.push({ from: f.from, key: `TCP ${f.to.kind === 'tcp' ? f.to.destination : ''}`, spec: f.to });
  for (const from of v.froms) for (const t of targets.slice(0, 3)) pairs.push({ from, key: t.key, spec: t.spec });
  const hash = createHash('sha256');
  const results: Record<string, number> = {};
  let count = 0;
  pairs.forEach((p, i) => {
    if (i % every !== 0) return;
    const trace = traceRequest(v.model, p.from, p.spec, { index });
    const result = 'error' in trace ? 'error' : trace.answer.result;
    results[result] = (results[result] ?? 0) + 1;
    hash.update(`${p.from} ${p.key}\n${JSON.stringify(trace).split(dir).join('<estate>')}\n`);
    count += 1;
  });
  return { hash: hash.digest('hex'), count, results };
}

describe('traces with the ModelIndex lookup maps equal those the scanning code gave', () => {
  for (const seed of [1, 2]) {
    it(`generated estate, seed ${seed}`, () => {
      const root = mkdtempSync(join(tmpdir(), 'vpcpath-trace-index-'));
      dirs.push(root);
      const dir = join(root, 'estate');
      generateEstate(dir, { accounts: 3, vpcs: 20, subnetsPerVpc: 2, apis: 60, domains: 6, policies: 6, regions: 2, seed });
      const { model, problems } = load([dir]);
      expect(problems).toEqual([]);
      const variants: [string, Variant, number][] = [
        ['plain', plain(model), 1], ['perturbed', perturb(model), 1], ['placeholder endpoint', placeholderEndpoint(model), 7],
      ];
      const got: Record<string, string> = {};
      for (const [name, variant, every] of variants) {
        const r = traceAll(variant, dir, every);
        got[`seed ${seed} ${name}`] = r.hash;
        if (process.env.TRACE_INDEX_PRINT) console.log(`seed ${seed} ${name}: ${r.count} traces ${JSON.stringify(r.results)} ${r.hash}`);
        // The variants reach every kind of answer they are built for, not only one.
        expect(Object.keys(r.results).length).toBeGreaterThan(name === 'placeholder endpoint' ? 1 : 3);
      }
      const expected = Object.fromEntries(Object.keys(got).map((k) => [k, EXPECTED[k]]));
      expect(got).toEqual(expected);
    }, 180_000);
  }
});

describe('the lookup maps answer as a scan of the collections in model order would', () => {
  it('route table, network ACL, interface by address, domain names by name', () => {
    const root = mkdtempSync(join(tmpdir(), 'vpcpath-trace-index-'));
    dirs.push(root);
    const dir = join(root, 'estate');
    generateEstate(dir, { accounts: 2, vpcs: 12, subnetsPerVpc: 2, apis: 30, domains: 4, regions: 2, seed: 3 });
    const { model: loaded } = load([dir]);
    const { model } = perturb(loaded);
    const index = new ModelIndex(model);
    for (const subnet of model.subnets) {
      const rt = model.routeTables.find((t) => t.subnetIds.includes(subnet.id)) ?? model.routeTables.find((t) => t.vpcId === subnet.vpcId && t.main);
      expect(index.routeTableOf(subnet)).toBe(rt);
      const acl = model.networkAcls.find((x) => x.subnetIds.includes(subnet.id)) ?? model.networkAcls.find((x) => x.vpcId === subnet.vpcId && x.isDefault);
      expect(index.networkAclOf(subnet)).toBe(acl);
    }
    for (const eni of model.networkInterfaces) {
      for (const ip of [...eni.privateIps.filter(isKnown), '10.250.250.250']) {
        for (const vpcId of [eni.vpcId, model.vpcs[0]!.id]) {
          const scan = model.networkInterfaces.find((e) => e.vpcId === vpcId && e.privateIps.some((p) => isKnown(p) && p === ip));
          expect(index.networkInterfaceByIp(vpcId, ip)).toBe(scan);
        }
      }
    }
    for (const name of [...model.domainNames.map((d) => d.domainName), 'nothing.example', model.domainNames[0]!.domainName.toUpperCase()]) {
      expect(index.domainNamesNamed(name)).toEqual(model.domainNames.filter((d) => d.domainName === name.toLowerCase()));
    }
  });
});
