// Causes for requests a front door or API Gateway refuses on purpose: endpoint type, policies, associations.
import { displayName, type Api, type DomainName, type Origin, type VpcEndpoint } from '../../model/index.js';
import type { Cause } from '../trace.js';

const origin = (o: Origin | undefined): { origin?: Origin } => (o ? { origin: o } : {});

/** `a REGIONAL API`, `an EDGE API`, `an HTTP API (always Regional, R15)`. */
export function typeWords(api: Api): string {
  if (api.kind !== 'REST') return `an ${api.kind} API (always Regional, R15)`;
  const type = String(api.endpointType);
  return `${/^[AEIOU]/.test(type) ? 'an' : 'a'} ${type} API`;
}

/** R12: a public API (or its name) reached the execute-api endpoint, which routes to private APIs only. */
export function publicApiViaEndpointCause(api: Api, endpoint: VpcEndpoint, capturedByPrivateDns: boolean): Cause {
  const a = displayName(api);
  const e = displayName(endpoint);
  const region = endpoint.region;
  return {
    code: 'public-api-via-vpc-endpoint',
    explanation: capturedByPrivateDns
      ? `The call never went out to the internet: ${e}'s private DNS answers every *.execute-api.${region}.amazonaws.com ` +
        `name inside its VPC, ${a}'s included, so the request went to the endpoint. An execute-api VPC endpoint routes ` +
        `only to private APIs, and ${a} is ${typeWords(api)}, so the endpoint answered 403 itself.`
      : `The request named ${a} at ${e}. An execute-api VPC endpoint routes only to private APIs, and ${a} is ` +
        `${typeWords(api)}, so the endpoint answered 403 itself.`,
    fix: capturedByPrivateDns
      ? `Call ${a} through ${customDomainWays(api)}, or turn ` +
        `private DNS off on ${e} and call private APIs by their {api-id}-{vpce-id} names.`
      : `Call ${a} by its public name over the internet (an internet gateway or NAT gateway path), not through ${e}.`,
    ...origin(capturedByPrivateDns ? (endpoint.privateDnsOrigin ?? endpoint.origin) : (api.endpointTypeOrigin ?? api.origin)),
    rules: ['R12', 'R4'],
  };
}

/** R26, R29: edge-optimized custom domains exist for REST APIs only; every kind can have a regional one. */
function customDomainWays(api: Api): string {
  return api.kind === 'REST'
    ? 'an edge-optimized custom domain (or a regional one behind a Route 53 alias record)'
    : 'a regional custom domain behind a Route 53 alias record (edge-optimized domains exist for REST APIs only)';
}

/** Q3: a public custom domain's name arrived at the execute-api endpoint (a CNAME into the captured namespace). */
export function publicDomainViaEndpointCause(domain: DomainName, endpoint: VpcEndpoint, tls: boolean): Cause {
  const e = displayName(endpoint);
  return {
    code: 'public-api-via-vpc-endpoint',
    explanation:
      `${domain.domainName} is a public ${String(domain.endpointType)} custom domain, but the request arrived at ${e}, ` +
      `which serves private APIs only` +
      (tls ? `, and it does not present a certificate for ${domain.domainName}, so the TLS handshake fails. ` : '. ') +
      'This happens when the name is a CNAME to a d-....execute-api name that the endpoint\'s private DNS captures.',
    fix: `Point ${domain.domainName} at its target with a Route 53 alias record (the resolver never sees the ` +
      `execute-api name then), or use an edge-optimized custom domain, or turn private DNS off on ${e}.`,
    ...origin(domain.origin ?? endpoint.privateDnsOrigin),
    rules: ['R29', 'R12'],
  };
}

/** R9, R19: a private API is served only through an execute-api VPC endpoint. */
export function privateApiOutsideEndpointCause(api: Api, frontDoor: string): Cause {
  const a = displayName(api);
  return {
    code: 'private-api-outside-endpoint',
    explanation: `${a} is a PRIVATE API, and the request reached ${frontDoor} over the internet, not through an ` +
      'execute-api VPC endpoint. API Gateway serves private APIs only to requests that come through such an endpoint.',
    fix: `Call ${a} from a VPC with an execute-api interface endpoint: by its default name with private DNS on, or by ` +
      'its {api-id}-{vpce-id} name, or through the endpoint\'s own name with a Host or x-apigw-api-id header.',
    ...origin(api.endpointTypeOrigin ?? api.origin),
    rules: ['R9', 'R24'],
  };
}

export function endpointPolicyDeniedCause(endpoint: VpcEndpoint, target: string, resourceArn: string, words: string): Cause {
  const e = displayName(endpoint);
  return {
    code: 'endpoint-policy-denied',
    explanation: `${e}'s endpoint policy does not let this request through to ${target}: evaluated for an anonymous ` +
      `caller on ${resourceArn}, ${words}. The endpoint refuses it before API Gateway looks at the API.`,
    fix: `Allow execute-api:Invoke on ${resourceArn} (or a pattern covering it) for Principal "*" in ${e}'s policy, ` +
      'or sign the request with SigV4 if the policy names IAM principals.',
    ...origin(endpoint.policyOrigin ?? endpoint.origin),
    rules: ['R21'],
  };
}

export function resourcePolicyDeniedCause(api: Api, resourceArn: string, words: string, noPolicy: boolean): Cause {
  const a = displayName(api);
  return {
    code: 'resource-policy-denied',
    explanation: noPolicy
      ? `${a} is a PRIVATE API without a resource policy, and API Gateway needs an explicit Allow to serve a private ` +
        'API: every call fails (current AWS consoles refuse to deploy it at all).'
      : `${a}'s resource policy does not allow this request: evaluated for an anonymous caller on ${resourceArn}, ` +
        `${words}. With no authorizer, API Gateway needs an explicit Allow and no explicit Deny.`,
    fix: noPolicy
      ? `Give ${a} a resource policy that allows execute-api:Invoke on execute-api:/* with a condition on ` +
        'aws:SourceVpce (or aws:SourceVpc) naming the endpoint, and redeploy.'
      : `Change ${a}'s resource policy so that a statement allows this request (for private APIs: aws:SourceVpce or ` +
        'aws:SourceVpc naming the endpoint, and aws:VpcSourceIp rather than aws:SourceIp), then redeploy the API.',
    ...origin(api.policyOrigin ?? api.origin),
    rules: noPolicy ? ['R19', 'R17'] : ['R17', 'R20'],
  };
}

export function domainPolicyDeniedCause(domain: DomainName, resourceArn: string, words: string, noPolicy: boolean): Cause {
  const d = displayName(domain);
  return {
    code: 'resource-policy-denied',
    explanation: noPolicy
      ? `${d} (${domain.domainName}) has no policy in the model; API Gateway gives a private custom domain a ` +
        'deny-all policy until its owner allows VPC endpoints in it.'
      : `The policy of the private custom domain ${d} (${domain.domainName}) does not allow this request: evaluated ` +
        `for an anonymous caller on ${resourceArn}, ${words}.`,
    fix: `Allow execute-api:Invoke on the domain for this endpoint in ${d}'s policy (a condition on aws:SourceVpce).`,
    ...origin(domain.policyOrigin ?? domain.origin),
    rules: ['R25'],
  };
}

export function domainNotAssociatedCause(domain: DomainName, endpoint: VpcEndpoint): Cause {
  const d = displayName(domain);
  const e = displayName(endpoint);
  return {
    code: 'domain-not-associated',
    explanation: `${domain.domainName} is a private custom domain (${d}), and a private custom domain answers only ` +
      `through VPC endpoints associated with it. ${e} has no domain name access association with ${domain.arn}.`,
    fix: `Create an AWS::ApiGateway::DomainNameAccessAssociation with DomainNameArn ${domain.arn}, ` +
      `AccessAssociationSource ${endpoint.id} and AccessAssociationSourceType VPCE.`,
    ...origin(endpoint.origin ?? domain.origin),
    rules: ['R25'],
  };
}

export function defaultEndpointDisabledCause(api: Api): Cause {
  const a = displayName(api);
  return {
    code: 'default-endpoint-disabled',
    explanation: `${a} has its default execute-api endpoint disabled (disableExecuteApiEndpoint), so API Gateway ` +
      `answers 403 to every call made by the ${api.id}.execute-api... name, on every stage.`,
    fix: `Call ${a} through one of its custom domain names, or set DisableExecuteApiEndpoint to false and redeploy.`,
    ...origin(api.disableExecuteApiEndpointOrigin ?? api.origin),
    rules: ['R14'],
  };
}
