// The estate's APIs: a limited pool of resource policy shapes, REST (EDGE, REGIONAL, PRIVATE) and HTTP APIs with
// stages and resources or routes, and custom domain names with their mappings; written as API Gateway answers.
import { isoTime, type VpcPlan } from './network.js';
import type { Rng } from './random.js';
import type { ApiChoice, DomainChoice, EstateOptions, PolicyShape, PolicyShapeKind } from './types.js';
import { folderName, type EstateWriter } from './writer.js';

const SHAPE_CYCLE: readonly PolicyShapeKind[] = ['open', 'source-vpce', 'source-ip', 'source-vpc', 'deny-unless-vpce', 'deny-unless-ip'];
const PRIVATE_SHAPES = new Set<PolicyShapeKind>(['open', 'source-vpce', 'source-vpc', 'deny-unless-vpce']);
const PUBLIC_SHAPES = new Set<PolicyShapeKind>(['open', 'source-ip', 'deny-unless-ip', 'source-vpc']);
/** The corporate egress range IP conditions name. */
const CORPORATE = '203.0.113.0/24';
const WORDS = ['items', 'orders', 'users', 'payments', 'reports', 'health', 'catalog', 'search', 'events', 'invoices', 'accounts', 'sessions'];
const APP_NAMES = ['orders', 'billing', 'inventory', 'identity', 'notifications', 'reporting', 'checkout', 'profile', 'pricing', 'shipping'];
const REGIONAL_ZONE: Record<string, string> = { 'us-east-1': 'Z1UJRXOUMOOFQ8', 'eu-west-1': 'ZLY8HYME6SFDD', 'ap-northeast-1': 'Z2OJLYMUO9EFXC' };
export const CLOUDFRONT_ZONE = 'Z2FDTNDATAQYW2';

export function regionalZoneOf(region: string): string {
  return REGIONAL_ZONE[region] ?? 'Z1UJRXOUMOOFQ8';
}

/** `--policies` shapes; those naming endpoints or VPCs are about one region's. */
export function planPolicies(rng: Rng, count: number, regions: readonly string[], vpcs: readonly VpcPlan[]): PolicyShape[] {
  const natIps = vpcs.flatMap((v) => (v.nat ? [v.nat.publicIp] : []));
  return Array.from({ length: count }, (_, index): PolicyShape => {
    const kind = SHAPE_CYCLE[index % SHAPE_CYCLE.length]!;
    const region = regions[Math.floor(index / SHAPE_CYCLE.length) % regions.length]!;
    const here = vpcs.filter((v) => v.choice.region === region);
    if (kind === 'source-vpce' || kind === 'deny-unless-vpce') {
      const endpoints = here.flatMap((v) => (v.choice.endpoint ? [v.choice.endpoint.id] : []));
      if (endpoints.length) return { index, kind, region, vpcEndpointIds: rng.sample(endpoints, rng.between(1, 3)).sort() };
    }
    if (kind === 'source-vpc' || kind === 'source-vpce' || kind === 'deny-unless-vpce') {
      if (here.length) return { index, kind: 'source-vpc', region, vpcIds: rng.sample(here.map((v) => v.choice.id), rng.between(1, 3)).sort() };
      return { index, kind: 'open' };
    }
    if (kind === 'source-ip' || kind === 'deny-unless-ip') {
      return { index, kind, cidrs: [CORPORATE, ...rng.sample(natIps, rng.between(0, 2)).map((ip) => `${ip}/32`)] };
    }
    return { index, kind: 'open' };
  });
}

/** The policy document as API Gateway returns it: the API's ARN in Resource, its quotes escaped once more. */
function policyText(shape: PolicyShape, arn: string): string {
  const allow = { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: arn };
  const one = (values: string[]) => (values.length === 1 ? values[0]! : values);
  const statements: Record<string, unknown>[] = {
    'open': () => [allow],
    'source-vpce': () => [{ ...allow, Condition: { StringEquals: { 'aws:SourceVpce': one(shape.vpcEndpointIds!) } } }],
    'source-vpc': () => [{ ...allow, Condition: { StringEquals: { 'aws:SourceVpc': one(shape.vpcIds!) } } }],
    'source-ip': () => [{ ...allow, Condition: { IpAddress: { 'aws:SourceIp': one(shape.cidrs!) } } }],
    'deny-unless-vpce': () => [allow, { ...allow, Effect: 'Deny', Condition: { StringNotEquals: { 'aws:SourceVpce': one(shape.vpcEndpointIds!) } } }],
    'deny-unless-ip': () => [allow, { ...allow, Effect: 'Deny', Condition: { NotIpAddress: { 'aws:SourceIp': one(shape.cidrs!) } } }],
  }[shape.kind]();
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }).replace(/"/g, '\\"');
}

interface ResourcePlan { id: string; parentId?: string; pathPart?: string; path: string; methods: string[] }

export interface ApiPlan {
  readonly choice: ApiChoice;
  readonly resources: ResourcePlan[];
  readonly description: string;
}

export function planApis(rng: Rng, opts: EstateOptions, placements: () => { account: string; region: string }, policies: readonly PolicyShape[], vpcs: readonly VpcPlan[]): ApiPlan[] {
  const endpointsByRegion = new Map<string, string[]>();
  for (const v of vpcs) {
    if (v.choice.endpoint) endpointsByRegion.set(v.choice.region, [...(endpointsByRegion.get(v.choice.region) ?? []), v.choice.endpoint.id]);
  }
  const fits = (allowed: Set<PolicyShapeKind>, region: string) =>
    policies.filter((p) => allowed.has(p.kind) && (p.region === undefined || p.region === region));
  return Array.from({ length: opts.apis }, (_, n): ApiPlan => {
    const { account, region } = placements();
    const id = rng.apiId();
    const name = `${rng.pick(APP_NAMES)}-${rng.pick(['api', 'service', 'backend', 'gateway'])}-${n}`;
    const r = rng.next();
    const rest = 1 - opts.privateShare;
    const endpointType = r < opts.privateShare ? 'PRIVATE' : r < opts.privateShare + rest * 0.5 ? 'REGIONAL' : r < opts.privateShare + rest * 0.7 ? 'EDGE' : 'HTTP';
    if (endpointType === 'HTTP') {
      const stages = rng.chance(0.6) ? ['$default'] : ['prod', ...(rng.chance(0.4) ? ['dev'] : [])];
      const words = rng.sample(WORDS, rng.between(1, 4));
      const resources: ResourcePlan[] = words.map((w, k) => ({ id: rng.alnum(7), path: `/${w}`, methods: k === 0 ? ['GET', 'POST'] : [rng.pick(['GET', 'PUT', 'DELETE'])] }));
      if (rng.chance(0.2)) resources.push({ id: rng.alnum(7), path: '$default', methods: ['ANY'] });
      return {
        choice: { id, name, account, region, kind: 'HTTP', endpointType: 'REGIONAL', vpcEndpointIds: [], disableExecuteApiEndpoint: false, stages, call: { stage: stages[0]!, method: 'GET', path: `/${words[0]!}` } },
        resources, description: `${name} (HTTP API)`,
      };
    }
    const candidates = endpointType === 'PRIVATE' ? fits(PRIVATE_SHAPES, region) : rng.chance(0.5) ? fits(PUBLIC_SHAPES, region) : [];
    const policy = candidates.length ? rng.pick(candidates).index : undefined;
    const endpoints = endpointsByRegion.get(region) ?? [];
    const vpcEndpointIds = endpointType === 'PRIVATE' && endpoints.length && rng.chance(0.4) ? rng.sample(endpoints, rng.between(1, 2)) : [];
    const stages = ['prod', ...(rng.chance(0.4) ? ['dev'] : []), ...(rng.chance(0.1) ? ['staging'] : [])];
    const root: ResourcePlan = { id: rng.alnum(10), path: '/', methods: rng.chance(0.2) ? ['GET'] : [] };
    const resources: ResourcePlan[] = [root];
    const words = rng.sample(WORDS, rng.between(1, 4));
    words.forEach((w, k) => {
      const top: ResourcePlan = { id: rng.alnum(6), parentId: root.id, pathPart: w, path: `/${w}`, methods: k === 0 ? ['GET', 'POST'] : [rng.pick(['GET', 'PUT', 'DELETE', 'ANY'])] };
      resources.push(top);
      if (rng.chance(0.5)) resources.push({ id: rng.alnum(6), parentId: top.id, pathPart: '{id}', path: `/${w}/{id}`, methods: ['GET', 'DELETE'] });
    });
    if (rng.chance(0.15)) resources.push({ id: rng.alnum(6), parentId: root.id, pathPart: '{proxy+}', path: '/{proxy+}', methods: ['ANY'] });
    return {
      choice: {
        id, name, account, region, kind: 'REST', endpointType, ...(policy !== undefined ? { policy } : {}), vpcEndpointIds,
        disableExecuteApiEndpoint: false, stages, call: { stage: 'prod', method: 'GET', path: `/${words[0]!}` },
      },
      resources, description: `${name} (${endpointType} REST API)`,
    };
  });
}

/**
 * `--domains` custom domain names on public APIs, in their API's account and region: EDGE ones map REST APIs,
 * REGIONAL ones REST and HTTP APIs. Some of the APIs mapped turn their default endpoint off.
 */
export function planDomains(rng: Rng, count: number, apis: ApiPlan[], aliasOf: (account: string) => string): DomainChoice[] {
  const publicApis = apis.filter((a) => a.choice.endpointType !== 'PRIVATE');
  const byPlace = new Map<string, ApiPlan[]>();
  for (const a of publicApis) {
    const key = `${a.choice.account}/${a.choice.region}`;
    byPlace.set(key, [...(byPlace.get(key) ?? []), a]);
  }
  const domains: DomainChoice[] = [];
  for (let n = 0; n < count && publicApis.length; n++) {
    const anchor = rng.pick(publicApis);
    const { account, region } = anchor.choice;
    const endpointType = anchor.choice.kind === 'HTTP' || rng.chance(0.65) ? 'REGIONAL' : 'EDGE';
    const compatible = (byPlace.get(`${account}/${region}`) ?? []).filter((a) => a !== anchor && (endpointType === 'REGIONAL' || a.choice.kind === 'REST'));
    const mapped = [anchor, ...rng.sample(compatible, rng.between(0, 2))];
    const dns = rng.weighted([['route53-alias', 0.6], ['route53-cname', 0.15], ['external-cname', 0.25]] as const);
    const alias = aliasOf(account);
    const name = dns === 'external-cname' ? `api${n}.${alias}-corp.net` : `api${n}.${alias}.example.com`;
    domains.push({
      name, account, region, endpointType, dns,
      target: endpointType === 'EDGE' ? `d${rng.alnum(13)}.cloudfront.net` : `d-${rng.alnum(10)}.execute-api.${region}.amazonaws.com`,
      mappings: mapped.map((a, k) => ({ basePath: k === 0 ? '' : ['v1', 'v2', 'orders'][k - 1]!, apiId: a.choice.id, stage: a.choice.stages[0]! })),
    });
  }
  // A quarter of the APIs mapped to a domain are called only through it: their default endpoint is off.
  const mappedIds = new Set(domains.flatMap((d) => d.mappings.map((m) => m.apiId)));
  for (const a of apis) {
    if (mappedIds.has(a.choice.id) && rng.chance(0.25)) (a as { choice: ApiChoice }).choice = { ...a.choice, disableExecuteApiEndpoint: true };
  }
  return domains;
}

/** The API Gateway answers (apigateway and apigatewayv2) of one account in one region. */
export function writeRegionApis(rng: Rng, w: EstateWriter, account: string, region: string, apis: readonly ApiPlan[], domains: readonly DomainChoice[], policies: readonly PolicyShape[]): void {
  const rest = apis.filter((a) => a.choice.kind === 'REST');
  const http = apis.filter((a) => a.choice.kind === 'HTTP');
  const integration = (a: ApiPlan) => `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/arn:aws:lambda:${region}:${account}:function:${a.choice.name}/invocations`;

  w.put(account, region, 'RestApis.json', {
    items: rest.map((a) => {
      const c = a.choice;
      const arn = `arn:aws:execute-api:${region}:${account}:${c.id}/*`;
      return {
        id: c.id, name: c.name, description: a.description, createdDate: isoTime(rng), apiKeySource: 'HEADER',
        endpointConfiguration: { types: [c.endpointType], ipAddressType: c.endpointType === 'PRIVATE' ? 'dualstack' : 'ipv4', ...(c.vpcEndpointIds.length ? { vpcEndpointIds: c.vpcEndpointIds } : {}) },
        ...(c.policy !== undefined ? { policy: policyText(policies[c.policy]!, arn) } : {}),
        tags: { team: c.name.split('-')[0]!, env: 'prod' }, disableExecuteApiEndpoint: c.disableExecuteApiEndpoint, rootResourceId: a.resources[0]!.id,
      };
    }),
  }, [{ service: 'apigateway', operation: 'GetRestApis' }]);
  for (const a of rest) {
    const dir = `apigateway/restapis/${folderName(a.choice.id)}`;
    w.put(account, region, `${dir}/Stages.json`, {
      item: a.choice.stages.map((stageName) => ({
        deploymentId: rng.alnum(6), stageName, cacheClusterEnabled: false, cacheClusterStatus: 'NOT_AVAILABLE',
        methodSettings: {}, tracingEnabled: false, createdDate: isoTime(rng), lastUpdatedDate: isoTime(rng), tags: {},
      })),
    }, [{ service: 'apigateway', operation: 'GetStages', resource: a.choice.id }]);
    w.put(account, region, `${dir}/Resources.json`, {
      items: a.resources.map((r) => ({
        id: r.id, ...(r.parentId ? { parentId: r.parentId, pathPart: r.pathPart } : {}), path: r.path,
        ...(r.methods.length ? {
          resourceMethods: Object.fromEntries(r.methods.map((m) => [m, {
            httpMethod: m, authorizationType: 'NONE', apiKeyRequired: false,
            methodResponses: { 200: { statusCode: '200' } },
            methodIntegration: { type: 'AWS_PROXY', httpMethod: 'POST', uri: integration(a), passthroughBehavior: 'WHEN_NO_MATCH', contentHandling: 'CONVERT_TO_TEXT', timeoutInMillis: 29000, cacheNamespace: r.id, cacheKeyParameters: [] },
          }])),
        } : {}),
      })),
    }, [{ service: 'apigateway', operation: 'GetResources', resource: a.choice.id }]);
  }

  w.put(account, region, 'Apis.json', {
    Items: http.map((a) => ({
      ApiEndpoint: `https://${a.choice.id}.execute-api.${region}.amazonaws.com`, ApiId: a.choice.id, ApiKeySelectionExpression: '$request.header.x-api-key',
      CreatedDate: isoTime(rng), Description: a.description, DisableExecuteApiEndpoint: a.choice.disableExecuteApiEndpoint, IpAddressType: 'ipv4',
      Name: a.choice.name, ProtocolType: 'HTTP', RouteSelectionExpression: '$request.method $request.path', Tags: { team: a.choice.name.split('-')[0]! },
    })),
  }, [{ service: 'apigatewayv2', operation: 'GetApis' }]);
  for (const a of http) {
    const dir = `apigatewayv2/apis/${folderName(a.choice.id)}`;
    w.put(account, region, `${dir}/Stages.json`, {
      Items: a.choice.stages.map((StageName) => ({
        AutoDeploy: StageName === '$default', CreatedDate: isoTime(rng), DefaultRouteSettings: { DetailedMetricsEnabled: false },
        DeploymentId: rng.alnum(6), LastUpdatedDate: isoTime(rng), RouteSettings: {}, StageName, StageVariables: {}, Tags: {},
      })),
    }, [{ service: 'apigatewayv2', operation: 'GetStages', resource: a.choice.id }]);
    const target = `integrations/${rng.alnum(7)}`;
    w.put(account, region, `${dir}/Routes.json`, {
      Items: a.resources.flatMap((r) => r.methods.map((m) => ({
        ApiKeyRequired: false, AuthorizationScopes: [], AuthorizationType: 'NONE', RouteId: rng.alnum(7),
        RouteKey: r.path === '$default' ? '$default' : `${m} ${r.path}`, Target: target,
      }))),
    }, [{ service: 'apigatewayv2', operation: 'GetRoutes', resource: a.choice.id }]);
  }

  const certificate = (r: string) => `arn:aws:acm:${r}:${account}:certificate/${rng.uuid()}`;
  w.put(account, region, 'DomainNames.json', {
    items: domains.map((d) => (d.endpointType === 'EDGE' ? {
      domainName: d.name, certificateArn: certificate('us-east-1'), certificateUploadDate: isoTime(rng), distributionDomainName: d.target,
      distributionHostedZoneId: CLOUDFRONT_ZONE, endpointConfiguration: { types: ['EDGE'], ipAddressType: 'ipv4' }, domainNameStatus: 'AVAILABLE', securityPolicy: 'TLS_1_2', tags: {},
    } : {
      domainName: d.name, regionalCertificateArn: certificate(region), regionalDomainName: d.target, regionalHostedZoneId: regionalZoneOf(region),
      endpointConfiguration: { types: ['REGIONAL'], ipAddressType: 'ipv4' }, domainNameStatus: 'AVAILABLE', securityPolicy: 'TLS_1_2', tags: {},
    })),
  }, [{ service: 'apigateway', operation: 'GetDomainNames' }, { service: 'apigateway', operation: 'GetDomainNames', resource: 'resourceOwner=SELF' }]);
  w.put(account, region, 'DomainNameAccessAssociations.json', { items: [] }, [{ service: 'apigateway', operation: 'GetDomainNameAccessAssociations' }]);
  w.put(account, region, 'DomainNamesV2.json', {
    Items: domains.map((d) => ({
      ApiMappingSelectionExpression: '$request.basepath', DomainName: d.name,
      DomainNameConfigurations: [{
        ApiGatewayDomainName: d.target, CertificateArn: certificate(d.endpointType === 'EDGE' ? 'us-east-1' : region), DomainNameStatus: 'AVAILABLE',
        EndpointType: d.endpointType, HostedZoneId: d.endpointType === 'EDGE' ? CLOUDFRONT_ZONE : regionalZoneOf(region), SecurityPolicy: 'TLS_1_2', IpAddressType: 'ipv4',
      }],
      Tags: {},
    })),
  }, [{ service: 'apigatewayv2', operation: 'GetDomainNames' }]);
  const kindOf = new Map(apis.map((a) => [a.choice.id, a.choice.kind]));
  for (const d of domains) {
    // GetBasePathMappings lists the REST APIs' mappings; GetApiMappings every mapping.
    w.put(account, region, `apigateway/domainnames/${folderName(d.name)}/BasePathMappings.json`, {
      items: d.mappings.filter((m) => kindOf.get(m.apiId) === 'REST').map((m) => ({ basePath: m.basePath || '(none)', restApiId: m.apiId, stage: m.stage })),
    }, [{ service: 'apigateway', operation: 'GetBasePathMappings', resource: d.name }]);
    w.put(account, region, `apigatewayv2/domainnames/${folderName(d.name)}/ApiMappings.json`, {
      Items: d.mappings.map((m) => ({ ApiId: m.apiId, ApiMappingId: rng.alnum(6), ApiMappingKey: m.basePath, Stage: m.stage })),
    }, [{ service: 'apigatewayv2', operation: 'GetApiMappings', resource: d.name }]);
  }
}
