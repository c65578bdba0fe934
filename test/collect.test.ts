// vpcpath collect against moto: the seed built through the AWS API, collected by the CLI, read back and traced.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trace, type Trace } from '../src/index.js';
import { onOperation, type RecordedOperation } from '../src/sources/aws/index.js';
import { loadSnapshot } from '../src/sources/snapshot/index.js';
import { fixMotoEndpointInterfaces, motoProxy, useMoto, useSnapshotDir } from './support/moto.js';
import { createSeed, REGION } from './support/moto-seed.js';
import { runCli } from './support/run-cli.js';
import { REPO } from './support/shared.js';

const moto = useMoto();
const out = useSnapshotDir();

const read = out.read;
const region = (file: string) => read(`aws_configs/${REGION}/${file}`);

/** Every file of docs/snapshot-format.md's table that one region and the global folder hold. */
const REGION_FILES = ['Vpcs', 'VpcAttributes', 'Subnets', 'RouteTables', 'InternetGateways', 'NatGateways', 'NetworkAcls',
  'SecurityGroups', 'NetworkInterfaces', 'Reservations', 'Addresses', 'PrefixLists', 'VpcEndpoints', 'VpcEndpointServices',
  'VpcPeeringConnections', 'TransitGateways', 'TransitGatewayAttachments', 'TransitGatewayVpcAttachments',
  'TransitGatewayRouteTables', 'DhcpOptions', 'AvailabilityZones', 'ResolverRules', 'ResolverRuleAssociations',
  'ResolverEndpoints', 'Functions', 'RestApis', 'DomainNames', 'Apis', 'DomainNamesV2', 'VpnGateways', 'VpnConnections'];

describe('vpcpath collect against moto', () => {
  it('writes every file of the snapshot format for the seed, and calls nothing but Describe/Get/List', async () => {
    const seed = await createSeed(moto.url);
    const sent: RecordedOperation[] = [];
    const stop = onOperation((op) => sent.push(op));
    const run = await runCli('collect', '--region', REGION, '--endpoint-url', moto.url, '--out', out.dir);
    stop();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Wrote ${out.dir}`);

    for (const f of REGION_FILES) expect(existsSync(join(out.dir, 'aws_configs', REGION, `${f}.json`)), f).toBe(true);
    expect(region('Vpcs.json').Vpcs.map((v: { VpcId: string }) => v.VpcId)).toContain(seed.vpc);
    expect(region('VpcAttributes.json').VpcAttributes).toContainEqual(
      { VpcId: seed.vpc, EnableDnsSupport: { Value: true }, EnableDnsHostnames: { Value: true } });
    const instance = region('Reservations.json').Reservations.flatMap((r: { Instances: unknown[] }) => r.Instances)
      .find((i: { InstanceId: string }) => i.InstanceId === seed.instance);
    expect(instance.PublicIpAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(region('VpcEndpoints.json').VpcEndpoints[0]).toMatchObject({ VpcEndpointId: seed.endpoint, PrivateDnsEnabled: true });
    expect(region('SecurityGroups.json').SecurityGroups.find((g: { GroupId: string }) => g.GroupId === seed.endpointSg)
      .IpPermissions[0]).toMatchObject({ IpProtocol: 'tcp', FromPort: 443, IpRanges: [{ CidrIp: '10.0.0.0/16' }] });
    expect(region('RestApis.json').items.map((a: { id: string }) => a.id).sort()).toEqual([seed.publicApi, seed.privateApi].sort());
    expect(region(`apigateway/restapis/${seed.publicApi}/Stages.json`).item[0].stageName).toBe('dev');
    const resources = region(`apigateway/restapis/${seed.publicApi}/Resources.json`).items;
    expect(resources.find((r: { path: string }) => r.path === '/items').resourceMethods.GET.httpMethod).toBe('GET');
    expect(JSON.stringify(region('RestApis.json'))).toContain(seed.endpoint);
    expect(region('apigateway/domainnames/api.example.com/BasePathMappings.json').items[0].restApiId).toBe(seed.publicApi);
    expect(region(`apigatewayv2/apis/${seed.httpApi}/Routes.json`).Items[0].RouteKey).toBe('GET /hello');
    expect(region(`apigatewayv2/apis/${seed.httpApi}/Stages.json`).Items[0].StageName).toBe('$default');
    expect(region('apigatewayv2/domainnames/http.example.com/ApiMappings.json').Items[0].ApiId).toBe(seed.httpApi);
    expect(read('aws_configs/global/HostedZones.json').HostedZones[0].Name).toBe('internal.example.com.');
    expect(read(`aws_configs/global/route53/${seed.zone}/HostedZone.json`).VPCs).toEqual([{ VPCRegion: REGION, VPCId: seed.vpc }]);
    expect(read(`aws_configs/global/route53/${seed.zone}/ResourceRecordSets.json`).ResourceRecordSets
      .map((r: { Name: string }) => r.Name)).toContain('db.internal.example.com.');
    // No --resolve-public-dns: the collector asks no DNS server anything.
    expect(read('aws_configs/global/PublicDns.json').PublicDnsAnswers).toEqual([]);

    const manifest = read('manifest.json');
    expect(manifest).toMatchObject({ format: 'vpcpath-snapshot', version: 1, collector: 'vpcpath 0.1.0', profile: null,
      endpointUrl: moto.url, accounts: ['123456789012'], regions: [REGION], identity: { account: '123456789012' } });
    expect(Date.parse(manifest.collectedAt)).not.toBeNaN();
    for (const c of manifest.calls.filter((c: { ok: boolean; file?: string }) => c.ok && c.file)) expect(existsSync(join(out.dir, c.file)), c.file).toBe(true);
    expect(manifest.calls.filter((c: { operation: string }) => c.operation === 'DescribeVpcAttribute'))
      .toEqual(expect.arrayContaining([expect.objectContaining({ resource: seed.vpc, attribute: 'enableDnsSupport', ok: true })]));
    // moto 5.2 has no GetDomainNameAccessAssociations (an HTML 404): the one failure, recorded, and the run goes on.
    const failed = manifest.calls.filter((c: { ok: boolean }) => !c.ok);
    for (const f of failed) expect(f).toMatchObject({ operation: 'GetDomainNameAccessAssociations', error: 'UnexpectedResponse', httpStatus: 404 });
    expect(run.stderr).toContain(`${manifest.calls.length} calls, ${failed.length} failed`);

    // Read-only: every operation sent was a Describe, Get or List (GetCallerIdentity included); no AssumeRole without --accounts.
    expect(sent.length).toBeGreaterThan(40);
    for (const op of sent) expect(op.operation, `${op.service} ${op.operation}`).toMatch(/^(Describe|Get|List)[A-Z]/);
    // ... and docs/iam-policy.json allows each of them (API Gateway reads are all apigateway:GET).
    const allowed = new Set(JSON.parse(readFileSync(`${REPO}docs/iam-policy.json`, 'utf8')).Statement.flatMap((st: { Action: string[] }) => st.Action));
    for (const op of sent) {
      const action = /^ApiGateway/i.test(op.service) ? 'apigateway:GET' : `${op.service.toLowerCase()}:${op.operation}`;
      if (action !== 'sts:GetCallerIdentity') expect(allowed, action).toContain(action); // GetCallerIdentity needs no permission
    }
    const names = new Set(sent.map((o) => o.operation));
    for (const op of ['DescribeVpcAttribute', 'DescribePrefixLists', 'DescribeVpcEndpointServices', 'GetBasePathMappings', 'GetApiMappings',
      'GetHostedZone', 'ListResourceRecordSets', 'ListResolverRules', 'ListFunctions', 'GetResources', 'GetRoutes']) expect(names).toContain(op);
  });

  it('gives a snapshot the reader loads and traces: the 403 of the public API, the private API reached', async () => {
    const seed = await createSeed(moto.url);
    // A trace that depends on a call that failed answers unknown: moto's missing operation is filled in here.
    const proxy = await motoProxy(moto.url);
    const run = await runCli('collect', '--region', REGION, '--endpoint-url', proxy.url, '--out', out.dir).finally(() => proxy.close());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^\d+ calls, 0 failed$/m);
    fixMotoEndpointInterfaces(join(out.dir, 'aws_configs', REGION));
    expect(loadSnapshot(out.dir, { displayPath: out.dir }).problems).toEqual([]);
    const url = (api: string, path: string) => `https://${api}.execute-api.${REGION}.amazonaws.com${path}`;
    const traceCli = async (target: string) => {
      const run = await runCli('trace', out.dir, '--from', seed.instance, '--url', target, '--json');
      expect(run.stderr).toBe('');
      return { code: run.code, trace: JSON.parse(run.stdout) as Trace };
    };
    const refused = await traceCli(url(seed.publicApi, '/dev/items'));
    expect(refused.code).toBe(1);
    expect(refused.trace.answer).toMatchObject({ result: 'http', status: 403 });
    expect(refused.trace.cause?.code).toBe('public-api-via-vpc-endpoint');
    expect(refused.trace.via).toContain('vpc-endpoint');
    const reached = await traceCli(url(seed.privateApi, '/prod/'));
    expect(reached.code, JSON.stringify(reached.trace.cause)).toBe(0);
    expect(reached.trace.reached).toBe(true);
    expect(reached.trace.cause?.code).toBe('ok');
    expect(reached.trace.via).toContain('vpc-endpoint');
    // The library reads the same folder the same way.
    const { model } = loadSnapshot(out.dir, { displayPath: out.dir });
    expect(trace(model, { from: seed.instance, url: url(seed.publicApi, '/dev/items') }).cause?.code).toBe('public-api-via-vpc-endpoint');
  });
});
