// The neutral AWS model every source produces and the simulation reads.
import type { Origin } from './origin.js';
import type { Maybe, Unknown } from './unknown.js';
import type {
  DhcpOptions, Instance, InternetGateway, LambdaFunction, NatGateway, NetworkAcl, NetworkInterface, PrefixList,
  RouteTable, SecurityGroup, Subnet, TransitGateway, Vpc, VpcEndpoint, VpcPeeringConnection, VpnGateway,
} from './network.js';
import type { HostedZone, PublicDnsRecord, ResolverEndpoint, ResolverRule } from './dns.js';
import type { Api, DomainName, DomainNameAccessAssociation } from './api-gateway.js';

export type NoteLevel = 'info' | 'warning';

/** Something a person should know about the input: an unsupported resource type, a duplicate key, a guess avoided. */
export interface Note {
  readonly level: NoteLevel;
  /** Stable code, e.g. `unsupported-resource-type`, `duplicate-key`, `made-up-id`. */
  readonly code: string;
  readonly message: string;
  readonly origin?: Origin;
}

/** A template resource as Ref and GetAtt see it, for `${LogicalId}` / `${LogicalId.Attr}` substitution. */
export interface StackResource {
  readonly logicalId: string;
  readonly type: string;
  readonly ref: Maybe<string>;
  readonly attributes: Readonly<Record<string, Maybe<string | string[]>>>;
  readonly origin?: Origin;
}

export interface Stack {
  readonly name: string;
  readonly region: string;
  readonly account: string;
  readonly file: string;
  readonly resources: Readonly<Record<string, StackResource>>;
  readonly outputs: Readonly<Record<string, Maybe<string>>>;
  /** Export name -> value. */
  readonly exports: Readonly<Record<string, Maybe<string>>>;
}

export interface Model {
  readonly vpcs: Vpc[];
  readonly subnets: Subnet[];
  readonly routeTables: RouteTable[];
  readonly internetGateways: InternetGateway[];
  readonly natGateways: NatGateway[];
  readonly securityGroups: SecurityGroup[];
  readonly networkAcls: NetworkAcl[];
  readonly networkInterfaces: NetworkInterface[];
  readonly instances: Instance[];
  readonly lambdaFunctions: LambdaFunction[];
  readonly vpcEndpoints: VpcEndpoint[];
  readonly peeringConnections: VpcPeeringConnection[];
  readonly transitGateways: TransitGateway[];
  /** Virtual private gateways with their VPN connections; absent when the source cannot know them (templates). */
  readonly vpnGateways?: VpnGateway[];
  readonly prefixLists: PrefixList[];
  readonly dhcpOptions: DhcpOptions[];
  readonly hostedZones: HostedZone[];
  readonly resolverRules: ResolverRule[];
  readonly resolverEndpoints: ResolverEndpoint[];
  readonly apis: Api[];
  readonly domainNames: DomainName[];
  readonly domainNameAccessAssociations: DomainNameAccessAssociation[];
  /** Public DNS records outside the model (`facts.dns`). */
  readonly publicDns: PublicDnsRecord[];
  readonly stacks: Stack[];
  readonly notes: Note[];
  /** Unknowns that matter for the whole model, beyond those inside elements. */
  readonly unknowns: Unknown[];
  /**
   * References the source could not resolve (an ImportValue of a stack that is not loaded, a parameter with no
   * value that names a subnet). The element that holds such a reference carries the placeholder id instead of a
   * real one; the simulation turns a placeholder it meets into a missing fact with this reason.
   */
  readonly unresolvedReferences: UnresolvedReference[];
  /**
   * Collections a snapshot could not read (a denied or failed API call): in that account and region the model
   * may lack such elements, so a trace that depends on them answers `unknown`, naming the call.
   */
  readonly missingCollections: MissingCollection[];
}

export interface MissingCollection {
  /** The model collection left incomplete, e.g. `resolverRules`. */
  readonly collection: keyof Model;
  readonly account?: string;
  /** Absent: every region (a global service such as Route 53). */
  readonly region?: string;
  /** The call that failed and why: `route53resolver ListResolverRules: AccessDeniedException (...)`. */
  readonly reason: string;
}

export interface UnresolvedReference {
  /** Starts with `unresolved:`; stands in an id field. */
  readonly placeholder: string;
  readonly reason: string;
  readonly origin?: Origin;
}

export const PLACEHOLDER_PREFIX = 'unresolved:';

export function isPlaceholderId(id: string): boolean {
  return id.startsWith(PLACEHOLDER_PREFIX);
}

export function emptyModel(): Model {
  return {
    vpcs: [], subnets: [], routeTables: [], internetGateways: [], natGateways: [], securityGroups: [],
    networkAcls: [], networkInterfaces: [], instances: [], lambdaFunctions: [], vpcEndpoints: [],
    peeringConnections: [], transitGateways: [], vpnGateways: [], prefixLists: [], dhcpOptions: [], hostedZones: [],
    resolverRules: [], resolverEndpoints: [], apis: [], domainNames: [], domainNameAccessAssociations: [],
    publicDns: [], stacks: [], notes: [], unknowns: [], unresolvedReferences: [], missingCollections: [],
  };
}

/** Concatenates models (several stacks, facts); ids are expected to be unique across them. */
export function mergeModels(models: Model[]): Model {
  const out = emptyModel() as { [K in keyof Model]: unknown[] };
  for (const m of models) {
    for (const key of Object.keys(out) as (keyof Model)[]) {
      (out[key] as unknown[]).push(...((m[key] as unknown[] | undefined) ?? []));
    }
  }
  return out as unknown as Model;
}
