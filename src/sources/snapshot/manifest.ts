// manifest.json (docs/snapshot-format.md): who collected the snapshot, and the calls that failed, which leave
// collections incomplete: a trace that depends on one answers unknown, naming the call.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MissingCollection, Model, Note } from '../../model/index.js';
import type { InputProblem } from '../input-problem.js';
import { isObj, objs, str, strs, type Obj } from './json-read.js';
import { parseJson, SnapshotFile } from './json-positions.js';

export interface FailedCall {
  readonly account?: string;
  /** Absent for global services (Route 53). */
  readonly region?: string;
  readonly service: string;
  readonly operation: string;
  readonly resource?: string;
  /** DescribeVpcAttribute: the one attribute asked for (`enableDnsSupport`). */
  readonly attribute?: string;
  /** `route53resolver ListResolverRules: AccessDeniedException (User ... is not authorized ...)` */
  readonly reason: string;
  readonly offset: number;
}

export interface ManifestInfo {
  readonly file: SnapshotFile;
  readonly format?: string;
  readonly accounts: string[];
  readonly identityAccount?: string;
  readonly failed: FailedCall[];
}

/** The collections each call feeds. DescribeVpcAttribute feeds two fields of a VPC, handled where VPCs are read. */
const FEEDS: Readonly<Record<string, readonly (keyof Model)[]>> = {
  'ec2 DescribeVpcs': ['vpcs'], 'ec2 DescribeSubnets': ['subnets'], 'ec2 DescribeRouteTables': ['routeTables'],
  'ec2 DescribeInternetGateways': ['internetGateways'], 'ec2 DescribeNatGateways': ['natGateways'],
  'ec2 DescribeNetworkAcls': ['networkAcls'], 'ec2 DescribeSecurityGroups': ['securityGroups'],
  'ec2 DescribeNetworkInterfaces': ['networkInterfaces'], 'ec2 DescribeInstances': ['instances'],
  'ec2 DescribePrefixLists': ['prefixLists'], 'ec2 DescribeManagedPrefixLists': ['prefixLists'],
  'ec2 GetManagedPrefixListEntries': ['prefixLists'], 'ec2 DescribeVpcEndpoints': ['vpcEndpoints'],
  'ec2 DescribeVpcPeeringConnections': ['peeringConnections'], 'ec2 DescribeTransitGateways': ['transitGateways'],
  'ec2 DescribeTransitGatewayAttachments': ['transitGateways'], 'ec2 DescribeTransitGatewayVpcAttachments': ['transitGateways'],
  'ec2 DescribeDhcpOptions': ['dhcpOptions'], 'ec2 DescribeVpnGateways': ['vpnGateways'], 'ec2 DescribeVpnConnections': ['vpnGateways'],
  'route53resolver ListResolverRules': ['resolverRules'], 'route53resolver ListResolverRuleAssociations': ['resolverRules'],
  'route53resolver ListResolverEndpoints': ['resolverEndpoints'], 'route53resolver ListResolverEndpointIpAddresses': ['resolverEndpoints'],
  'lambda ListFunctions': ['lambdaFunctions'],
  'apigateway GetRestApis': ['apis'], 'apigateway GetStages': ['apis'], 'apigateway GetResources': ['apis'],
  'apigateway GetDomainNames': ['domainNames'], 'apigateway GetBasePathMappings': ['domainNames'],
  'apigateway GetDomainNameAccessAssociations': ['domainNameAccessAssociations'],
  'apigatewayv2 GetApis': ['apis'], 'apigatewayv2 GetStages': ['apis'], 'apigatewayv2 GetRoutes': ['apis'],
  'apigatewayv2 GetDomainNames': ['domainNames'], 'apigatewayv2 GetApiMappings': ['domainNames'],
  'route53 ListHostedZones': ['hostedZones'], 'route53 GetHostedZone': ['hostedZones'], 'route53 ListResourceRecordSets': ['hostedZones'],
};

/**
 * Calls made for one resource whose failure the model can hold on that element itself (a VPC's DNS attributes, an
 * API's stages or resources, a private zone's VPCs): those readers ask `failure()`, and no whole collection is lost.
 */
const PER_ELEMENT = new Set([
  'ec2 DescribeVpcAttribute', 'apigateway GetStages', 'apigateway GetResources', 'apigatewayv2 GetStages',
  'apigatewayv2 GetRoutes', 'route53 GetHostedZone',
]);

const GLOBAL_SERVICES = new Set(['route53']);

/** The failed calls of one operation, in manifest order: those made for no resource, and those for each. */
interface OperationFailures {
  readonly any: { readonly call: FailedCall; readonly n: number }[];
  readonly byResource: Map<string, { readonly call: FailedCall; readonly n: number }[]>;
}

export class FailedCalls {
  private readonly byOperation = new Map<string, OperationFailures>();

  constructor(readonly calls: readonly FailedCall[] = []) {
    calls.forEach((call, n) => {
      const key = `${call.service} ${call.operation}`;
      let failures = this.byOperation.get(key);
      if (!failures) this.byOperation.set(key, (failures = { any: [], byResource: new Map() }));
      if (call.resource === undefined) {
        failures.any.push({ call, n });
      } else {
        const list = failures.byResource.get(call.resource);
        if (list) list.push({ call, n });
        else failures.byResource.set(call.resource, [{ call, n }]);
      }
    });
  }

  /** The failure of `service operation` for this resource, in this account and region, if the manifest lists one. */
  failure(service: string, operation: string, where: { account?: string; region?: string; resource?: string; attribute?: string }): FailedCall | undefined {
    const failures = this.byOperation.get(`${service} ${operation}`);
    if (!failures) return undefined;
    const matches = (c: FailedCall) =>
      (c.attribute === undefined || where.attribute === undefined || c.attribute === where.attribute) &&
      (c.account === undefined || where.account === undefined || c.account === where.account) &&
      (c.region === undefined || where.region === undefined || c.region === where.region);
    // The first match in manifest order among the calls for no resource and those for this one.
    const any = failures.any;
    const own = where.resource === undefined ? [] : failures.byResource.get(where.resource) ?? [];
    for (let i = 0, j = 0; i < any.length || j < own.length;) {
      const next = j >= own.length || (i < any.length && any[i]!.n < own[j]!.n) ? any[i++]! : own[j++]!;
      if (matches(next.call)) return next.call;
    }
    return undefined;
  }
}

export function readManifest(root: string, display: string): { info?: ManifestInfo; problems: InputProblem[] } {
  const abs = join(root, 'manifest.json');
  if (!existsSync(abs)) return { problems: [] };
  const rel = 'manifest.json';
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    return { problems: [{ code: 'unreadable', file: `${display}/${rel}`, message: `cannot read the manifest: ${(e as Error).message}` }] };
  }
  const parsed = parseJson(text);
  if (!parsed.ok) {
    return { problems: [{ code: 'json-syntax', file: `${display}/${rel}`, line: parsed.line, column: parsed.column, message: parsed.message }] };
  }
  const file = new SnapshotFile(rel, `${display}/${rel}`, text, parsed.value);
  const m: Obj = isObj(parsed.value) ? parsed.value : {};
  let from = 0;
  const failed = objs(m, 'calls').flatMap((c): FailedCall[] => {
    const service = str(c, 'service') ?? '?';
    const operation = str(c, 'operation') ?? '?';
    const offset = file.offsetOf(operation, from);
    if (offset >= 0) from = offset + 1;
    if (c.ok !== false) return [];
    const region = GLOBAL_SERVICES.has(service) ? undefined : str(c, 'region');
    const resource = str(c, 'resource');
    const attribute = str(c, 'attribute');
    const message = str(c, 'message');
    const target = [resource, attribute].filter(Boolean).join(' ');
    const reason = `${service} ${operation}${target ? ` (${target})` : ''}: ${str(c, 'error') ?? 'Error'}${message ? ` (${message})` : ''}`;
    return [{
      service, operation, reason, offset,
      ...(str(c, 'account') ? { account: str(c, 'account')! } : {}),
      ...(region ? { region } : {}),
      ...(resource ? { resource } : {}),
      ...(attribute ? { attribute } : {}),
    }];
  });
  const identity = isObj(m.identity) ? str(m.identity, 'account') : undefined;
  file.release();
  return {
    info: { file, ...(str(m, 'format') ? { format: str(m, 'format')! } : {}), accounts: strs(m, 'accounts'), ...(identity ? { identityAccount: identity } : {}), failed },
    problems: [],
  };
}

/** Every failed call: a warning, and the collections it leaves incomplete (unless held on the element itself). */
export function manifestFindings(info: ManifestInfo): { missing: MissingCollection[]; notes: Note[] } {
  const missing: MissingCollection[] = [];
  const notes: Note[] = [];
  if (info.format !== undefined && info.format !== 'vpcpath-snapshot') {
    notes.push({ level: 'warning', code: 'snapshot-format', message: `manifest.json says format "${info.format}", not "vpcpath-snapshot"`, origin: info.file.at(info.file.offsetOf(info.format)) });
  }
  for (const call of info.failed) {
    const key = `${call.service} ${call.operation}`;
    const origin = info.file.at(call.offset);
    notes.push({ level: 'warning', code: 'snapshot-call-failed', message: `The snapshot lacks what ${call.reason.replace(/:.*/s, '')} would have given: ${call.reason}`, origin });
    if (PER_ELEMENT.has(key) && call.resource !== undefined) continue;
    const feeds = FEEDS[key];
    if (!feeds) continue;
    for (const collection of feeds) {
      missing.push({
        collection, reason: call.reason,
        ...(call.account ? { account: call.account } : {}),
        ...(call.region ? { region: call.region } : {}),
      });
    }
  }
  return { missing, notes };
}
