// Custom domain names (apigateway and apigatewayv2 GetDomainNames), their mappings, and private domains' access
// associations (R25-R28).
import type { BasePathMapping, DomainName } from '../../model/index.js';
import { originOf, type Build, type Item, type Located, type Mut } from './context.js';
import { named, nameTag, obj, objs, str } from './json-read.js';
import { endpointTypeOf } from './api-gateway.js';
import { readPolicyString } from './policy.js';

function partition(region: string): string {
  return region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}

/** `(none)`, `''` and `/` are the root mapping; otherwise the path without slashes at the ends. */
function basePath(raw: string | undefined): string {
  const trimmed = (raw ?? '').replace(/^\/+|\/+$/g, '');
  return trimmed === '(none)' ? '' : trimmed;
}

/** The mappings of a domain, in the folder named `<domain-name>` or, for a private one, `<name>+<id>`. */
function mappingsOf(b: Build, kind: 'BasePathMappings' | 'ApiMappings', folder: string, scope: Item['scope']): BasePathMapping[] {
  return b.prepared<BasePathMapping>(kind, folder, (s) => s.account === scope.account && s.region === scope.region);
}

/** A mapping of GetBasePathMappings (PREPARE). */
export function restMapping(m: Located): BasePathMapping[] {
  const apiId = str(m.o, 'restApiId');
  const stage = str(m.o, 'stage');
  return [{ basePath: basePath(str(m.o, 'basePath')), apiId: apiId ?? { kind: 'unknown', reason: `${m.path} names no restApiId` }, ...(stage ? { stage } : {}), origin: originOf(m, str(m.o, 'basePath')) }];
}

/** A mapping of GetApiMappings (PREPARE). */
export function apiMapping(m: Located): BasePathMapping[] {
  const apiId = str(m.o, 'ApiId');
  const stage = str(m.o, 'Stage');
  return [{ basePath: basePath(str(m.o, 'ApiMappingKey')), apiId: apiId ?? { kind: 'unknown', reason: `${m.path} names no ApiId` }, ...(stage ? { stage } : {}), origin: originOf(m, apiId) }];
}

export function readDomainNames(b: Build): void {
  const domains: { domain: Mut<DomainName>; folder: string; scope: Item['scope'] }[] = [];
  /** The public domains read so far, by name, Region and account. */
  const publicDomains = new Set<string>();
  const publicKey = (name: string, scope: Item['scope']) => `${name}\u0000${scope.region}\u0000${scope.account}`;
  for (const item of b.items('DomainNames')) {
    const raw = str(item.o, 'domainName');
    if (!raw) {
      b.missingField(item, 'domainName');
      continue;
    }
    const name = raw.toLowerCase().replace(/\.$/, '');
    const { region, account } = item.scope;
    const origin = b.origin(item, raw);
    const typeOrigin = b.originIn(item, 'endpointConfiguration', `${item.path}.endpointConfiguration`);
    const endpointType = endpointTypeOf(obj(item.o, 'endpointConfiguration'), typeOrigin);
    const domainNameId = str(item.o, 'domainNameId');
    const isPrivate = endpointType === 'PRIVATE';
    // A private custom domain is one per id (R25): its ARN names it; a public one is one per name and Region.
    const arn = isPrivate
      ? str(item.o, 'domainNameArn') ?? `arn:${partition(region)}:apigateway:${region}:${account}:/domainnames/${name}+${domainNameId ?? ''}`
      : `arn:${partition(region)}:apigateway:${region}::/domainnames/${name}`;
    const policyOrigin = b.originIn(item, 'policy', `${item.path}.policy`);
    const policy = isPrivate ? readPolicyString(str(item.o, 'policy'), `the policy of ${name}`, policyOrigin) : undefined;
    const distribution = str(item.o, 'distributionDomainName');
    const regionalName = str(item.o, 'regionalDomainName');
    const domain: Mut<DomainName> = {
      id: isPrivate ? arn : name, ...named(nameTag(item.o)), origin, domainName: name, endpointType, region, account, arn,
      ...(distribution ? { distributionDomainName: distribution.toLowerCase() } : {}),
      ...(regionalName ? { regionalDomainName: regionalName.toLowerCase() } : {}),
      ...(policy !== undefined ? { policy, policyOrigin } : {}),
      mappings: [],
    };
    b.model.domainNames.push(domain);
    domains.push({ domain, folder: isPrivate && domainNameId ? `${name}+${domainNameId}` : name, scope: item.scope });
    if (endpointType !== 'PRIVATE') publicDomains.add(publicKey(name, item.scope));
  }
  for (const item of b.items('DomainNamesV2')) {
    const name = str(item.o, 'DomainName')?.toLowerCase().replace(/\.$/, '');
    if (!name) continue;
    // apigateway and apigatewayv2 GetDomainNames list the same public domains: one element per name.
    if (publicDomains.has(publicKey(name, item.scope))) continue;
    const config = objs(item.o, 'DomainNameConfigurations')[0];
    const type = str(config, 'EndpointType')?.toUpperCase() === 'EDGE' ? 'EDGE' : 'REGIONAL';
    const target = str(config, 'ApiGatewayDomainName')?.toLowerCase();
    const { region, account } = item.scope;
    const domain: Mut<DomainName> = {
      id: name, ...named(nameTag(item.o)), origin: b.origin(item, str(item.o, 'DomainName')), domainName: name, endpointType: type,
      region, account, arn: `arn:${partition(region)}:apigateway:${region}::/domainnames/${name}`,
      ...(target ? (type === 'EDGE' ? { distributionDomainName: target } : { regionalDomainName: target }) : {}),
      mappings: [],
    };
    b.model.domainNames.push(domain);
    domains.push({ domain, folder: name, scope: item.scope });
    publicDomains.add(publicKey(name, item.scope));
  }
  for (const { domain, folder, scope } of domains) addMappings(b, domain, folder, scope);
  readAccessAssociations(b);
}

/** BasePathMappings (REST) and ApiMappings (v2, which also lists mappings to REST APIs): one per base path. */
function addMappings(b: Build, domain: Mut<DomainName>, folder: string, scope: Item['scope']): void {
  const v1 = mappingsOf(b, 'BasePathMappings', folder, scope);
  const v2 = domain.endpointType === 'PRIVATE' ? [] : mappingsOf(b, 'ApiMappings', folder, scope);
  const add = (m: BasePathMapping) => {
    if (!domain.mappings.some((x) => x.basePath === m.basePath)) domain.mappings.push(m);
  };
  for (const m of [...v1, ...v2]) add(m);
  const answered = b.answeredOf('BasePathMappings', folder).length + b.answeredOf('ApiMappings', folder).length;
  if (answered === 0) {
    b.note('warning', 'snapshot-missing-file', `No BasePathMappings.json or ApiMappings.json for ${folder}: the domain is read with no mappings`, domain.origin);
  }
}

/** R25: a consumer's endpoint may use a private custom domain only through an access association. */
function readAccessAssociations(b: Build): void {
  for (const item of b.items('DomainNameAccessAssociations')) {
    const arn = str(item.o, 'domainNameAccessAssociationArn');
    const domainArn = str(item.o, 'domainNameArn');
    const source = str(item.o, 'accessAssociationSource');
    if (!arn || !domainArn || !source) {
      b.missingField(item, 'domainNameAccessAssociationArn, domainNameArn or accessAssociationSource');
      continue;
    }
    b.model.domainNameAccessAssociations.push({ id: arn, origin: b.origin(item, arn), domainNameArn: domainArn, vpcEndpointId: source });
  }
}
