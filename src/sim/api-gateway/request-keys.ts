// The caller and the condition keys a policy sees, by the way the request came in (R17, R20, R21).
import type { RequestContext } from '../policy/index.js';
import type { HttpRequest } from './types.js';

/**
 * R21: the endpoint policy (and API Gateway) read the caller from the Authorization header: no header or a
 * non-SigV4 value (a bearer token) is an anonymous caller; a SigV4/SigV4a signature names an IAM identity that
 * vpcpath cannot know. https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-vpc-endpoint-policies.html
 */
export function isSigV4Signed(request: HttpRequest): boolean {
  const auth = (request.headers.authorization ?? '').trim();
  const presigned = [...request.url.searchParams.keys()].some((k) => k.toLowerCase() === 'x-amz-signature');
  return /^AWS4-(HMAC-SHA256|ECDSA-P256-SHA256)\b/i.test(auth) || presigned;
}

/** Keys every request has; principal keys are those of an anonymous caller. */
function commonKeys(request: HttpRequest, region: string): RequestContext['keys'] {
  return {
    'aws:securetransport': request.url.protocol === 'https:' || request.url.protocol === 'wss:' ? 'true' : 'false',
    'aws:principaltype': 'Anonymous',
    'aws:userid': 'anonymous',
    'aws:username': undefined,
    'aws:principalarn': undefined,
    'aws:principalaccount': undefined,
    'aws:principalorgid': undefined,
    'aws:principalorgpaths': undefined,
    'aws:principalservicename': undefined,
    'aws:principalisawsservice': 'false',
    'aws:viaawsservice': 'false',
    'aws:calledvia': undefined,
    'aws:multifactorauthpresent': undefined,
    'aws:sourcearn': undefined,
    'aws:sourceaccount': undefined,
    'aws:sourceorgid': undefined,
    'aws:requestedregion': region,
    'aws:referer': request.headers.referer,
    'aws:useragent': request.headers['user-agent'],
  };
}

/**
 * R20: through the execute-api endpoint, aws:SourceVpce and aws:SourceVpc name the endpoint and its VPC,
 * aws:VpcSourceIp is the client's address, and the endpoint rewrites the source IP: aws:SourceIp is not the
 * client's (modelled as absent).
 */
export function endpointKeys(
  request: HttpRequest, region: string, endpointId: string, endpointVpcId: string, clientIp: string,
): RequestContext['keys'] {
  return {
    ...commonKeys(request, region),
    'aws:sourcevpce': endpointId,
    'aws:sourcevpc': endpointVpcId,
    'aws:vpcsourceip': clientIp,
    'aws:sourceip': undefined,
  };
}

/** R20: over the internet the request has a public source IP and no VPC keys. */
export function publicKeys(request: HttpRequest, region: string, sourceIp: string): RequestContext['keys'] {
  return {
    ...commonKeys(request, region),
    'aws:sourcevpce': undefined,
    'aws:sourcevpc': undefined,
    'aws:vpcsourceip': undefined,
    'aws:sourceip': sourceIp,
  };
}

/** For a SigV4-signed caller the principal keys are those of an IAM identity vpcpath does not know: drop them. */
export function withUnknownPrincipal(keys: RequestContext['keys']): RequestContext['keys'] {
  const principalKeys = /^aws:(principal|userid|username|multifactorauth)/;
  return Object.fromEntries(Object.entries(keys).filter(([k]) => !principalKeys.test(k)));
}
