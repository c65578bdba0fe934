// R24: how a request through the execute-api endpoint names its API: x-apigw-api-id, the Host (default name,
// {api}-{vpce} alias), or a private custom domain (R25).
import type { DomainName, ModelIndex, VpcEndpoint } from '../../model/index.js';
import { hostOf, parseHost } from './hosts.js';
import type { HttpRequest } from './types.js';

export type EndpointSelection =
  | {
    kind: 'api'; apiId: string; region: string; words: string; rules: string[];
    /** Named by a header or a Host override rather than by the URL's own name (R18 STRICT mode refuses these). */
    override: boolean;
    /** The {api}-{vpce} alias's endpoint id, when the name was one. */
    aliasVpceId?: string;
  }
  | { kind: 'private-domain'; host: string; domains: DomainName[] }
  | { kind: 'public-domain'; host: string; domain: DomainName }
  /** The endpoint's own name without a Host or x-apigw-api-id naming an API. */
  | { kind: 'no-api'; host: string }
  /** A name vpcpath cannot place: perhaps a custom domain outside the model. */
  | { kind: 'unknown-host'; host: string };

export function selectAtEndpoint(index: ModelIndex, endpoint: VpcEndpoint, request: HttpRequest): EndpointSelection {
  const header = request.headers['x-apigw-api-id']?.trim().toLowerCase();
  if (header) {
    return { kind: 'api', apiId: header, region: endpoint.region, words: `the x-apigw-api-id header names the API`, rules: ['R24'], override: true };
  }
  const host = hostOf(request);
  const overridden = request.headers.host !== undefined && host !== request.url.hostname.toLowerCase();
  const name = parseHost(host);
  const hostWords = overridden ? `the Host header ${host}` : `the host ${host}`;
  switch (name.kind) {
    case 'default':
      return { kind: 'api', apiId: name.apiId, region: name.region, words: `${hostWords} is a default execute-api name`, rules: ['R24'], override: overridden };
    case 'vpce-alias':
      return {
        kind: 'api', apiId: name.apiId, region: name.region, rules: ['R11', 'R24'], override: overridden, aliasVpceId: name.vpceId,
        words: `${hostWords} is the {api-id}-{vpce-id} alias for ${name.vpceId}`,
      };
    case 'vpce':
      return { kind: 'no-api', host };
    case 'regional-domain-target': {
      const domain = index.domainNameByRegionalName(host);
      return domain ? { kind: 'public-domain', host, domain } : { kind: 'unknown-host', host };
    }
    case 'cloudfront':
      return { kind: 'unknown-host', host };
    case 'other': {
      const named = index.domainNamesNamed(host);
      const privateDomains = named.filter((d) => d.endpointType === 'PRIVATE' && d.region === endpoint.region);
      if (privateDomains.length) return { kind: 'private-domain', host, domains: privateDomains };
      const publicDomain = named.find((d) => d.endpointType === 'REGIONAL' || d.endpointType === 'EDGE');
      return publicDomain ? { kind: 'public-domain', host, domain: publicDomain } : { kind: 'unknown-host', host };
    }
  }
}
