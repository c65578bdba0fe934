// What arrives at a front door (the execute-api endpoint, API Gateway's regional edge, CloudFront), and what it answers.
import type { VpcEndpoint } from '../../model/index.js';
import type { Answer, Cause, Component, Hop, MissingFact } from '../trace.js';

export type Arrival =
  /** R31: the packet reached an execute-api interface endpoint's network interface. */
  | { kind: 'vpc-endpoint'; endpoint: VpcEndpoint; clientIp: string; sourceVpcId: string }
  /** API Gateway's public regional front door, reached over the internet. */
  | { kind: 'api-gateway-regional'; region: string; sourceIp: string }
  /** R26: a CloudFront distribution in front of an edge-optimized API or custom domain. */
  | { kind: 'cloudfront'; distributionDomainName: string; sourceIp: string };

export interface HttpRequest {
  method: string;
  url: URL;
  /** Header names lower-cased. */
  headers: Record<string, string>;
}

export interface FrontDoorResult {
  hops: Hop[];
  /** The forwarding components passed from the front door on (`vpc-endpoint`, `cloudfront`, `api-gateway`). */
  via: Component[];
  answer: Answer;
  cause: Cause;
  /** True when the request is handed to the API's integration. */
  reached: boolean;
  missing: MissingFact[];
  caveats: string[];
  rules: string[];
}
