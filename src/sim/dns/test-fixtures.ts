// Small hand-built models for the DNS stage's tests: a builder over emptyModel() and record shorthands.
import type {
  AliasTarget, Api, EndpointType, HostedZone, Maybe, Model, RecordSet, ResolverRule, Vpc, VpcEndpoint,
} from '../../model/index.js';
import { emptyModel, ModelIndex } from '../../model/index.js';
import { AddressBook } from '../address-book.js';
import type { Confidence, DnsResolution, DnsSource } from '../trace.js';
import { resolveName } from './resolve-name.js';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

export const a = (name: string, ...ips: string[]): RecordSet => ({ name, type: 'A', values: ips });
export const cname = (name: string, target: string): RecordSet => ({ name, type: 'CNAME', values: [target] });
export const alias = (name: string, dnsName: string, hostedZoneId?: string): RecordSet => {
  const target: AliasTarget = hostedZoneId ? { dnsName, hostedZoneId } : { dnsName };
  return { name, type: 'A', values: [], alias: target };
};

export interface VpcOptions {
  readonly cidr?: string;
  readonly region?: string;
  readonly dnsSupport?: Maybe<boolean>;
  readonly dnsHostnames?: Maybe<boolean>;
}

export interface EndpointOptions {
  readonly service?: string;
  readonly privateDns?: boolean;
  /** One network interface per address, each in its own subnet (and zone, when `zones` is given). */
  readonly ips?: string[];
  readonly zones?: string[];
  readonly dnsNames?: string[];
}

export class DnsModelBuilder {
  readonly model: Writable<Model> = emptyModel();
  private seq = 0;

  private next(prefix: string, width = 17): string {
    this.seq += 1;
    return `${prefix}-${this.seq.toString(16).padStart(width, '0')}`;
  }

  vpc(name = 'Vpc', opts: VpcOptions = {}): Vpc {
    const vpc: Vpc = {
      id: this.next('vpc'), name, region: opts.region ?? 'us-east-1', account: '111111111111',
      cidrBlocks: [opts.cidr ?? '10.0.0.0/16'], ipv6CidrBlocks: [],
      enableDnsSupport: opts.dnsSupport ?? true, enableDnsHostnames: opts.dnsHostnames ?? true,
    };
    this.model.vpcs.push(vpc);
    return vpc;
  }

  endpoint(vpc: Vpc, name: string, opts: EndpointOptions = {}): VpcEndpoint {
    const id = this.next('vpce');
    const ips = opts.ips ?? ['10.0.1.10', '10.0.2.10'];
    const networkInterfaceIds = ips.map((ip, i) => {
      const subnetId = this.next('subnet');
      const zone = opts.zones?.[i];
      this.model.subnets.push({ id: subnetId, vpcId: vpc.id, cidrBlock: `${ip}/24`, mapPublicIpOnLaunch: false,
        ...(zone ? { availabilityZone: zone } : {}) });
      const eniId = this.next('eni');
      this.model.networkInterfaces.push({ id: eniId, subnetId, vpcId: vpc.id, privateIps: [ip], securityGroupIds: [],
        owner: { kind: 'vpc-endpoint', id } });
      return eniId;
    });
    const endpoint: VpcEndpoint = {
      id, name, vpcId: vpc.id, region: vpc.region, type: 'Interface',
      serviceName: `com.amazonaws.${vpc.region}.${opts.service ?? 'execute-api'}`,
      privateDnsEnabled: opts.privateDns ?? true, privateDnsOrigin: { file: 'net.yaml', line: 71 },
      subnetIds: [], securityGroupIds: [], networkInterfaceIds, routeTableIds: [],
      ...(opts.dnsNames ? { dnsNames: opts.dnsNames } : {}),
    };
    this.model.vpcEndpoints.push(endpoint);
    return endpoint;
  }

  privateZone(name: string, zoneName: Maybe<string>, vpcs: Maybe<string>[], records: RecordSet[]): HostedZone {
    const zone: HostedZone = { id: this.next('Z', 12), name, zoneName, private: true, vpcs: vpcs.map((vpcId) => ({ vpcId })), records };
    this.model.hostedZones.push(zone);
    return zone;
  }

  publicZone(name: string, zoneName: string, records: RecordSet[], external = false): HostedZone {
    const zone: HostedZone = { id: this.next('Z', 12), name, zoneName, private: false, vpcs: [], records, ...(external ? { external } : {}) };
    this.model.hostedZones.push(zone);
    return zone;
  }

  rule(name: string, domainName: Maybe<string>, vpcIds: Maybe<string>[], targetIps: Maybe<string>[] = [], ruleType: ResolverRule['ruleType'] = 'FORWARD'): ResolverRule {
    const rule: ResolverRule = { id: this.next('rslvr-rr'), name, domainName, ruleType, targetIps, vpcIds };
    this.model.resolverRules.push(rule);
    return rule;
  }

  inboundEndpoint(vpc: Vpc, name: string, ips: string[]): void {
    this.model.resolverEndpoints.push({ id: this.next('rslvr-in'), name, direction: 'INBOUND', vpcId: vpc.id, ipAddresses: ips, networkInterfaceIds: [] });
  }

  dhcp(vpc: Vpc, servers: string[]): void {
    this.model.dhcpOptions.push({ id: this.next('dopt'), name: 'DhcpOptions', domainNameServers: servers, vpcIds: [vpc.id] });
  }

  api(id: string, endpointType: Maybe<EndpointType>, opts: { region?: string; vpcEndpointIds?: Maybe<string>[]; kind?: Api['kind'] } = {}): Api {
    const api: Api = {
      id, name: `Api${id}`, kind: opts.kind ?? 'REST', region: opts.region ?? 'us-east-1', account: '111111111111',
      endpointType, vpcEndpointIds: opts.vpcEndpointIds ?? [], disableExecuteApiEndpoint: false, stages: [], resources: [],
    };
    this.model.apis.push(api);
    return api;
  }

  fact(name: string, type: 'A' | 'AAAA' | 'CNAME' | 'ALIAS', value: string): void {
    this.model.publicDns.push({ name, type, value, origin: { file: 'scenario.yaml', line: 3 } });
  }

  resolve(vpc: Vpc, name: string, book = new AddressBook()): DnsResolution {
    return resolveName(new ModelIndex(this.model), vpc, name, book);
  }
}

/** The seed VPC: an execute-api endpoint (`ApiEndpoint`, 10.0.1.10 and 10.0.2.10), both DNS attributes on. */
export function seedVpc(b: DnsModelBuilder, privateDns = true): Vpc {
  const vpc = b.vpc('Vpc');
  b.endpoint(vpc, 'ApiEndpoint', { privateDns });
  return vpc;
}

/** What a test expects of a resolution; every field is optional but `kind`. */
export interface DnsExpectation {
  readonly kind: DnsResolution['outcome']['kind'];
  readonly source?: DnsSource;
  readonly addresses?: string[];
  /** Prefix of the final address's owner in the book: `api-gateway-regional:us-west-2`, `cloudfront:d1...`. */
  readonly owner?: string;
  /** Confidence of the last step. */
  readonly confidence?: Confidence;
  /** Some step's `why` matches. */
  readonly why?: RegExp;
  /** Rules that appear in some step. */
  readonly rules?: string[];
  /** Some missing fact's `fact` matches. */
  readonly fact?: RegExp;
  readonly recordTypes?: string[];
}

/** The ways a resolution differs from the expectation (empty: it matches). */
export function mismatches(res: DnsResolution, book: AddressBook, e: DnsExpectation): string[] {
  const o = res.outcome;
  const out: string[] = [];
  const first = o.kind === 'addresses' ? o.addresses[0] : undefined;
  const owner = first ? book.ownerOf(first) : undefined;
  const ownerKey = !owner ? '' : owner.kind === 'api-gateway-regional' ? `${owner.kind}:${owner.region}`
    : owner.kind === 'cloudfront' ? `${owner.kind}:${owner.distributionDomainName}` : owner.kind;
  const rules = res.steps.flatMap((s) => s.rules);
  if (o.kind !== e.kind) out.push(`kind ${o.kind}, expected ${e.kind}`);
  if (e.source && (!('source' in o) || o.source !== e.source)) out.push(`source ${'source' in o ? o.source : '-'}, expected ${e.source}`);
  if (e.addresses && JSON.stringify(o.kind === 'addresses' ? o.addresses : []) !== JSON.stringify(e.addresses)) out.push('addresses differ');
  if (e.owner && !ownerKey.startsWith(e.owner)) out.push(`owner ${ownerKey}, expected ${e.owner}`);
  if (e.confidence && res.steps.at(-1)?.confidence !== e.confidence) out.push(`last step ${res.steps.at(-1)?.confidence}, expected ${e.confidence}`);
  if (e.why && !res.steps.some((s) => e.why?.test(s.why))) out.push(`no step's why matches ${e.why}`);
  for (const rule of e.rules ?? []) if (!rules.includes(rule)) out.push(`rule ${rule} missing`);
  if (e.fact && !(o.kind === 'unknown' && o.missing.some((m) => e.fact?.test(m.fact)))) out.push(`no missing fact matches ${e.fact}`);
  if (e.recordTypes && res.steps.map((s) => s.recordType).join() !== e.recordTypes.join()) out.push('record types differ');
  return out.length > 0 ? [...out, JSON.stringify(res, null, 1)] : [];
}

/** The seed endpoint's interface addresses (seedVpc). */
export const SEED_ENDPOINT_IPS = ['10.0.1.10', '10.0.2.10'];

/** One row of a table-driven resolution test. */
export interface DnsCase {
  readonly title: string;
  readonly name: string;
  readonly setup: (b: DnsModelBuilder) => Vpc;
  readonly expect: DnsExpectation;
}

/** Builds the row's model, resolves its name, and lists how the answer differs from the expectation. */
export function dnsCaseMismatches(c: DnsCase): string[] {
  const b = new DnsModelBuilder();
  const vpc = c.setup(b);
  const book = new AddressBook();
  return mismatches(b.resolve(vpc, c.name, book), book, c.expect);
}
