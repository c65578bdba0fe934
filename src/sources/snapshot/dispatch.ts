// Which API answer a file holds: EC2 and the others by top-level key (Batfish's rule), `items` by file name.
import type { InputProblem } from '../input-problem.js';
import { isObj } from './json-read.js';
import type { SnapshotFile } from './json-positions.js';
import type { Place } from './walk.js';

/** The answers vpcpath reads, named by their top-level key (or, for API Gateway's `items`, by their file). */
export const KINDS = [
  'Vpcs', 'VpcAttributes', 'Subnets', 'RouteTables', 'InternetGateways', 'NatGateways', 'NetworkAcls', 'SecurityGroups',
  'NetworkInterfaces', 'Reservations', 'Addresses', 'PrefixLists', 'VpcEndpoints', 'VpcPeeringConnections',
  'TransitGateways', 'TransitGatewayAttachments', 'TransitGatewayVpcAttachments', 'DhcpOptions', 'AvailabilityZones',
  'VpnGateways', 'VpnConnections', 'ResolverRules', 'ResolverRuleAssociations', 'ResolverEndpoints', 'Functions',
  'HostedZones', 'HostedZone', 'VPCs', 'ResourceRecordSets', 'PublicDnsAnswers',
  'RestApis', 'RestStages', 'RestResources', 'DomainNames', 'BasePathMappings', 'DomainNameAccessAssociations',
  'Apis', 'ApiStages', 'ApiRoutes', 'DomainNamesV2', 'ApiMappings',
] as const;
export type Kind = (typeof KINDS)[number];

/**
 * The calls made for one API or custom domain (its stages, resources, routes, mappings): each element is read on
 * its own, as the snapshot is walked (PREPARE in index.ts), and its file's text is then let go. They are most of
 * a large estate's bytes.
 */
export const PREPARED_KINDS = ['RestStages', 'RestResources', 'ApiStages', 'ApiRoutes', 'BasePathMappings', 'ApiMappings'] as const;
export type PreparedKind = (typeof PREPARED_KINDS)[number];
/** The kinds read from the model's readers, one file at a time. */
export type ItemKind = Exclude<Kind, PreparedKind>;
const PREPARED: ReadonlySet<Kind> = new Set(PREPARED_KINDS);

export function isPreparedKind(kind: Kind): kind is PreparedKind {
  return PREPARED.has(kind);
}

/** Route 53 is a global service: its answers sit under `global/`. */
export const GLOBAL_KINDS: ReadonlySet<Kind> = new Set(['HostedZones', 'HostedZone', 'VPCs', 'ResourceRecordSets', 'PublicDnsAnswers']);

/** Keys read by no model element but expected in these answers: pagination, and describes kept for a person. */
const QUIET_KEYS = new Set([
  'NextToken', 'nextToken', 'Marker', 'NextMarker', 'IsTruncated', 'MaxItems', 'position', 'ResponseMetadata',
  'DelegationSet', 'ServiceDetails', 'ServiceNames', 'TransitGatewayRouteTables',
]);

/** API Gateway answers share `items`/`item`/`Items`: the file (and its folder) says which call it was. */
const ITEM_FILES: readonly { folder: readonly string[]; name: string; kind: Kind }[] = [
  { folder: [], name: 'RestApis.json', kind: 'RestApis' },
  { folder: [], name: 'DomainNames.json', kind: 'DomainNames' },
  { folder: [], name: 'DomainNameAccessAssociations.json', kind: 'DomainNameAccessAssociations' },
  { folder: [], name: 'Apis.json', kind: 'Apis' },
  { folder: [], name: 'DomainNamesV2.json', kind: 'DomainNamesV2' },
  { folder: ['apigateway', 'restapis'], name: 'Stages.json', kind: 'RestStages' },
  { folder: ['apigateway', 'restapis'], name: 'Resources.json', kind: 'RestResources' },
  { folder: ['apigateway', 'domainnames'], name: 'BasePathMappings.json', kind: 'BasePathMappings' },
  { folder: ['apigatewayv2', 'apis'], name: 'Stages.json', kind: 'ApiStages' },
  { folder: ['apigatewayv2', 'apis'], name: 'Routes.json', kind: 'ApiRoutes' },
  { folder: ['apigatewayv2', 'domainnames'], name: 'ApiMappings.json', kind: 'ApiMappings' },
];

/** One answer found in a file: its items, and the resource its folder names (API id, domain name, zone id). */
export interface Dispatched {
  readonly kind: Kind;
  readonly key: string;
  /** The elements, from the file's value (parsed again once the file has let its value go). */
  items(): readonly unknown[];
  /** One per element that is not an object: added each time the kind is read. */
  readonly shapeProblems: readonly InputProblem[];
  readonly file: SnapshotFile;
  readonly place: Place;
  readonly resource?: string;
  /** A prepared kind's elements, as read when the snapshot was walked. */
  readonly prepared?: readonly unknown[];
}

export interface DispatchResult {
  readonly found: Dispatched[];
  /** Top-level keys nobody reads (a Batfish snapshot's LoadBalancers, RdsInstances ...). */
  readonly ignoredKeys: string[];
  readonly problems: InputProblem[];
}

/** Files under a folder named after a resource id carry the calls made for that resource. */
function resourceOf(place: Place, prefix: readonly string[]): string | undefined {
  const sub = place.sub;
  if (sub.length !== prefix.length + 1 || !prefix.every((p, i) => sub[i] === p)) return undefined;
  return sub[prefix.length];
}

export function dispatchFile(file: SnapshotFile, name: string, place: Place): DispatchResult {
  const found: Dispatched[] = [];
  const ignoredKeys: string[] = [];
  const problems: InputProblem[] = [];
  const value = file.value;
  if (!isObj(value)) {
    problems.push(shapeProblem(file, -1, 'the file must hold a JSON object (an AWS API answer)'));
    return { found, ignoredKeys, problems };
  }
  const zone = resourceOf(place, ['route53']);
  for (const [key, v] of Object.entries(value)) {
    let kind: Kind | undefined;
    let resource: string | undefined;
    if (key === 'items' || key === 'item' || key === 'Items') {
      const match = ITEM_FILES.find((f) => f.name === name && (f.folder.length === 0
        ? place.sub.length === 0 : resourceOf(place, f.folder) !== undefined));
      kind = match?.kind;
      if (match && match.folder.length) resource = resourceOf(place, match.folder);
    } else if ((KINDS as readonly string[]).includes(key)) {
      kind = key as Kind;
      if (kind === 'HostedZone' || kind === 'VPCs' || kind === 'ResourceRecordSets') resource = zone;
    } else if (QUIET_KEYS.has(key)) {
      continue;
    }
    if (!kind) {
      ignoredKeys.push(key);
      continue;
    }
    const items = elementsOf(kind, v);
    if (!items) {
      problems.push(shapeProblem(file, file.offsetOf(key), `${key} must be a list`));
      continue;
    }
    const shapeProblems = items.flatMap((item, i) => (isObj(item) ? [] : [shapeProblem(file, file.offsetOf(key), `${key}[${i}] must be an object`)]));
    const answerKind = kind;
    found.push({
      kind, key, file, place, shapeProblems, ...(resource !== undefined ? { resource } : {}),
      items: () => {
        const again = file.value;
        return (isObj(again) ? elementsOf(answerKind, again[key]) : undefined) ?? [];
      },
    });
  }
  return { found, ignoredKeys, problems };
}

/** GetHostedZone answers one object; every other call a list. */
function elementsOf(kind: Kind, v: unknown): readonly unknown[] | undefined {
  const items = kind === 'HostedZone' && isObj(v) ? [v] : v;
  return Array.isArray(items) ? items : undefined;
}

function shapeProblem(file: SnapshotFile, offset: number, message: string): InputProblem {
  const o = file.at(offset);
  return { code: 'snapshot-shape', message, file: o.file, ...(o.line ? { line: o.line, column: o.column } : {}) };
}
