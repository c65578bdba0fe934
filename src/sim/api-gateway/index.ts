// What answers once the packet arrives: the execute-api endpoint, API Gateway's regional front door or CloudFront,
// and API Gateway's own decision (API selection, endpoint type, policies, stage and route).
import type { ModelIndex } from '../../model/index.js';
import { answerAtCloudFront } from './cloudfront.js';
import { answerAtRegional } from './regional.js';
import type { Arrival, FrontDoorResult, HttpRequest } from './types.js';
import { answerAtEndpoint } from './vpc-endpoint.js';

export type { Arrival, FrontDoorResult, HttpRequest } from './types.js';

/** The stage as a plain object (architecture.md "Units"). */
export const apiGatewayStage = {
  id: 'api-gateway',
  description: 'Answer the request at the front door it reached (execute-api endpoint, regional endpoint, CloudFront) and as API Gateway decides',
  rules: ['R9', 'R11', 'R12', 'R13', 'R14', 'R15', 'R16', 'R17', 'R18', 'R19', 'R20', 'R21', 'R24', 'R25', 'R26', 'R27', 'R28', 'R35'],
  docs: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-apis.html',
  run: (index: ModelIndex, arrival: Arrival, request: HttpRequest): FrontDoorResult => answerRequest(index, arrival, request),
} as const;

export function answerRequest(index: ModelIndex, arrival: Arrival, request: HttpRequest): FrontDoorResult {
  switch (arrival.kind) {
    case 'vpc-endpoint': return answerAtEndpoint(index, arrival, request);
    case 'api-gateway-regional': return answerAtRegional(index, arrival, request);
    case 'cloudfront': return answerAtCloudFront(index, arrival, request);
  }
}
