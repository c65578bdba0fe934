// Causes for requests that name no stage, path, mapping or certificate API Gateway has, for success, and for gaps.
import { displayName, type Api, type DomainName, type Origin } from '../../model/index.js';
import { missingFactsCause } from '../causes/network-causes.js';
import type { Cause, MissingFact } from '../trace.js';

const origin = (o: Origin | undefined): { origin?: Origin } => (o ? { origin: o } : {});

export function stageNotFoundCause(api: Api, stage: string | undefined, through?: DomainName): Cause {
  const a = displayName(api);
  const named = stage === undefined ? 'no stage' : `stage "${stage}"`;
  return {
    code: 'stage-or-path-not-found',
    explanation: through
      ? `${through.domainName} maps this path to ${a}, but ${a} has ${named === 'no stage' ? 'no stage named in the path' : `no ${named}`}, so API Gateway answers by itself and the integration is not called.`
      : `The URL names ${named} of ${a}, and ${a} has no such stage deployed (the first path segment of a default URL is the stage). API Gateway answers by itself and the integration is not called.`,
    fix: `Use one of ${a}'s deployed stages in the URL, or deploy the stage.`,
    ...origin(api.origin),
    rules: ['R14', 'R16'],
  };
}

export function routeNotFoundCause(api: Api, method: string, path: string, stage: string, noMethodOn?: string): Cause {
  const a = displayName(api);
  const what = api.kind === 'REST' ? 'resource and method' : 'route';
  return {
    code: 'stage-or-path-not-found',
    explanation: noMethodOn
      ? `${a}'s stage ${stage} has the resource ${noMethodOn} for ${path}, but no ${method} (or ANY) method on it, so API Gateway answers by itself.`
      : `${a}'s stage ${stage} has no ${what} for ${method} ${path}, so API Gateway answers by itself and the integration is not called.`,
    fix: `Call a path and method that ${a} defines, or add ${method} ${path} to the API and redeploy ${stage}.`,
    ...origin(api.origin),
    rules: ['R16'],
  };
}

export function mappingNotFoundCause(domain: DomainName, path: string): Cause {
  const d = displayName(domain);
  const bases = domain.mappings.map((m) => (m.basePath === '' ? '(none)' : `/${m.basePath}`));
  return {
    code: 'stage-or-path-not-found',
    explanation: `${domain.domainName} (${d}) has no base path mapping for ${path}` +
      (bases.length ? ` (its mappings: ${bases.join(', ')})` : ' (it has no mappings)') +
      ', so the request does not reach any API.',
    fix: `Call a mapped base path, or add a base path mapping for it to ${d}.`,
    ...origin(domain.origin),
    rules: ['R28'],
  };
}

export function bareCloudFrontCause(host: string): Cause {
  return {
    code: 'stage-or-path-not-found',
    explanation: `${host} is the CloudFront distribution API Gateway runs for a custom domain or an edge-optimized API. ` +
      'Called by its own name, it cannot tell which custom domain is meant, so no mapping matches.',
    fix: 'Call the custom domain name (api.example.com) instead; its DNS record may point at the distribution.',
    rules: ['R28'],
  };
}

/** No API is named: the endpoint's own name without a Host or x-apigw-api-id header (R24 iii, iv). */
export function noApiNamedCause(host: string, at: string): Cause {
  return {
    code: 'stage-or-path-not-found',
    explanation: `The request reached ${at} by its own name ${host} without saying which API it is for. ` +
      'Through the endpoint\'s own name, API Gateway needs a Host header with the API\'s default name or an x-apigw-api-id header.',
    fix: 'Add `Host: {api-id}.execute-api.{region}.amazonaws.com` or `x-apigw-api-id: {api-id}` to the request.',
    rules: ['R24'],
  };
}

export function tlsMismatchCause(sni: string, presenter: string, origin_?: Origin): Cause {
  return {
    code: 'tls-name-mismatch',
    explanation: `${presenter} does not present a certificate for ${sni}, so the client aborts the TLS handshake ` +
      'before any HTTP request is sent.',
    fix: `Call ${presenter} by a name it serves, or make ${sni} resolve to the front door that holds its certificate.`,
    ...origin(origin_),
    rules: [],
  };
}

export function frontDoorMissingFacts(missing: readonly MissingFact[], fix: string): Cause {
  return { ...missingFactsCause(missing), fix };
}

export function okCause(api: Api, method: string, path: string, stage: string, way: string): Cause {
  const a = displayName(api);
  return {
    code: 'ok',
    explanation: `${method} ${path} reaches ${a}'s integration on stage ${stage}, ${way}.`,
    rules: [],
  };
}

/** A regional custom domain's target name (d-....execute-api...) called by itself (R27). */
export function targetNameCalledCause(host: string, domain: DomainName | undefined): Cause {
  return {
    code: 'stage-or-path-not-found',
    explanation: `${host} is the target name of ${domain ? `the regional custom domain ${domain.domainName}` : 'a regional custom domain'}, ` +
      'and API Gateway picks a custom domain by the name the client asks for (SNI and Host), not by its target name. No API is selected.',
    fix: domain ? `Call https://${domain.domainName}/ (its DNS record points at ${host}).` : 'Call the custom domain name itself.',
    ...(domain?.origin ? { origin: domain.origin } : {}),
    rules: ['R27'],
  };
}
