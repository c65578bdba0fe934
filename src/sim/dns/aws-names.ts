// Names AWS itself answers in public DNS: execute-api hosts (R14, R11, R27), CloudFront (R26), vpce names (R11).
import type { Api, Origin } from '../../model/index.js';
import { isUnknown, nameAndId } from '../../model/index.js';
import type { Confidence, MissingFact } from '../trace.js';
import type { Ctx } from './context.js';
import { missing } from './context.js';
import { endpointAddresses } from './endpoint-addresses.js';
import { vpceName } from './vpce-names.js';

export type OwnedResult =
  | {
    readonly kind: 'addresses'; readonly addresses: string[]; readonly answeredBy: string; readonly why: string;
    readonly rules: string[]; readonly confidence: Confidence; readonly origin?: Origin | undefined;
  }
  | { readonly kind: 'nxdomain'; readonly why: string; readonly rules: string[]; readonly confidence: Confidence }
  | { readonly kind: 'unknown'; readonly missing: MissingFact[] };

const EXECUTE_API = /^([a-z0-9-]+)\.execute-api\.([a-z0-9-]+)\.amazonaws\.com$/;
const EXECUTE_API_BY = 'public DNS (AWS-owned execute-api name)';

/** The answer public DNS gives for an AWS-owned name; undefined when the name is not one. */
export function awsOwnedName(ctx: Ctx, name: string): OwnedResult | undefined {
  return executeApiName(ctx, name) ?? cloudFrontName(ctx, name) ?? vpceName(ctx, name);
}

function executeApiName(ctx: Ctx, name: string): OwnedResult | undefined {
  const m = EXECUTE_API.exec(name);
  if (!m || !m[1] || !m[2]) return undefined;
  const [host, region] = [m[1], m[2]];
  if (/^d-[a-z0-9]+$/.test(host)) {
    // R27: a regional custom domain's target name, served by API Gateway's regional front door.
    return regional(ctx, region, `${name} is a regional custom domain name's target (d-...)`, ['R27'], 'documented');
  }
  const pair = /^([a-z0-9]+)-(vpce-[0-9a-f]+)$/.exec(host);
  if (pair && pair[1] && pair[2]) return apiEndpointAlias(ctx, name, pair[1], pair[2], region);
  if (!/^[a-z0-9]+$/.test(host)) return undefined;
  const api = findApi(ctx, host, region);
  if (!api) {
    return regional(ctx, region,
      `${host} is not an API in the model; the public execute-api namespace answers every name (inferred)`,
      ['R14'], 'inferred');
  }
  if (isUnknown(api.endpointType)) {
    return { kind: 'unknown', missing: [missing(`endpoint type of ${nameAndId(api)}`, api.endpointType.reason, api.origin)] };
  }
  if (api.kind === 'REST' && api.endpointType === 'EDGE') {
    // R15, R26: an edge-optimized API's default host is a name for the CloudFront distribution in front of it.
    const distributionDomainName = madeUpDistribution(api.id);
    return {
      kind: 'addresses',
      addresses: [ctx.book.addressOf({ kind: 'cloudfront', distributionDomainName })],
      answeredBy: EXECUTE_API_BY,
      why: `${nameAndId(api)} is an EDGE API: its default name leads to its CloudFront distribution ` +
        `(${distributionDomainName}, a made-up name: AWS assigns it)`,
      rules: ['R14', 'R15', 'R26'], confidence: 'documented', origin: api.endpointTypeOrigin ?? api.origin,
    };
  }
  return regional(ctx, region, `${nameAndId(api)} is a ${api.endpointType} ${api.kind} API in ${region}`, ['R14'],
    'documented', api.endpointTypeOrigin ?? api.origin);
}

/** R11: `{api-id}-{vpce-id}.execute-api...` exists when the PRIVATE API lists the endpoint in vpcEndpointIds. */
function apiEndpointAlias(ctx: Ctx, name: string, apiId: string, vpceId: string, region: string): OwnedResult {
  const api = findApi(ctx, apiId, region);
  if (!api) {
    return { kind: 'unknown', missing: [missing(`facts.apis entry for ${apiId} (with vpc_endpoint_ids)`,
      `${name} exists only if API ${apiId} in ${region} is PRIVATE and lists ${vpceId} in its VPC endpoint ids; the model does not hold that API`)] };
  }
  if (isUnknown(api.endpointType)) {
    return { kind: 'unknown', missing: [missing(`endpoint type of ${nameAndId(api)}`, api.endpointType.reason, api.origin)] };
  }
  const listed = api.vpcEndpointIds.some((id) => id === vpceId);
  const unknownIds = api.vpcEndpointIds.filter(isUnknown);
  if (api.endpointType === 'PRIVATE' && !listed && unknownIds[0]) {
    return { kind: 'unknown', missing: [missing(`VPC endpoint ids of ${nameAndId(api)}`, unknownIds[0].reason, api.origin)] };
  }
  if (api.endpointType !== 'PRIVATE' || !listed) {
    return regional(ctx, region,
      `${nameAndId(api)} does not list ${vpceId} as a PRIVATE API, so API Gateway created no alias for this pair; ` +
      'the name resolves as any other name under execute-api (inferred)', ['R11', 'R14'], 'inferred', api.origin);
  }
  const endpoint = ctx.index.vpcEndpoints.get(vpceId);
  if (!endpoint) {
    return { kind: 'unknown', missing: [missing(`VPC endpoint ${vpceId}`,
      `${name} is an alias to the network interfaces of ${vpceId}, which is not in the model`, api.origin)] };
  }
  const ips = endpointAddresses(ctx, endpoint);
  if (ips.kind === 'unknown') return ips;
  if (ips.kind === 'none') return { kind: 'nxdomain', why: ips.why, rules: ['R11'], confidence: 'inferred' };
  return {
    kind: 'addresses', addresses: ips.addresses,
    answeredBy: `public DNS (the Route 53 alias API Gateway creates for ${nameAndId(api)} and ${nameAndId(endpoint)})`,
    why: `${nameAndId(api)} lists ${endpoint.id} in its VPC endpoint ids, so ${name} is an alias to the endpoint's private IPs`,
    rules: ['R11', 'R24'], confidence: 'documented', origin: api.origin,
  };
}

function cloudFrontName(ctx: Ctx, name: string): OwnedResult | undefined {
  if (!name.endsWith('.cloudfront.net') || name.split('.').length < 3) return undefined;
  // R26: a CloudFront distribution's name resolves to CloudFront's edge addresses, outside any VPC's zones.
  return {
    kind: 'addresses', addresses: [ctx.book.addressOf({ kind: 'cloudfront', distributionDomainName: name })],
    answeredBy: 'public DNS (AWS-owned CloudFront name)',
    why: `${name} is a CloudFront distribution name`, rules: ['R26'], confidence: 'documented',
  };
}

function regional(
  ctx: Ctx, region: string, why: string, rules: string[], confidence: Confidence, origin?: Origin,
): OwnedResult {
  return {
    kind: 'addresses', addresses: [ctx.book.addressOf({ kind: 'api-gateway-regional', region })],
    answeredBy: EXECUTE_API_BY, why: `${why}; it resolves to API Gateway's regional front door in ${region}`,
    rules, confidence, origin,
  };
}

function findApi(ctx: Ctx, id: string, region: string): Api | undefined {
  return ctx.index.apiByLowerId(id, region);
}

/** A stable stand-in for the CloudFront name AWS gives an EDGE API's distribution: `d` and 13 characters. */
export function madeUpDistribution(apiId: string): string {
  let h = 0x811c9dc5;
  let out = 'd';
  for (let i = 0; i < 13; i++) {
    for (const ch of `${apiId}:${i}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += '0123456789abcdefghijklmnopqrstuvwxyz'[h % 36];
  }
  return `${out}.cloudfront.net`;
}
