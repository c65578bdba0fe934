// SAM's Auth.ResourcePolicy, expanded into policy statements per path and method as SAM's SwaggerEditor does
// (samtranslator/swagger/swagger.py add_resource_policy): allow lists become an Allow plus a Deny with a negated
// condition, deny lists an Allow plus a Deny, accounts an Allow or Deny on the AWS principal.
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-api-resourcepolicystatement.html
import { unknown, type PolicyScalar, type PolicyStatement } from '../../../model/index.js';
import { readPolicy } from '../policy-doc.js';
import type { PropReader } from '../prop-reader.js';
import { list, type Val } from '../val.js';

const ANY = 'x-amazon-apigateway-any-method';

/** `execute-api:/{stage}/{METHOD}/{path}` with greedy and path parameters as `*`, as SAM writes them. */
function resourceList(path: string, methods: Iterable<string>, stage: string): string[] {
  const p = path.replace(/\{([a-zA-Z0-9._-]+|[a-zA-Z0-9._-]+\+|proxy\+)\}/g, '*');
  return [...methods].map((m) => {
    const method = m.toLowerCase() === ANY || m.toLowerCase() === 'any' ? '*' : m.toUpperCase();
    return `execute-api:/${stage}/${method}${p === '/' ? '/' : p}`;
  });
}

function scalars(r: PropReader, key: string): PolicyScalar[] | undefined {
  if (!r.has(key)) return undefined;
  return r.items(key).flatMap((v): PolicyScalar[] => {
    if (v.k === 'unknown') return [unknown(v.reason, r.originAt(v.loc))];
    return v.k === 'scalar' ? [v.text] : [];
  });
}

function allowDeny(resources: string[], condition?: PolicyStatement['Condition']): PolicyStatement[] {
  const base = { Action: 'execute-api:Invoke', Resource: resources, Principal: '*' as const };
  return [{ Effect: 'Allow', ...base }, { Effect: 'Deny', ...base, ...(condition ? { Condition: condition } : {}) }];
}

/** `SourceVpcWhitelist` strings split by prefix into aws:SourceVpc and aws:SourceVpce; the Intrinsic* lists as given. */
function vpcCondition(r: PropReader, strings: string, vpcs: string, vpces: string): Record<string, PolicyScalar[]> | undefined {
  const cond: Record<string, PolicyScalar[]> = {};
  const add = (key: string, values: PolicyScalar[]): void => {
    if (values.length > 0) cond[key] = [...(cond[key] ?? []), ...values];
  };
  const given = scalars(r, strings);
  if (given) {
    for (const v of given) if (typeof v !== 'string') r.problemAt('bad-property', `${strings} takes plain strings; use the Intrinsic* lists for values that use intrinsic functions`, list([], r.fallback));
    add('aws:SourceVpc', given.filter((v): v is string => typeof v === 'string' && v.startsWith('vpc-')));
    add('aws:SourceVpce', given.filter((v): v is string => typeof v === 'string' && v.startsWith('vpce-')));
  }
  add('aws:SourceVpc', scalars(r, vpcs) ?? []);
  add('aws:SourceVpce', scalars(r, vpces) ?? []);
  if (!given && !r.has(vpcs) && !r.has(vpces)) return undefined;
  return Object.keys(cond).length > 0 ? cond : undefined;
}

export function expandResourcePolicy(r: PropReader, path: string, methods: Iterable<string>, stage: string): PolicyStatement[] {
  const resources = resourceList(path, methods, stage);
  const out: PolicyStatement[] = [];
  const accounts = (key: string, effect: 'Allow' | 'Deny'): void => {
    const v = scalars(r, key);
    if (v && v.length > 0) out.push({ Effect: effect, Action: 'execute-api:Invoke', Resource: resources, Principal: { AWS: v } });
  };
  accounts('AwsAccountWhitelist', 'Allow');
  accounts('AwsAccountBlacklist', 'Deny');
  const ips = (key: string, op: string): void => {
    const v = scalars(r, key);
    if (v && v.length > 0) out.push(...allowDeny(resources, { [op]: { 'aws:SourceIp': v } }));
  };
  ips('IpRangeWhitelist', 'NotIpAddress');
  ips('IpRangeBlacklist', 'IpAddress');
  const deny = vpcCondition(r, 'SourceVpcBlacklist', 'IntrinsicVpcBlacklist', 'IntrinsicVpceBlacklist');
  if (deny) out.push(...allowDeny(resources, { StringEquals: deny }));
  const allow = vpcCondition(r, 'SourceVpcWhitelist', 'IntrinsicVpcWhitelist', 'IntrinsicVpceWhitelist');
  if (allow) out.push(...allowDeny(resources, { StringNotEquals: allow }));
  return out;
}

/** `CustomStatements`: statements as written, appended after the generated ones. */
export function customStatements(r: PropReader): PolicyStatement[] {
  const v: Val | undefined = r.val('CustomStatements');
  if (!v) return [];
  const doc = readPolicy({ k: 'map', entries: [{ key: 'Statement', keyLoc: v.loc, val: v }], loc: v.loc }, r, 'CustomStatements');
  return doc && 'Statement' in doc ? doc.Statement : [];
}

/** Adds statements not already present (SAM does not repeat an identical statement). */
export function appendUnique(target: PolicyStatement[], more: PolicyStatement[]): void {
  for (const s of more) {
    const key = JSON.stringify(s, (k, val) => (k === 'origin' ? undefined : val));
    if (!target.some((t) => JSON.stringify(t, (k, val) => (k === 'origin' ? undefined : val)) === key)) target.push(s);
  }
}
