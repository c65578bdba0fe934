// API Gateway: APIs (REST, HTTP, WebSocket), their stages and routes, custom domain names and mappings.
import type { Origin } from './origin.js';
import type { Maybe } from './unknown.js';
import type { Element } from './network.js';
import type { PolicyDocument } from './policy.js';

export type ApiKind = 'REST' | 'HTTP' | 'WEBSOCKET';
export type EndpointType = 'EDGE' | 'REGIONAL' | 'PRIVATE';

export interface ApiStage {
  readonly name: string;
  readonly origin?: Origin;
}

/** A REST API resource path with the methods it has (`ANY` included as written). */
export interface ApiResource {
  /** `/`, `/items`, `/items/{id}`, `/{proxy+}`. */
  readonly path: string;
  readonly methods: string[];
  readonly origin?: Origin;
}

export interface Api extends Element {
  readonly kind: ApiKind;
  readonly region: string;
  readonly account: string;
  /** R15: REST EDGE (the default for REST), REGIONAL or PRIVATE; HTTP and WebSocket APIs are REGIONAL. */
  readonly endpointType: Maybe<EndpointType>;
  readonly endpointTypeOrigin?: Origin;
  /** PRIVATE REST APIs: EndpointConfiguration.VpcEndpointIds, which create {api-id}-{vpce-id} names (R11). */
  readonly vpcEndpointIds: Maybe<string>[];
  /** Absent: no resource policy. */
  readonly policy?: Maybe<PolicyDocument>;
  readonly policyOrigin?: Origin;
  /** R14. */
  readonly disableExecuteApiEndpoint: boolean;
  readonly disableExecuteApiEndpointOrigin?: Origin;
  /** Deployed stages; Unknown where the input cannot tell. */
  readonly stages: Maybe<ApiStage[]>;
  /**
   * REST: resources and methods. HTTP: routes as resources (`GET /items` becomes path `/items`, method GET;
   * `$default` becomes path `/{proxy+}` method ANY). Unknown: the definition is not inline (e.g. an S3 body).
   */
  readonly resources: Maybe<ApiResource[]>;
  /** True when any stage name is served (a `facts.apis` entry that lists no stages). */
  readonly anyStage?: boolean;
  /** APIs from `facts.apis` accept any path and method (and any stage when `stages` was not given). */
  readonly fromFacts?: boolean;
}

export interface BasePathMapping {
  /** `''` for the root (`(none)`); otherwise the base path without slashes at the ends (may contain `/`). */
  readonly basePath: string;
  readonly apiId: Maybe<string>;
  /** Absent: (REST) every stage, the first path segment after the base path names it. */
  readonly stage?: Maybe<string>;
  readonly origin?: Origin;
}

export interface DomainName extends Element {
  /** The custom domain name, lower case. */
  readonly domainName: string;
  readonly endpointType: Maybe<EndpointType>;
  readonly region: string;
  readonly account: string;
  /** `arn:aws:apigateway:{region}:{account}:/domainnames/{name}+{domainNameId}` for PRIVATE domains. */
  readonly arn: string;
  /** EDGE: the CloudFront distribution name `d....cloudfront.net` (R26). */
  readonly distributionDomainName?: string;
  /** REGIONAL: `d-....execute-api.{region}.amazonaws.com` (R27). */
  readonly regionalDomainName?: string;
  /** PRIVATE (R25): the domain's own execute-api policy. */
  readonly policy?: Maybe<PolicyDocument>;
  readonly policyOrigin?: Origin;
  readonly certificateNames?: string[];
  readonly mappings: BasePathMapping[];
  readonly fromFacts?: boolean;
}

/** R25: a consumer's VPC endpoint associated with a private custom domain name. */
export interface DomainNameAccessAssociation extends Element {
  readonly domainNameArn: Maybe<string>;
  readonly vpcEndpointId: Maybe<string>;
}
