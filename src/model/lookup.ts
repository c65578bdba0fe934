// Finding model elements by id, and the few relations AWS defines implicitly (main route table, default ACL).
//
// A simulation looks things up many times in one model (an audit traces hundreds of thousands of requests), so
// besides the id maps the index keeps lookup maps, each built on first use. Every one answers exactly what the scan
// of the model's collection it replaces answered: where the scan took the first match (`find`), the map keeps the
// first element of the collection for each key; where the scan kept every match (`filter`) or looped over the
// collection, the map's lists keep the collection's order. Lookups whose scan tested something a map cannot key
// (an association that is unknown, a name below a zone) return candidates instead: a superset of the elements the
// scan could match, in collection order, for the caller to test exactly as the scan did.
import type { Model, UnresolvedReference } from './model.js';
import { isPlaceholderId } from './model.js';
import type {
  DhcpOptions, Element, Instance, InternetGateway, LambdaFunction, NatGateway, NetworkAcl, NetworkInterface, PrefixList,
  RouteTable, SecurityGroup, Subnet, TransitGateway, Vpc, VpcEndpoint, VpcPeeringConnection, VpnGateway,
} from './network.js';
import type { Api, DomainName, DomainNameAccessAssociation, EndpointType } from './api-gateway.js';
import type { HostedZone, PublicDnsRecord, ResolverEndpoint, ResolverRule } from './dns.js';
import type { Maybe } from './unknown.js';
import { isKnown } from './unknown.js';

function byId<T extends Element>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) map.set(item.id, item);
  return map;
}

/** For each id, the first element (in collection order) with it: what `items.find((e) => e.id === id)` returns. */
function firstById<T extends Element>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

/** For each key, the first item (in collection order) that has it: what `items.find(has key)` returns. */
function firstBy<T>(items: readonly T[], keysOf: (item: T) => Iterable<string | undefined>): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    for (const key of keysOf(item)) if (key !== undefined && !map.has(key)) map.set(key, item);
  }
  return map;
}

/** Like firstBy, remembering where in the collection the item is. */
function firstAtBy<T>(items: readonly T[], keysOf: (item: T) => Iterable<string | undefined>): Map<string, { at: number; item: T }> {
  const map = new Map<string, { at: number; item: T }>();
  items.forEach((item, at) => {
    for (const key of keysOf(item)) if (key !== undefined && !map.has(key)) map.set(key, { at, item });
  });
  return map;
}

const NONE: readonly never[] = [];

/** One map key for two strings, whatever characters they hold. */
function pair(a: string, b: string): string {
  return JSON.stringify([a, b]);
}

/**
 * Items filed under keys, each key's list in collection order (an item once per key), and the items every key
 * must consider (`anywhere`, e.g. an association whose VPC is unknown). `get` merges by collection position, so
 * the answer is in collection order and holds an item once.
 */
class Filed<T> {
  private readonly byKey = new Map<string, { items: T[]; at: number[] }>();
  private readonly anywhere: { items: T[]; at: number[] } = { items: [], at: [] };

  constructor(items: readonly T[], file: (item: T) => { keys: Iterable<string>; anywhere?: boolean } | undefined) {
    items.forEach((item, at) => {
      const filed = file(item);
      if (!filed) return;
      for (const key of filed.keys) {
        let list = this.byKey.get(key);
        if (!list) this.byKey.set(key, (list = { items: [], at: [] }));
        if (list.at[list.at.length - 1] === at) continue; // the same key twice on one item
        list.items.push(item);
        list.at.push(at);
      }
      if (filed.anywhere) {
        this.anywhere.items.push(item);
        this.anywhere.at.push(at);
      }
    });
  }

  /** The items filed under any of `keys`, and those filed anywhere, in collection order. */
  get(keys: string | readonly string[]): readonly T[] {
    const lists = (typeof keys === 'string' ? [keys] : [...new Set(keys)]).flatMap((k) => this.byKey.get(k) ?? []);
    if (this.anywhere.items.length > 0) lists.push(this.anywhere);
    if (lists.length === 0) return NONE;
    if (lists.length === 1) return lists[0]!.items;
    const merged = lists.flatMap((l) => l.items.map((item, i) => ({ item, at: l.at[i]! })));
    merged.sort((x, y) => x.at - y.at);
    return merged.filter((m, i) => i === 0 || merged[i - 1]!.at !== m.at).map((m) => m.item);
  }
}

/**
 * A VPC reference as the simulation's `refersTo` reads it: a known id that is not a placeholder can only match that
 * VPC; an unknown value or a placeholder answers for every VPC (with a missing fact), so it is filed anywhere.
 */
function fileByVpc(ids: readonly Maybe<string>[]): { keys: string[]; anywhere: boolean } {
  const keys: string[] = [];
  let anywhere = false;
  for (const id of ids) {
    if (typeof id === 'string' && !isPlaceholderId(id)) keys.push(id);
    else anywhere = true;
  }
  return { keys, anywhere };
}

/** `a.b.c` -> `a.b.c`, `b.c`, `c`, ``: the names a name is at or below (as `isAtOrBelow` in sim/dns/names.ts tests). */
function domainsAtOrAbove(name: string): string[] {
  const out = [name];
  for (let i = name.indexOf('.'); i >= 0; i = name.indexOf('.', i + 1)) out.push(name.slice(i + 1));
  out.push('');
  return out;
}

/** The name as `normalizeName` in sim/dns/names.ts has it: lower case, no trailing dot. */
function normalized(name: string): string {
  const lower = name.trim().toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/** Maps from id to element over one model; build once per simulation. */
export class ModelIndex {
  readonly vpcs: Map<string, Vpc>;
  readonly subnets: Map<string, Subnet>;
  readonly securityGroups: Map<string, SecurityGroup>;
  readonly networkInterfaces: Map<string, NetworkInterface>;
  readonly vpcEndpoints: Map<string, VpcEndpoint>;
  readonly instances: Map<string, Instance>;
  readonly lambdaFunctions: Map<string, LambdaFunction>;
  readonly apis: Map<string, Api>;
  private readonly unresolved: Map<string, UnresolvedReference>;

  // Built on first use; see the note at the top of the file.
  private explicitRouteTables?: Map<string, RouteTable>;
  private mainRouteTables?: Map<string, RouteTable>;
  private explicitAcls?: Map<string, NetworkAcl>;
  private defaultAcls?: Map<string, NetworkAcl>;
  private interfacesByIp?: Map<string, Map<string, NetworkInterface>>;
  private interfacesByVpc?: Filed<NetworkInterface>;
  private interfacesByEndpoint?: Filed<NetworkInterface>;
  private domainsByName?: Filed<DomainName>;
  private workloadInstances?: Map<string, Instance>;
  private workloadFunctions?: Map<string, LambdaFunction>;
  private functionsByName?: Map<string, LambdaFunction>;
  private natGatewaysById?: Map<string, NatGateway>;
  private internetGatewaysById?: Map<string, InternetGateway>;
  private transitGatewaysById?: Map<string, TransitGateway>;
  private vpnGatewaysById?: Map<string, VpnGateway>;
  private peeringsById?: Map<string, VpcPeeringConnection>;
  private peeringsByVpc?: Filed<VpcPeeringConnection>;
  private prefixListsById?: Map<string, PrefixList>;
  private routeTargetsLater?: Map<string, Element>[];
  private hostedZonesById?: Map<string, HostedZone>;
  private rulesByVpc?: Filed<ResolverRule>;
  private zonesByVpc?: Filed<HostedZone>;
  private endpointsByVpc?: Filed<VpcEndpoint>;
  private publicZonesByName?: Filed<HostedZone>;
  private factsByPattern?: Filed<PublicDnsRecord>;
  private inboundByIp?: Map<string, { at: number; item: ResolverEndpoint }>;
  private dhcpByVpc?: Map<string, DhcpOptions>;
  private dhcpById?: Map<string, DhcpOptions>;
  private endpointsByDnsName?: Map<string, VpcEndpoint>;
  private apisByLowerId?: Map<string, Map<string, Api>>;
  private edgeDomainsByDistribution?: Filed<DomainName>;
  private domainsByRegionalName?: Map<string, DomainName>;
  private domainsByTypeAndRegion?: Filed<DomainName>;
  private associationsByPair?: Map<string, DomainNameAccessAssociation>;
  private associationsByEndpoint?: Filed<DomainNameAccessAssociation>;

  constructor(readonly model: Model) {
    this.vpcs = byId(model.vpcs);
    this.subnets = byId(model.subnets);
    this.securityGroups = byId(model.securityGroups);
    this.networkInterfaces = byId(model.networkInterfaces);
    this.vpcEndpoints = byId(model.vpcEndpoints);
    this.instances = byId(model.instances);
    this.lambdaFunctions = byId(model.lambdaFunctions);
    this.apis = byId(model.apis);
    this.unresolved = new Map(model.unresolvedReferences.map((r) => [r.placeholder, r]));
  }

  /** The reason an id could not be resolved, if it is a placeholder. */
  unresolvedReason(id: string): UnresolvedReference | undefined {
    return isPlaceholderId(id) ? (this.unresolved.get(id) ?? { placeholder: id, reason: id }) : undefined;
  }

  /** The subnet's explicitly associated route table, else its VPC's main route table. */
  routeTableOf(subnet: Subnet): RouteTable | undefined {
    const tables = this.model.routeTables;
    this.explicitRouteTables ??= firstBy(tables, (rt) => rt.subnetIds);
    this.mainRouteTables ??= firstBy(tables, (rt) => (rt.main ? [rt.vpcId] : []));
    return this.explicitRouteTables.get(subnet.id) ?? this.mainRouteTables.get(subnet.vpcId);
  }

  /** The subnet's explicitly associated network ACL, else its VPC's default ACL. */
  networkAclOf(subnet: Subnet): NetworkAcl | undefined {
    const acls = this.model.networkAcls;
    this.explicitAcls ??= firstBy(acls, (acl) => acl.subnetIds);
    this.defaultAcls ??= firstBy(acls, (acl) => (acl.isDefault ? [acl.vpcId] : []));
    return this.explicitAcls.get(subnet.id) ?? this.defaultAcls.get(subnet.vpcId);
  }

  /** The network interface in this VPC that holds a private IP. */
  networkInterfaceByIp(vpcId: string, ip: string): NetworkInterface | undefined {
    if (!this.interfacesByIp) {
      const map = new Map<string, Map<string, NetworkInterface>>();
      for (const eni of this.model.networkInterfaces) {
        let inVpc = map.get(eni.vpcId);
        if (!inVpc) map.set(eni.vpcId, (inVpc = new Map()));
        for (const p of eni.privateIps) if (isKnown(p) && !inVpc.has(p)) inVpc.set(p, eni);
      }
      this.interfacesByIp = map;
    }
    return this.interfacesByIp.get(vpcId)?.get(ip);
  }

  /** The network interfaces in a VPC, in model order. */
  networkInterfacesInVpc(vpcId: string): readonly NetworkInterface[] {
    this.interfacesByVpc ??= new Filed(this.model.networkInterfaces, (eni) => ({ keys: [eni.vpcId] }));
    return this.interfacesByVpc.get(vpcId);
  }

  /** The network interfaces whose owner is this VPC endpoint, in model order. */
  networkInterfacesOwnedBy(vpcEndpointId: string): readonly NetworkInterface[] {
    this.interfacesByEndpoint ??= new Filed(this.model.networkInterfaces,
      (eni) => (eni.owner.kind === 'vpc-endpoint' ? { keys: [eni.owner.id] } : undefined));
    return this.interfacesByEndpoint.get(vpcEndpointId);
  }

  /** A custom domain name, by name (lower case). */
  domainNamesNamed(name: string): DomainName[] {
    this.domainsByName ??= new Filed(this.model.domainNames, (d) => ({ keys: [d.domainName] }));
    return [...this.domainsByName.get(name.toLowerCase())];
  }

  /** The first instance whose logical id (Name) or id is `from`. */
  instanceNamed(from: string): Instance | undefined {
    this.workloadInstances ??= firstBy(this.model.instances, (i) => [i.name, i.id]);
    return this.workloadInstances.get(from);
  }

  /** The first Lambda function whose logical id (Name), id or function name is `from`. */
  lambdaFunctionNamed(from: string): LambdaFunction | undefined {
    this.workloadFunctions ??= firstBy(this.model.lambdaFunctions, (f) => [f.name, f.id, f.functionName]);
    return this.workloadFunctions.get(from);
  }

  /** The first Lambda function with this function name. */
  lambdaFunctionByFunctionName(functionName: string): LambdaFunction | undefined {
    this.functionsByName ??= firstBy(this.model.lambdaFunctions, (f) => [f.functionName]);
    return this.functionsByName.get(functionName);
  }

  // The first element with an id, as `find` by id gives it (the id maps above keep the last of duplicate ids).

  natGateway(id: string): NatGateway | undefined {
    this.natGatewaysById ??= firstById(this.model.natGateways);
    return this.natGatewaysById.get(id);
  }

  internetGateway(id: string): InternetGateway | undefined {
    this.internetGatewaysById ??= firstById(this.model.internetGateways);
    return this.internetGatewaysById.get(id);
  }

  transitGateway(id: string): TransitGateway | undefined {
    this.transitGatewaysById ??= firstById(this.model.transitGateways);
    return this.transitGatewaysById.get(id);
  }

  /** Absent when the model has no VPN gateways (a template cannot know them). */
  vpnGateway(id: string): VpnGateway | undefined {
    this.vpnGatewaysById ??= firstById(this.model.vpnGateways ?? []);
    return this.vpnGatewaysById.get(id);
  }

  peeringConnection(id: string): VpcPeeringConnection | undefined {
    this.peeringsById ??= firstById(this.model.peeringConnections);
    return this.peeringsById.get(id);
  }

  /** The peering connections whose requester or (known) accepter is this VPC, in model order. */
  peeringConnectionsOf(vpcId: string): readonly VpcPeeringConnection[] {
    this.peeringsByVpc ??= new Filed(this.model.peeringConnections, (p) => ({
      keys: typeof p.accepterVpcId === 'string' ? [p.requesterVpcId, p.accepterVpcId] : [p.requesterVpcId],
    }));
    return this.peeringsByVpc.get(vpcId);
  }

  prefixList(id: string): PrefixList | undefined {
    this.prefixListsById ??= firstById(this.model.prefixLists);
    return this.prefixListsById.get(id);
  }

  /**
   * What a route target id names: the first element with that id among the internet gateways, NAT gateways,
   * peering connections, transit gateways, VPC endpoints, network interfaces and instances, searched in that order
   * (each collection's map is built only when the ones before it do not hold the id).
   */
  routeTargetElement(id: string): Element | undefined {
    const found = this.internetGateway(id) ?? this.natGateway(id) ?? this.peeringConnection(id) ?? this.transitGateway(id);
    if (found) return found;
    this.routeTargetsLater ??= [];
    const later = this.routeTargetsLater;
    const lists = [this.model.vpcEndpoints, this.model.networkInterfaces, this.model.instances];
    for (let k = 0; k < lists.length; k++) {
      const map = (later[k] ??= firstById<Element>(lists[k]!));
      const element = map.get(id);
      if (element) return element;
    }
    return undefined;
  }

  hostedZone(id: string): HostedZone | undefined {
    this.hostedZonesById ??= firstById(this.model.hostedZones);
    return this.hostedZonesById.get(id);
  }

  /** Resolver rules that name this VPC, or whose VPC associations are unknown or unresolved: candidates, in model order. */
  resolverRuleCandidates(vpcId: string): readonly ResolverRule[] {
    this.rulesByVpc ??= new Filed(this.model.resolverRules, (r) => fileByVpc(r.vpcIds));
    return this.rulesByVpc.get(vpcId);
  }

  /** Hosted zones associated with this VPC, or with a VPC that is unknown or unresolved: candidates, in model order. */
  privateZoneCandidates(vpcId: string): readonly HostedZone[] {
    this.zonesByVpc ??= new Filed(this.model.hostedZones, (z) => fileByVpc(z.vpcs.map((v) => v.vpcId)));
    return this.zonesByVpc.get(vpcId);
  }

  /** VPC endpoints in this VPC, or in a VPC that is unknown or unresolved: candidates, in model order. */
  vpcEndpointCandidates(vpcId: string): readonly VpcEndpoint[] {
    this.endpointsByVpc ??= new Filed(this.model.vpcEndpoints, (e) => fileByVpc([e.vpcId]));
    return this.endpointsByVpc.get(vpcId);
  }

  /**
   * Public (or external) hosted zones whose name (lower case) is `name` or a domain above it, and those whose name
   * is unknown: candidates for the zone that holds `name`, in model order.
   */
  publicZoneCandidates(name: string): readonly HostedZone[] {
    this.publicZonesByName ??= new Filed(this.model.hostedZones, (z) => {
      if (z.private && !z.external) return undefined;
      return isKnown(z.zoneName) ? { keys: [z.zoneName.toLowerCase()] } : { keys: [], anywhere: true };
    });
    return this.publicZonesByName.get(domainsAtOrAbove(name));
  }

  /**
   * facts.dns records whose name (normalized) is `name`, or a wildcard `*.` over a domain above it: candidates for
   * the records that match `name`, in model order.
   */
  publicDnsCandidates(name: string): readonly PublicDnsRecord[] {
    this.factsByPattern ??= new Filed(this.model.publicDns, (r) => ({ keys: [normalized(r.name)] }));
    return this.factsByPattern.get([name, ...domainsAtOrAbove(name).slice(1).map((d) => `*.${d}`)]);
  }

  /** The first Resolver INBOUND endpoint (in model order) that holds any of these addresses. */
  inboundResolverEndpoint(ips: readonly string[]): ResolverEndpoint | undefined {
    this.inboundByIp ??= firstAtBy(this.model.resolverEndpoints,
      (e) => (e.direction === 'INBOUND' ? e.ipAddresses.filter(isKnown) : []));
    let best: { at: number; item: ResolverEndpoint } | undefined;
    for (const ip of ips) {
      const found = this.inboundByIp.get(ip);
      if (found && (!best || found.at < best.at)) best = found;
    }
    return best?.item;
  }

  /** The DHCP options that list the VPC, else those its DhcpOptionsId names (the first of each, in model order). */
  dhcpOptionsOf(vpc: Vpc): DhcpOptions | undefined {
    this.dhcpByVpc ??= firstBy(this.model.dhcpOptions, (o) => o.vpcIds);
    this.dhcpById ??= firstById(this.model.dhcpOptions);
    return this.dhcpByVpc.get(vpc.id) ?? (vpc.dhcpOptionsId ? this.dhcpById.get(vpc.dhcpOptionsId) : undefined);
  }

  /** The first VPC endpoint that lists this DNS name (lower case). */
  vpcEndpointWithDnsName(name: string): VpcEndpoint | undefined {
    this.endpointsByDnsName ??= firstBy(this.model.vpcEndpoints, (e) => (e.dnsNames ?? []).map((n) => n.toLowerCase()));
    return this.endpointsByDnsName.get(name);
  }

  /** The first API whose id, in lower case, is `lowerId`, in this Region. */
  apiByLowerId(lowerId: string, region: string): Api | undefined {
    if (!this.apisByLowerId) {
      const map = new Map<string, Map<string, Api>>();
      for (const api of this.model.apis) {
        const lower = api.id.toLowerCase();
        let byRegion = map.get(lower);
        if (!byRegion) map.set(lower, (byRegion = new Map()));
        if (!byRegion.has(api.region)) byRegion.set(api.region, api);
      }
      this.apisByLowerId = map;
    }
    return this.apisByLowerId.get(lowerId)?.get(region);
  }

  /** EDGE custom domains whose CloudFront distribution name (lower case) is this one, in model order. */
  edgeDomainNamesOf(distribution: string): readonly DomainName[] {
    this.edgeDomainsByDistribution ??= new Filed(this.model.domainNames, (d) =>
      (d.endpointType === 'EDGE' && d.distributionDomainName !== undefined ? { keys: [d.distributionDomainName.toLowerCase()] } : undefined));
    return this.edgeDomainsByDistribution.get(distribution);
  }

  /** The first custom domain whose regional target name (lower case) is `host`. */
  domainNameByRegionalName(host: string): DomainName | undefined {
    this.domainsByRegionalName ??= firstBy(this.model.domainNames, (d) => [d.regionalDomainName?.toLowerCase()]);
    return this.domainsByRegionalName.get(host);
  }

  /** The custom domains of one endpoint type in one Region, in model order. */
  domainNamesOfType(endpointType: EndpointType, region: string): readonly DomainName[] {
    this.domainsByTypeAndRegion ??= new Filed(this.model.domainNames, (d) =>
      (isKnown(d.endpointType) ? { keys: [pair(d.endpointType, d.region)] } : undefined));
    return this.domainsByTypeAndRegion.get(pair(endpointType, region));
  }

  /** The first domain name access association of this endpoint with this domain ARN. */
  accessAssociation(vpcEndpointId: string, domainNameArn: string): DomainNameAccessAssociation | undefined {
    this.associationsByPair ??= firstBy(this.model.domainNameAccessAssociations, (a) =>
      (isKnown(a.vpcEndpointId) && isKnown(a.domainNameArn) ? [pair(a.vpcEndpointId, a.domainNameArn)] : []));
    return this.associationsByPair.get(pair(vpcEndpointId, domainNameArn));
  }

  /** Domain name access associations of this endpoint, or of an unknown one: candidates, in model order. */
  accessAssociationCandidates(vpcEndpointId: string): readonly DomainNameAccessAssociation[] {
    this.associationsByEndpoint ??= new Filed(this.model.domainNameAccessAssociations,
      (a) => (isKnown(a.vpcEndpointId) ? { keys: [a.vpcEndpointId] } : { keys: [], anywhere: true }));
    return this.associationsByEndpoint.get(vpcEndpointId);
  }
}

/** How a person knows an element: its logical id or Name tag, else its id. */
export function displayName(element: Element): string {
  return element.name ?? element.id;
}

/** `AppInstance (i-0a1b...)`, or just the id when there is no name. */
export function nameAndId(element: Element): string {
  return element.name && element.name !== element.id ? `${element.name} (${element.id})` : element.id;
}
