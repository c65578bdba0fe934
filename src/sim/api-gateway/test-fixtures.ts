// Hand-built models for the front-door tests: the conformance scenarios' APIs, endpoints and domains, by hand.
import {
  emptyModel, ModelIndex, type Api, type DomainName, type DomainNameAccessAssociation, type Model, type Origin,
  type PolicyDocument, type VpcEndpoint,
} from '../../model/index.js';
import type { Arrival, FrontDoorResult, HttpRequest } from './types.js';

export const REGION = 'ap-northeast-1';
export const ACCOUNT = '111111111111';
export const VPC = 'vpc-0a1b2c3d4e5f60718';
export const VPCE = 'vpce-0123456789abcdef0';

export function at(logicalId: string, line: number, path?: string): Origin {
  return { file: 'scenario.yaml#template', line, logicalId, ...(path ? { path } : {}) };
}

/** A REST API with GET /items on stage dev, REGIONAL unless told otherwise. */
export function restApi(id: string, name: string, extra: Partial<Api> = {}): Api {
  return {
    id, name, kind: 'REST', region: REGION, account: ACCOUNT, endpointType: 'REGIONAL', vpcEndpointIds: [],
    disableExecuteApiEndpoint: false, stages: [{ name: 'dev', origin: at('DevStage', 140) }],
    resources: [{ path: '/', methods: [] }, { path: '/items', methods: ['GET'], origin: at('ItemsGet', 110) }],
    origin: at(name, 100), endpointTypeOrigin: at(name, 103, `Resources.${name}.Properties.EndpointConfiguration`),
    ...extra,
  };
}

/** The scenario 07 policy: Allow execute-api:/* when aws:SourceVpce is the endpoint. */
export function allowEndpointPolicy(vpceId: string = VPCE): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*', Condition: { StringEquals: { 'aws:SourceVpce': vpceId } } }],
  };
}

/** A PRIVATE REST API with GET / on stage prod and the scenario 07 policy. */
export function privateApi(id: string, name: string, extra: Partial<Api> = {}): Api {
  return restApi(id, name, {
    endpointType: 'PRIVATE', stages: [{ name: 'prod' }], resources: [{ path: '/', methods: ['GET'] }],
    policy: allowEndpointPolicy(), policyOrigin: at(name, 60, `Resources.${name}.Properties.Policy`), ...extra,
  });
}

/** A `facts.apis` entry: any path and method; any stage when no stages are given. */
export function factsApi(id: string, region: string, endpointType: Api['endpointType'], stages?: string[]): Api {
  return {
    id, kind: 'REST', region, account: '999999999999', endpointType, vpcEndpointIds: [], disableExecuteApiEndpoint: false,
    stages: stages ? stages.map((name) => ({ name })) : [], resources: [], fromFacts: true,
    ...(stages ? {} : { anyStage: true }),
  };
}

export function httpApi(id: string, name: string): Api {
  return {
    id, name, kind: 'HTTP', region: REGION, account: ACCOUNT, endpointType: 'REGIONAL', vpcEndpointIds: [],
    disableExecuteApiEndpoint: false, stages: [{ name: '$default' }], resources: [{ path: '/items', methods: ['GET'] }],
    origin: at(name, 90),
  };
}

export function executeApiEndpoint(extra: Partial<VpcEndpoint> = {}): VpcEndpoint {
  return {
    id: VPCE, name: 'ApiEndpoint', vpcId: VPC, region: REGION, serviceName: `com.amazonaws.${REGION}.execute-api`,
    type: 'Interface', privateDnsEnabled: true, privateDnsOrigin: at('ApiEndpoint', 75, 'Resources.ApiEndpoint.Properties.PrivateDnsEnabled'),
    subnetIds: [], securityGroupIds: [], networkInterfaceIds: [], routeTableIds: [], origin: at('ApiEndpoint', 70),
    ...extra,
  };
}

export function domainName(name: string, endpointType: DomainName['endpointType'], mappings: DomainName['mappings'], extra: Partial<DomainName> = {}): DomainName {
  return {
    id: `${name}+abcd1234`, name: 'ApiDomain', domainName: name, endpointType, region: REGION, account: ACCOUNT,
    arn: `arn:aws:apigateway:${REGION}:${ACCOUNT}:/domainnames/${name}+abcd1234`, mappings, origin: at('ApiDomain', 150),
    ...extra,
  };
}

export function association(domain: DomainName, vpceId: string = VPCE): DomainNameAccessAssociation {
  return { id: 'dnaa-1', name: 'Association', domainNameArn: domain.arn, vpcEndpointId: vpceId, origin: at('Association', 170) };
}

export function indexOf(parts: Partial<Model>): ModelIndex {
  return new ModelIndex({ ...emptyModel(), ...parts });
}

export function get(url: string, headers: Record<string, string> = {}, method = 'GET'): HttpRequest {
  return { method, url: new URL(url), headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) };
}

export function viaEndpoint(endpoint: VpcEndpoint = executeApiEndpoint(), clientIp = '10.0.1.10', sourceVpcId = VPC): Arrival {
  return { kind: 'vpc-endpoint', endpoint, clientIp, sourceVpcId };
}

export function viaRegional(region: string = REGION, sourceIp = '203.0.113.7'): Arrival {
  return { kind: 'api-gateway-regional', region, sourceIp };
}

export function viaCloudFront(distributionDomainName: string, sourceIp = '203.0.113.7'): Arrival {
  return { kind: 'cloudfront', distributionDomainName, sourceIp };
}

/** The parts of a result a conformance check asserts. */
export function outcome(r: FrontDoorResult) {
  return {
    reached: r.reached, result: r.answer.result, status: r.answer.status, errorType: r.answer.errorType,
    via: r.via, cause: r.cause.code,
  };
}

/** Every hop says where, what, how it ended, why, by which rules and how sure; the cause says what and why. */
export function wellFormed(r: FrontDoorResult): string[] {
  const problems: string[] = [];
  for (const [i, h] of r.hops.entries()) {
    if (!h.at || !h.action || !h.verdict || !h.detail) problems.push(`hop ${i} lacks at/action/verdict/detail`);
    if (!h.rules || !h.confidence) problems.push(`hop ${i} (${h.action}) lacks rules or confidence`);
  }
  if (r.cause.explanation.length < 40) problems.push('the explanation is too short');
  if (r.cause.code !== 'ok' && !r.cause.fix) problems.push('a refusal has no fix');
  if (r.answer.result === 'unknown' && r.missing.length === 0) problems.push('an unknown answer names no missing fact');
  if (r.answer.confidence !== 'documented' && r.caveats.length === 0 && r.answer.result !== 'unknown') problems.push('a non-documented answer has no caveat');
  return problems;
}
