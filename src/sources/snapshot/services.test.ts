// A hand-made one-account snapshot with API Gateway, Route 53, Resolver and Lambda answers: the model it gives,
// and requests traced from a function through it.
import { describe, expect, it } from 'vitest';
import { isUnknown, type Api } from '../../model/index.js';
import { parseRequestLine, type RequestSpec } from '../../sim/request.js';
import { traceRequest } from '../../sim/trace-request.js';
import { ACCOUNT, at, domainArn, policy, R, SERVICES_SNAPSHOT } from './services-fixtures.js';
import { load } from './test-fixtures.js';

const loaded = load(SERVICES_SNAPSHOT);
const m = loaded.model;
const api = (id: string): Api => m.apis.find((a) => a.id === id)!;
const request = (line: string): RequestSpec => {
  const r = parseRequestLine(line);
  if ('error' in r) throw new Error(r.error);
  return r;
};

describe('a snapshot with API Gateway, Route 53, Resolver and Lambda', () => {
  it('loads with no problems, in the manifest\'s account and the folder\'s region', () => {
    expect(loaded.problems).toEqual([]);
    expect(m.vpcs[0]).toMatchObject({ id: 'vpc-0a1', name: 'app-vpc', region: R, account: ACCOUNT, enableDnsSupport: true, enableDnsHostnames: true, dhcpOptionsId: 'dopt-1' });
    expect(m.vpcs[0]!.origin).toMatchObject({ file: `snap/${at('Vpcs.json')}`, line: expect.any(Number) });
    expect(m.dhcpOptions).toMatchObject([{ id: 'dopt-1', domainNameServers: ['AmazonProvidedDNS'], vpcIds: ['vpc-0a1'] }]);
    expect(m.missingCollections).toEqual([]);
  });

  it('REST APIs: endpoint type, endpoints, the escaped policy, stages and resources (ANY kept); unknown without their files', () => {
    expect(api('a1b2c3d4e5')).toMatchObject({
      kind: 'REST', name: 'orders-api', region: R, account: ACCOUNT, endpointType: 'PRIVATE', vpcEndpointIds: ['vpce-0e1'],
      policy, disableExecuteApiEndpoint: false, stages: [{ name: 'prod' }],
      resources: [{ path: '/', methods: [] }, { path: '/items', methods: ['GET', 'ANY'] }],
    });
    const pub = api('f6g7h8i9j0');
    expect(pub).toMatchObject({ name: 'Public API', endpointType: 'REGIONAL' });
    expect(pub.policy).toBeUndefined();
    expect(isUnknown(pub.stages) && pub.stages.reason).toBe('apigateway GetStages for f6g7h8i9j0 is not in the snapshot');
    expect(isUnknown(pub.resources)).toBe(true);
  });

  it('HTTP APIs: stages, route keys as resources ($default is /{proxy+} ANY), the default endpoint switch', () => {
    expect(api('h1t2t3p4a5')).toMatchObject({
      kind: 'HTTP', endpointType: 'REGIONAL', disableExecuteApiEndpoint: true, stages: [{ name: '$default' }],
      resources: [{ path: '/items', methods: ['GET', 'POST'] }, { path: '/{proxy+}', methods: ['ANY'] }],
    });
  });

  it('custom domains: one per public name across both APIs, mappings merged by base path, private ones by ARN', () => {
    const byName = (n: string) => m.domainNames.filter((d) => d.domainName === n);
    expect(byName('api.example.com')).toHaveLength(1);
    expect(byName('api.example.com')[0]).toMatchObject({
      id: 'api.example.com', endpointType: 'REGIONAL', regionalDomainName: `d-abc.execute-api.${R}.amazonaws.com`,
      arn: `arn:aws:apigateway:${R}::/domainnames/api.example.com`,
      mappings: [{ basePath: '', apiId: 'f6g7h8i9j0', stage: 'prod' }, { basePath: 'v2', apiId: 'h1t2t3p4a5', stage: '$default' }],
    });
    expect(byName('http.example.com')[0]).toMatchObject({ regionalDomainName: `d-def.execute-api.${R}.amazonaws.com`, mappings: [{ basePath: '', apiId: 'h1t2t3p4a5' }] });
    expect(byName('private.example.com')[0]).toMatchObject({
      id: domainArn, arn: domainArn, endpointType: 'PRIVATE', policy, mappings: [{ basePath: 'orders', apiId: 'a1b2c3d4e5', stage: 'prod' }],
    });
    expect(m.domainNameAccessAssociations).toMatchObject([{ domainNameArn: domainArn, vpcEndpointId: 'vpce-0e1' }]);
  });

  it('the interface endpoint: policy (a single Statement object), private DNS, its own vpce names only', () => {
    expect(m.vpcEndpoints[0]).toMatchObject({
      id: 'vpce-0e1', type: 'Interface', region: R, privateDnsEnabled: true, subnetIds: ['subnet-a'], securityGroupIds: ['sg-endpoint'],
      networkInterfaceIds: ['eni-vpce-a'], policy: { Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] },
      dnsNames: [`vpce-0e1-abcd.execute-api.${R}.vpce.amazonaws.com`, `vpce-0e1-abcd-${R}a.execute-api.${R}.vpce.amazonaws.com`],
    });
    expect(m.networkInterfaces.find((n) => n.id === 'eni-vpce-a')?.owner).toEqual({ kind: 'vpc-endpoint', id: 'vpce-0e1' });
  });

  it('Lambda: the function\'s ENI from DescribeNetworkInterfaces (no public IP, ever), an unknown one where it is missing', () => {
    expect(m.lambdaFunctions).toHaveLength(1);
    const fn = m.lambdaFunctions[0]!;
    expect(fn).toMatchObject({ id: 'orders', functionName: 'orders' });
    const [a, b] = fn.networkInterfaceIds.map((id) => m.networkInterfaces.find((n) => n.id === id)!);
    expect(a).toMatchObject({ id: 'eni-lambda-a', subnetId: 'subnet-a', privateIps: ['10.0.1.60'], owner: { kind: 'lambda', id: 'orders' } });
    expect(a!.publicIp).toBeUndefined();
    expect(b).toMatchObject({ subnetId: 'subnet-b', vpcId: 'vpc-0a1', securityGroupIds: ['sg-lambda'], owner: { kind: 'lambda', id: 'orders' } });
    expect(isUnknown(b!.privateIps[0])).toBe(true);
  });

  it('Resolver: rules (the built-in one as the root domain), associations, endpoints with their ENIs', () => {
    expect(m.resolverRules).toMatchObject([
      { id: 'rslvr-rr-1', name: 'corp', domainName: 'corp.example.com', ruleType: 'FORWARD', targetIps: ['192.168.0.2'], resolverEndpointId: 'rslvr-out-1', vpcIds: ['vpc-0a1'] },
      { id: 'rslvr-autodefined-rr-internet-resolver', domainName: '', ruleType: 'RECURSIVE', vpcIds: [] },
    ]);
    expect(m.notes.some((n) => n.code === 'outside-snapshot' && n.message.includes('rslvr-rr-shared-gone'))).toBe(true);
    expect(m.resolverEndpoints).toMatchObject([{ id: 'rslvr-in-abc123', direction: 'INBOUND', vpcId: 'vpc-0a1', ipAddresses: ['10.0.2.53', '10.0.1.53'], networkInterfaceIds: ['eni-rslvr-b', 'rni-2'] }]);
    expect(m.networkInterfaces.find((n) => n.id === 'eni-rslvr-b')?.owner).toEqual({ kind: 'resolver-endpoint', id: 'rslvr-in-abc123' });
    expect(m.networkInterfaces.find((n) => n.id === 'rni-2')).toMatchObject({ subnetId: 'subnet-a', privateIps: ['10.0.1.53'], owner: { kind: 'resolver-endpoint', id: 'rslvr-in-abc123' } });
  });

  it('Route 53: zone names and records without trailing dots, \\052 as *, alias targets; a private zone without GetHostedZone has unknown VPCs', () => {
    const zone = (id: string) => m.hostedZones.find((z) => z.id === id)!;
    expect(zone('Z0PRIVATE')).toMatchObject({ zoneName: 'example.internal', private: true, vpcs: [{ vpcId: 'vpc-0a1', region: R }] });
    expect(zone('Z0PRIVATE').records).toMatchObject([
      { name: '*.example.internal', type: 'A', values: [], alias: { dnsName: `vpce-0e1-abcd.execute-api.${R}.vpce.amazonaws.com`, hostedZoneId: 'Z2E726K9Y6RL4W' } },
      { name: 'db.example.internal', type: 'CNAME', values: ['db.cluster.example'] },
      { name: 'example.internal', type: 'SOA' },
    ]);
    expect(zone('Z0PUBLIC')).toMatchObject({ zoneName: 'example.com', private: false, vpcs: [], records: [{ name: 'api.example.com', alias: { dnsName: `d-abc.execute-api.${R}.amazonaws.com` } }] });
    const vpcs = zone('Z0NOVPCS').vpcs;
    expect(vpcs).toHaveLength(1);
    expect(isUnknown(vpcs[0]!.vpcId)).toBe(true);
    expect(m.publicDns).toMatchObject([{ name: 'http.example.com', type: 'CNAME', value: `d-def.execute-api.${R}.amazonaws.com` }]);
  });

  it('traces from the function by name: the private API through the endpoint\'s private DNS is reached', () => {
    const trace = traceRequest(m, 'orders', request(`GET https://a1b2c3d4e5.execute-api.${R}.amazonaws.com/prod/items`));
    if ('error' in trace) throw new Error(trace.error);
    expect(trace.source).toMatchObject({ kind: 'lambda', networkInterfaceId: 'eni-lambda-a', privateIp: '10.0.1.60' });
    expect(trace.dns?.outcome).toMatchObject({ kind: 'addresses', addresses: ['10.0.1.50'], source: 'endpoint-private-dns' });
    expect({ result: trace.answer.result, cause: trace.cause.code, reached: trace.reached }).toEqual({ result: 'reached', cause: 'ok', reached: true });
    expect(trace.via).toEqual(['vpc-endpoint', 'api-gateway']);
  });

  it('traces from the function: a public API by its default URL gets the endpoint\'s 403', () => {
    const trace = traceRequest(m, 'orders', request(`GET https://f6g7h8i9j0.execute-api.${R}.amazonaws.com/prod/`));
    if ('error' in trace) throw new Error(trace.error);
    expect({ result: trace.answer.result, status: trace.answer.status, cause: trace.cause.code }).toEqual({ result: 'http', status: 403, cause: 'public-api-via-vpc-endpoint' });
  });

  it('--from also takes an ENI id', () => {
    const trace = traceRequest(m, 'eni-lambda-a', request('TCP 10.0.1.50:443'));
    if ('error' in trace) throw new Error(trace.error);
    expect(trace.answer.result).toBe('delivered');
  });

  it('with ListResolverRules denied in the manifest, a request by name answers unknown, naming the call', () => {
    const manifest = SERVICES_SNAPSHOT['manifest.json'] as Record<string, unknown>;
    const denied = load({
      ...SERVICES_SNAPSHOT,
      'manifest.json': { ...manifest, calls: [{ account: ACCOUNT, region: R, service: 'route53resolver', operation: 'ListResolverRules', ok: false, error: 'AccessDeniedException', message: 'User is not authorized to perform route53resolver:ListResolverRules' }] },
    }).model;
    expect(denied.missingCollections).toEqual([{ collection: 'resolverRules', account: ACCOUNT, region: R, reason: 'route53resolver ListResolverRules: AccessDeniedException (User is not authorized to perform route53resolver:ListResolverRules)' }]);
    const trace = traceRequest(denied, 'orders', request(`GET https://a1b2c3d4e5.execute-api.${R}.amazonaws.com/prod/items`));
    if ('error' in trace) throw new Error(trace.error);
    expect({ result: trace.answer.result, cause: trace.cause.code }).toEqual({ result: 'unknown', cause: 'missing-facts' });
    expect(trace.missing.map((f) => f.reason).join(' ')).toContain('route53resolver ListResolverRules: AccessDeniedException');
    // A network-only flow does not depend on the Resolver.
    const flow = traceRequest(denied, 'orders', request('TCP 10.0.1.50:443'));
    expect('error' in flow ? flow.error : flow.answer.result).toBe('delivered');
  });
});
