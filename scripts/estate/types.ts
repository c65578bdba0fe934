// What the estate generator is asked for, and the record of what it chose (for tests and benchmarks).

export interface EstateOptions {
  readonly accounts: number;
  /** VPCs in the whole estate. */
  readonly vpcs: number;
  readonly subnetsPerVpc: number;
  /** APIs in the whole estate (REST and HTTP). */
  readonly apis: number;
  /** The share of APIs that are PRIVATE REST APIs. */
  readonly privateShare: number;
  /** The share of VPCs with an execute-api interface endpoint. */
  readonly endpointShare: number;
  /** Custom domain names in the whole estate (by default, one per 20 APIs). */
  readonly domains: number;
  /** Distinct resource policy shapes APIs draw theirs from. */
  readonly policies: number;
  /** 1 to 3: us-east-1, eu-west-1, ap-northeast-1. */
  readonly regions: number;
  readonly seed: number;
}

export const DEFAULT_OPTIONS: EstateOptions = {
  accounts: 3, vpcs: 20, subnetsPerVpc: 4, apis: 100, privateShare: 0.25, endpointShare: 0.5, domains: 5, policies: 12,
  regions: 3, seed: 1,
};

/**
 * public-nat: public subnets (internet gateway route) and private ones routed to a NAT gateway.
 * public: public subnets, and private ones with no default route.
 * isolated: no internet gateway, no NAT gateway.
 */
export type VpcKind = 'public-nat' | 'public' | 'isolated';

export interface SubnetChoice {
  readonly id: string;
  readonly cidr: string;
  readonly zone: string;
  readonly public: boolean;
}

export interface InstanceChoice {
  readonly id: string;
  readonly eniId: string;
  readonly subnetId: string;
  readonly privateIp: string;
  readonly publicIp?: string;
  /** Has a way to the internet: a public subnet and a public IP, or a private subnet routed to a NAT gateway. */
  readonly internet: boolean;
}

export interface EndpointChoice {
  readonly id: string;
  readonly privateDns: boolean;
  /** Its security group admits HTTPS from the whole VPC (else from its first subnet only). */
  readonly securityGroupOpen: boolean;
  readonly subnetIds: string[];
  readonly eniIds: string[];
  /** `vpce-...-abcdefgh.execute-api.us-east-1.vpce.amazonaws.com`. */
  readonly dnsName: string;
}

export interface VpcChoice {
  readonly id: string;
  readonly account: string;
  readonly region: string;
  readonly kind: VpcKind;
  readonly cidr: string;
  readonly dnsHostnames: boolean;
  readonly subnets: SubnetChoice[];
  readonly instances: InstanceChoice[];
  /** Lambda functions in the VPC. */
  readonly functions: string[];
  readonly endpoint?: EndpointChoice;
  /** The S3 gateway endpoint, when it has one. */
  readonly s3Endpoint?: string;
  /** Private hosted zones associated with the VPC whose names cover execute-api names. */
  readonly shadowingZones: string[];
  /** Other private hosted zones associated with the VPC. */
  readonly otherZones: string[];
}

export type PolicyShapeKind = 'open' | 'source-vpce' | 'source-vpc' | 'source-ip' | 'deny-unless-vpce' | 'deny-unless-ip';

export interface PolicyShape {
  readonly index: number;
  readonly kind: PolicyShapeKind;
  /** Shapes naming endpoints or VPCs are about one region's. */
  readonly region?: string;
  readonly vpcEndpointIds?: string[];
  readonly vpcIds?: string[];
  readonly cidrs?: string[];
}

export interface ApiChoice {
  readonly id: string;
  readonly name: string;
  readonly account: string;
  readonly region: string;
  readonly kind: 'REST' | 'HTTP';
  readonly endpointType: 'EDGE' | 'REGIONAL' | 'PRIVATE';
  /** The index of its resource policy in `policies`; absent: no policy. */
  readonly policy?: number;
  readonly vpcEndpointIds: string[];
  readonly disableExecuteApiEndpoint: boolean;
  readonly stages: string[];
  /** A request the API serves: `GET /items` on stage `prod`. */
  readonly call: { readonly stage: string; readonly method: string; readonly path: string };
}

export interface DomainChoice {
  readonly name: string;
  readonly account: string;
  readonly region: string;
  readonly endpointType: 'EDGE' | 'REGIONAL';
  /** `d-abc.execute-api.us-east-1.amazonaws.com` or `d123.cloudfront.net`. */
  readonly target: string;
  readonly mappings: { readonly basePath: string; readonly apiId: string; readonly stage: string }[];
  /** Where public DNS answers for it: a Route 53 alias, a Route 53 CNAME, or a CNAME elsewhere (PublicDns.json). */
  readonly dns: 'route53-alias' | 'route53-cname' | 'external-cname';
}

export interface ZoneChoice {
  readonly id: string;
  readonly name: string;
  readonly account: string;
  readonly private: boolean;
  readonly vpcIds: string[];
  /** Covers execute-api names (`execute-api.us-east-1.amazonaws.com` or `<api-id>.execute-api...`). */
  readonly shadowsExecuteApi: boolean;
  readonly records: number;
}

export interface EstateManifest {
  readonly options: EstateOptions;
  readonly accounts: string[];
  readonly regions: string[];
  readonly vpcs: VpcChoice[];
  readonly policies: PolicyShape[];
  readonly apis: ApiChoice[];
  readonly domains: DomainChoice[];
  readonly zones: ZoneChoice[];
}

export interface EstateSummary {
  readonly files: number;
  readonly bytes: number;
  readonly ms: number;
}
