// Equivalence classes, so that an audit costs what the estate's distinct shapes cost, not VPCs x APIs.
//
// Two placements are equivalent when everything a trace from them can look at is the same up to renaming the
// VPC's own ids and addresses: the VPC and its DNS attributes, its subnets, route tables, network ACLs, security
// groups, interfaces, endpoints and gateways, the private zones and Resolver rules associated with it. An id or an
// address that anything outside the VPC names (a resource policy's aws:SourceVpce, an API's VpcEndpointIds, a
// record, a policy's IP range) is kept as it is, so the renaming never hides a difference a decision depends on.
// Likewise two targets are equivalent when their APIs are the same up to the API's own id, and no DNS name of the
// estate singles out their hostnames. `vpcpath audit --exhaustive` traces every pair instead; the tests check both
// agree on generated estates.
import { isKnown, type Api, type Model, type ModelIndex, type NetworkInterface, type Subnet } from '../model/index.js';
import { matchRoute } from '../sim/api-gateway/routes.js';
import { cidrCovers, cidrsOverlap, parseCidr, type Cidr } from '../sim/ip/index.js';
import { selectStage } from '../sim/api-gateway/stage.js';
import type { Placement } from './placements.js';
import type { Target } from './targets.js';

const ID_TOKEN = /\b(?:vpce|vpc|subnet|sg|eni|i|rtb|acl|nat|igw|eigw|pcx|tgw|vgw|dopt|rslvr-(?:rr|in|out)|eipalloc|pl)-[0-9a-z]+\b/g;
const IPV4_TOKEN = /\b\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?\b/g;
/** Keys no decision reads: where an element came from, and labels for people. */
const DROPPED_KEYS = new Set([
  'origin', 'vpcs', 'vpcIds', 'subnetIds', 'groupName', 'description', 'availabilityZone', 'mapPublicIpOnLaunch', 'tags',
]);
const ACCOUNT_TOKEN = /\b\d{12}\b/g;

/** JSON without origins and display names (an element's `name`; a stage's name is kept): what a decision reads. */
function content(value: unknown, drop: ReadonlySet<string> = DROPPED_KEYS): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    if (drop.has(key) || key.endsWith('Origin')) return undefined;
    if (key === 'name' && 'id' in this) return undefined;
    return v;
  });
}

/** An address token as a /32 block, or a CIDR token; undefined when it is not one. */
function parseToken(token: string): Cidr | undefined {
  const c = parseCidr(token.includes('/') ? token : `${token}/32`);
  return c.ok && c.value.family === 4 ? c.value : undefined;
}

/** What the whole estate names from outside any one VPC: ids and address ranges a decision can single out. */
export class EstateNames {
  readonly ids = new Set<string>();
  /** Id kinds a policy matches with wildcards (`vpce-0a*`): ids of those kinds are never renamed. */
  readonly wildKinds = new Set<string>();
  readonly cidrs: Cidr[] = [];
  readonly cidrTokens: string[] = [];
  /** An endpoint policy singles out stages or paths: target paths are then kept as they are. */
  readonly pathSensitivePolicies: boolean;
  /** Accounts a policy or an association names: never renamed. */
  readonly accounts = new Set<string>();
  /** DNS names of zones, records, rules and facts under execute-api or a custom domain: hosts they single out. */
  readonly dnsNames: string[] = [];

  constructor(model: Model) {
    const global = [
      content(model.apis.map((a) => ({ policy: a.policy, vpcEndpointIds: a.vpcEndpointIds }))),
      content(model.domainNames.map((d) => d.policy)),
      content(model.domainNameAccessAssociations),
      content(model.publicDns),
      content(model.hostedZones.map((z) => z.records)),
      content(model.resolverRules.map((r) => ({ targetIps: r.targetIps, resolverEndpointId: r.resolverEndpointId }))),
    ].join('\n');
    for (const m of global.matchAll(ID_TOKEN)) this.ids.add(m[0]);
    // Accounts a decision can single out: any in endpoint and domain policies and associations; in API policies,
    // any outside their Resource (an API's own ARNs carry its account, renamed together with its id).
    const withoutResources = new Set([...DROPPED_KEYS, 'Resource', 'NotResource']);
    const named = [
      content(model.vpcEndpoints.map((e) => e.policy)), content(model.domainNames.map((d) => d.policy)),
      content(model.domainNameAccessAssociations), content(model.apis.map((a) => a.policy), withoutResources),
    ].join('\n');
    for (const m of named.matchAll(ACCOUNT_TOKEN)) this.accounts.add(m[0]);
    this.pathSensitivePolicies = model.vpcEndpoints.some((e) => e.policy !== undefined && pathSensitive(e.policy));
    for (const m of global.matchAll(/\b(vpce|vpc|subnet|sg|eni|i)-[0-9a-z]*[*?]/g)) this.wildKinds.add(m[1]!);
    const policies = content([...model.apis.map((a) => a.policy), ...model.domainNames.map((d) => d.policy)]);
    for (const m of new Set([...policies.matchAll(IPV4_TOKEN)].map((x) => x[0]))) {
      const c = parseToken(m);
      if (c) {
        this.cidrs.push(c);
        this.cidrTokens.push(m);
      }
    }
    for (const z of model.hostedZones) {
      if (isKnown(z.zoneName)) this.dnsNames.push(z.zoneName.toLowerCase());
      for (const r of z.records) if (isKnown(r.name)) this.dnsNames.push(r.name.toLowerCase());
    }
    for (const r of model.resolverRules) if (isKnown(r.domainName)) this.dnsNames.push(r.domainName.toLowerCase().replace(/\.$/, ''));
    for (const r of model.publicDns) this.dnsNames.push(r.name.toLowerCase().replace(/\.$/, ''));
  }

  /** Whether some DNS name of the estate mentions this label (an API id, a domain): then its host is singled out. */
  singlesOut(label: string): boolean {
    const l = label.toLowerCase();
    return this.dnsNames.some((n) => n.includes(l));
  }
}

/**
 * The placement's signature: what a trace from it can read (its interface, subnet, route table, network ACL and
 * security groups; the VPC's DNS view, endpoints and gateways with theirs), with the VPC's own ids, addresses and
 * account renamed in order of first appearance. Own addresses carry the ranges they overlap, so containment
 * survives the renaming.
 */
export function placementSignature(index: ModelIndex, p: Placement, names: EstateNames, cache: Map<string, VpcContent>): string {
  let vpc = cache.get(p.vpcId);
  if (!vpc) {
    vpc = vpcContent(index, p.vpcId);
    cache.set(p.vpcId, vpc);
  }
  if (vpc.connected) return `vpc:${p.vpcId}/${p.key}`;
  const eni = index.networkInterfaces.get(p.networkInterfaceId);
  const subnet = eni ? index.subnets.get(eni.subnetId) : undefined;
  const own = {
    workload: eni && interfaceContent(eni), kind: p.key.split('/')[3],
    ...(subnet ? subnetContent(index, subnet) : {}),
    groups: (eni?.securityGroupIds ?? []).map((id) => index.securityGroups.get(id) ?? id),
  };
  const text = `${vpc.text}\n${content(own)}`;
  return rename(text, vpc, names);
}

export interface VpcContent {
  readonly text: string;
  readonly account: string;
  readonly ownIds: Set<string>;
  readonly ownCidrs: Cidr[];
  readonly ownIps: Set<string>;
  /** Peered, attached to a transit gateway or a VPN: what lies beyond is not renamed, so the VPC is its own class. */
  readonly connected: boolean;
}

const interfaceContent = (n: NetworkInterface) => ({
  id: n.id, subnetId: n.subnetId, privateIps: n.privateIps, publicIp: n.publicIp, securityGroupIds: n.securityGroupIds, owner: n.owner.kind,
});

/** A subnet with what decides its traffic: its CIDR, effective route table and network ACL. */
function subnetContent(index: ModelIndex, subnet: Subnet) {
  return { subnet: { id: subnet.id, cidr: subnet.cidrBlock }, routeTable: index.routeTableOf(subnet), acl: index.networkAclOf(subnet) };
}

function vpcContent(index: ModelIndex, vpcId: string): VpcContent {
  const m = index.model;
  const vpc = index.vpcs.get(vpcId);
  const inVpc = <T extends { vpcId?: string | unknown }>(xs: readonly T[]) => xs.filter((x) => x.vpcId === vpcId);
  const subnets = inVpc(m.subnets);
  const enis = inVpc(m.networkInterfaces);
  const endpoints = inVpc(m.vpcEndpoints);
  const associated = (ids: readonly unknown[]) => ids.some((id) => id === vpcId || !isKnown(id as never));
  const zones = m.hostedZones.filter((z) => z.private && !z.external && associated(z.vpcs.map((v) => v.vpcId)));
  const rules = m.resolverRules.filter((r) => associated(r.vpcIds));
  const dhcp = m.dhcpOptions.filter((d) => d.vpcIds.includes(vpcId) || d.id === vpc?.dhcpOptionsId);
  const peerings = m.peeringConnections.filter((pc) => pc.requesterVpcId === vpcId || pc.accepterVpcId === vpcId);
  const tgws = m.transitGateways.filter((t) => t.attachments.some((a) => a.vpcId === vpcId));
  const vgws = (m.vpnGateways ?? []).filter((g) => g.vpcIds.includes(vpcId));
  const missing = m.missingCollections.filter((c) => c.account === vpc?.account && c.region === vpc?.region);
  const endpointEnis = new Set(endpoints.flatMap((e) => e.networkInterfaceIds));
  const nats = inVpc(m.natGateways);
  // What lies on the way to an endpoint or a NAT gateway: their interfaces, groups, subnets' routes and ACLs.
  const reached = [...new Set([...endpoints.flatMap((e) => e.subnetIds), ...nats.map((n) => n.subnetId)])]
    .flatMap((id) => index.subnets.get(id) ?? []).map((sn) => subnetContent(index, sn));
  const body = {
    vpc: vpc && { ...vpc, cidrBlocks: vpc.cidrBlocks }, dhcp: dhcp.map((d) => d.domainNameServers),
    endpoints: endpoints.map((e) => ({ ...e, groups: e.securityGroupIds.map((id) => index.securityGroups.get(id) ?? id) })),
    endpointInterfaces: enis.filter((n) => endpointEnis.has(n.id)).map(interfaceContent),
    nats, reached, igws: m.internetGateways.filter((g) => g.vpcId === vpcId),
    zones: zones.map((z) => ({ zone: z.zoneName, records: z.records })),
    rules: rules.map((r) => ({ domain: r.domainName, type: r.ruleType, targets: r.targetIps, endpoint: r.resolverEndpointId })),
    resolverEndpoints: m.resolverEndpoints.filter((r) => r.vpcId === vpcId), prefixLists: m.prefixLists.length,
    missing, unresolved: m.unresolvedReferences.length ? m.unresolvedReferences : undefined,
  };
  const ownIds = new Set<string>([
    vpcId, ...subnets.map((x) => x.id), ...inVpc(m.routeTables).map((r) => r.id), ...inVpc(m.networkAcls).map((a) => a.id),
    ...inVpc(m.securityGroups).map((x) => x.id), ...enis.map((e) => e.id), ...endpoints.map((e) => e.id),
    ...nats.map((n) => n.id), ...body.igws.map((g) => g.id), ...dhcp.map((d) => d.id),
  ]);
  const ownCidrs = (vpc?.cidrBlocks ?? []).filter(isKnown).map(parseToken).filter((c): c is Cidr => c !== undefined);
  const ownIps = new Set<string>([
    ...enis.flatMap((e) => (e.publicIp !== undefined && isKnown(e.publicIp) ? [e.publicIp] : [])),
    ...nats.flatMap((n) => (n.publicIp !== undefined && isKnown(n.publicIp) ? [n.publicIp] : [])),
  ]);
  return {
    text: content(body), account: vpc?.account ?? '', ownIds, ownCidrs, ownIps,
    connected: peerings.length + tgws.length + vgws.length > 0,
  };
}

function rename(text: string, vpc: VpcContent, names: EstateNames): string {
  const { ownIds, ownCidrs, ownIps } = vpc;
  if (vpc.account && !names.accounts.has(vpc.account)) text = text.replaceAll(vpc.account, '$acct');
  const idNames = new Map<string, string>();
  let out = text.replace(ID_TOKEN, (id) => {
    if (!ownIds.has(id) || names.ids.has(id) || names.wildKinds.has(id.slice(0, id.indexOf('-')))) return id;
    let n = idNames.get(id);
    if (!n) {
      n = `$${idNames.size}`;
      idNames.set(id, n);
    }
    return n;
  });
  // Addresses: own ones (inside the VPC's ranges, or its public addresses) are renamed, and carry every other
  // range of the text or of the estate's policies they overlap.
  const tokens = [...new Set([...out.matchAll(IPV4_TOKEN)].map((x) => x[0]))];
  const parsed = new Map(tokens.map((t) => [t, parseToken(t)] as const));
  const isOwn = (t: string): boolean => {
    const c = parsed.get(t);
    if (!c) return false;
    if (ownIps.has(t.replace(/\/32$/, ''))) return true;
    return ownCidrs.some((own) => cidrCovers(own, c));
  };
  const own = tokens.filter(isOwn);
  const label = new Map(own.map((t, i) => [t, `#${i}`]));
  const literal = [...tokens.filter((t) => !label.has(t)), ...names.cidrTokens];
  const suffix = new Map(own.map((t) => {
    const c = parsed.get(t)!;
    const over = [
      ...own.filter((o) => o !== t && cidrsOverlap(c, parsed.get(o)!)).map((o) => label.get(o)!),
      ...literal.filter((l) => {
        const lc = parsed.get(l) ?? parseToken(l);
        return lc !== undefined && cidrsOverlap(c, lc);
      }),
    ];
    return [t, `${label.get(t)!}{${[...new Set(over)].sort().join(',')}}`];
  }));
  out = out.replace(IPV4_TOKEN, (t) => suffix.get(t) ?? t);
  return out;
}

/**
 * Whether a policy's resources single out stages or paths (anything but `*` after the API id): then the request
 * path is part of a target's signature; otherwise only whether its stage and route exist is.
 */
function pathSensitive(policy: unknown): boolean {
  const text = content(policy) ?? '';
  for (const m of text.matchAll(/"(?:Resource|NotResource)":(\[[^\]]*\]|"[^"]*")/g)) {
    const values = JSON.parse(m[1]!) as string | string[];
    for (const v of Array.isArray(values) ? values : [values]) {
      if (typeof v !== 'string') return true;
      const rest = v.startsWith('execute-api:/') ? v.slice('execute-api:/'.length) : v.includes('/') ? v.slice(v.indexOf('/') + 1) : '*';
      if (rest !== '*' && rest !== '') return true;
    }
  }
  return false;
}

/** The target's signature: its API's content with the API's own id renamed, unless a DNS name singles it out. */
export function targetSignature(t: Target, api: Api | undefined, names: EstateNames): string {
  if (t.kind !== 'default-url' || !api || t.spec.kind !== 'http' || names.singlesOut(api.id) || names.ids.has(api.id)) return `${t.kind}:${t.key}`;
  const id = api.id;
  const url = t.spec.url;
  // What the decision reads of stages and resources for this one URL: the stage it names and the route it selects.
  const stage = selectStage(api, url.pathname);
  const route = stage.kind === 'stage' && isKnown(api.resources) ? matchRoute(api.resources, stage.path, t.spec.method, api.kind) : undefined;
  const exact = names.pathSensitivePolicies || pathSensitive(api.policy);
  const summary = {
    api: { ...api, id: '$api', stages: undefined, resources: isKnown(api.resources) ? undefined : api.resources },
    // The stage's name reaches the decision only through the ARN a path-sensitive policy matches.
    stage: stage.kind === 'unknown' ? stage : { kind: stage.kind, name: exact && stage.kind === 'stage' ? stage.name : undefined },
    route: route && { kind: route.kind, ...(route.kind === 'no-method' ? { methods: route.resource.methods } : {}) },
    url: exact ? url.pathname + url.search : undefined,
  };
  const text = content(summary);
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const renamed = text.replace(new RegExp(escaped, 'gi'), '$api');
  return `${t.kind}:${names.accounts.has(api.account) ? renamed : renamed.replaceAll(api.account, '$acct')}`;
}
