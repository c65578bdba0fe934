// The answers API Gateway, the execute-api endpoint and CloudFront give by themselves.
import type { Answer, Confidence } from '../trace.js';

const FORBIDDEN = '{"message":"Forbidden"}';

/** 403 `{"message":"Forbidden"}`, with `x-amzn-ErrorType` only where it was seen (R13). */
export function forbidden(answeredBy: string, confidence: Confidence, errorType?: string): Answer {
  return { result: 'http', status: 403, ...(errorType ? { errorType } : {}), body: FORBIDDEN, answeredBy, confidence };
}

/** R16: the MISSING_AUTHENTICATION_TOKEN gateway response for an unsupported resource or method. */
export function missingAuthenticationToken(answeredBy: string, confidence: Confidence): Answer {
  return {
    result: 'http', status: 403, errorType: 'MissingAuthenticationTokenException',
    body: '{"message":"Missing Authentication Token"}', answeredBy, confidence,
  };
}

/** R17: a resource-policy denial names the anonymous caller and the resource ARN. */
export function accessDenied(answeredBy: string, resourceArn: string, confidence: Confidence): Answer {
  return {
    result: 'http', status: 403, errorType: 'AccessDeniedException',
    body: `{"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: ${resourceArn}"}`,
    answeredBy, confidence,
  };
}

/** HTTP APIs answer an unmatched route with 404 `{"message":"Not Found"}` (inferred; see the caveat). */
export function notFound(answeredBy: string): Answer {
  return { result: 'http', status: 404, body: '{"message":"Not Found"}', answeredBy, confidence: 'inferred' };
}

export function reachedIntegration(answeredBy: string, confidence: Confidence): Answer {
  return { result: 'reached', answeredBy, confidence };
}

export function tlsFailure(answeredBy: string, confidence: Confidence): Answer {
  return { result: 'tls-failure', answeredBy, confidence };
}

export function cannotTell(answeredBy: string): Answer {
  return { result: 'unknown', answeredBy, confidence: 'inferred' };
}
