// Layouts, dispatch on the top-level key, input problems with line and column, and what is noted.
import { afterAll, describe, expect, it } from 'vitest';
import { isSnapshotDir, loadSnapshot } from './index.js';
import { parseJson } from './json-positions.js';
import { load, removeSnapshots, writeSnapshot } from './test-fixtures.js';

afterAll(removeSnapshots);

const vpc = (id: string, owner = '222222222222') => ({ VpcId: id, CidrBlock: '10.0.0.0/16', OwnerId: owner });
const subnet = (id: string, zone: string) => ({ SubnetId: id, VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24', AvailabilityZone: zone });

describe('isSnapshotDir', () => {
  it.each([
    { name: 'a folder with aws_configs/', files: { 'aws_configs/Vpcs.json': { Vpcs: [] } }, is: true },
    { name: 'a folder with a vpcpath manifest only', files: { 'manifest.json': { format: 'vpcpath-snapshot', calls: [] } }, is: true },
    { name: 'a folder with another manifest', files: { 'manifest.json': { format: 'other' } }, is: false },
    { name: 'a folder of templates', files: { 'template.yaml': 'Resources: {}\n' }, is: false },
  ])('$name: $is', ({ files, is }) => {
    expect(isSnapshotDir(writeSnapshot(files))).toBe(is);
  });

  it('a file is not one', () => {
    expect(isSnapshotDir(`${writeSnapshot({ 'x.json': {} })}/x.json`)).toBe(false);
  });
});

describe('layouts', () => {
  it('flat (older Batfish): the region from the subnets\' Availability Zone, the account from OwnerId', () => {
    const { model, problems } = load({ 'aws_configs/Vpcs.json': { Vpcs: [vpc('vpc-1')] }, 'aws_configs/Subnets.json': { Subnets: [subnet('subnet-1', 'eu-west-1b')] } });
    expect(problems).toEqual([]);
    expect(model.vpcs[0]).toMatchObject({ region: 'eu-west-1', account: '222222222222' });
    expect(model.notes).toContainEqual(expect.objectContaining({ code: 'snapshot-region', message: expect.stringContaining('eu-west-1b') }));
  });

  it('flat, a Local Zone: its parent Region', () => {
    const { model } = load({ 'aws_configs/Vpcs.json': { Vpcs: [vpc('vpc-1')] }, 'aws_configs/Subnets.json': { Subnets: [subnet('subnet-1', 'us-west-2-lax-1a')] } });
    expect(model.vpcs[0]!.region).toBe('us-west-2');
  });

  it('flat without subnets: --region, else unknown with a warning', () => {
    const files = { 'aws_configs/Vpcs.json': { Vpcs: [vpc('vpc-1')] } };
    expect(load(files, { region: 'sa-east-1' }).model.vpcs[0]!.region).toBe('sa-east-1');
    const { model } = load(files);
    expect(model.vpcs[0]!.region).toBe('unknown');
    expect(model.notes).toContainEqual(expect.objectContaining({ level: 'warning', code: 'snapshot-region-unknown' }));
  });

  it('region folders and accounts/<account>/<region>/: each element in its own account and region', () => {
    const { model } = load({
      'aws_configs/accounts/333333333333/us-east-1/Vpcs.json': { Vpcs: [{ VpcId: 'vpc-a', CidrBlock: '10.0.0.0/16' }] },
      'aws_configs/accounts/444444444444/eu-central-1/Vpcs.json': { Vpcs: [{ VpcId: 'vpc-b', CidrBlock: '10.1.0.0/16' }] },
    }, { account: '999999999999' });
    expect(model.vpcs.map((v) => [v.id, v.account, v.region])).toEqual([['vpc-a', '333333333333', 'us-east-1'], ['vpc-b', '444444444444', 'eu-central-1']]);
  });

  it('a one-account layout takes the manifest\'s account before --account', () => {
    const { model } = load({
      'manifest.json': { format: 'vpcpath-snapshot', accounts: ['555555555555'], identity: { account: '555555555555' }, calls: [] },
      'aws_configs/us-east-2/Apis.json': { Items: [{ ApiId: 'abc', ProtocolType: 'HTTP' }] },
    }, { account: '999999999999' });
    expect(model.apis[0]).toMatchObject({ account: '555555555555', region: 'us-east-2' });
  });

  it('EC2 files are read by their top-level key, whatever they are called', () => {
    const { model } = load({ 'aws_configs/us-east-1/describe-vpcs-output.json': { Vpcs: [vpc('vpc-1')] } });
    expect(model.vpcs.map((v) => v.id)).toEqual(['vpc-1']);
  });

  it('origins: the file as shown, the line of the element\'s id, the path inside the file', () => {
    const root = writeSnapshot({ 'aws_configs/us-east-1/Vpcs.json': { Vpcs: [vpc('vpc-1'), vpc('vpc-2')] } });
    const { model } = loadSnapshot(root, { displayPath: 'snapshots/prod/' });
    expect(model.vpcs[1]!.origin).toEqual({ file: 'snapshots/prod/aws_configs/us-east-1/Vpcs.json', line: 9, column: 13, path: 'Vpcs[1]' });
  });
});

describe('input problems', () => {
  it('invalid JSON: a problem with line and column, and the rest still loads', () => {
    const bad = '{\n "Vpcs": [\n  { "VpcId": "vpc-1", }\n ]\n}\n';
    const { model, problems } = load({ 'aws_configs/us-east-1/Vpcs.json': bad, 'aws_configs/us-east-1/Subnets.json': { Subnets: [subnet('subnet-1', 'us-east-1a')] } });
    expect(problems).toEqual([{ code: 'json-syntax', file: 'snap/aws_configs/us-east-1/Vpcs.json', line: 3, column: 23, message: expect.stringContaining('not valid JSON') }]);
    expect(model.subnets).toHaveLength(1);
  });

  it('a truncated file (a collector stopped mid-write): the problem is at its end', () => {
    const { problems } = load({ 'aws_configs/us-east-1/Vpcs.json': '{\n "Vpcs": [\n  {"VpcId": "vp' });
    expect(problems).toMatchObject([{ code: 'json-syntax', line: 3, column: 16 }]);
  });

  it.each([
    { text: '{"a":\n 1,\n "b" 2}', line: 3, column: 6 },
    { text: '', line: 1, column: 1 },
    { text: '\uFEFF{"a": x}', line: 1, column: 8 },
  ])('parseJson places the error in $text', ({ text, line, column }) => {
    expect(parseJson(text)).toMatchObject({ ok: false, line, column });
  });

  it('a list that is not a list, an element that is not an object, an element without its id', () => {
    const { problems } = load({
      'aws_configs/us-east-1/Vpcs.json': { Vpcs: { VpcId: 'vpc-1' } },
      'aws_configs/us-east-1/Subnets.json': { Subnets: ['subnet-1', { CidrBlock: '10.0.0.0/24' }] },
    });
    expect(problems.map((p) => [p.code, p.message])).toEqual(expect.arrayContaining([
      ['snapshot-shape', 'Vpcs must be a list'], ['snapshot-shape', 'Subnets[0] must be an object'], ['snapshot-missing-field', 'Subnets[1] has no SubnetId'],
    ]));
    expect(problems).toHaveLength(3);
    expect(problems.every((p) => p.line !== undefined)).toBe(true);
  });
});

describe('notes', () => {
  it('files and keys nobody reads, and files that are not JSON', () => {
    const { model, problems } = load({
      'aws_configs/us-east-1/LoadBalancers.json': { LoadBalancers: [] },
      'aws_configs/us-east-1/Vpcs.json': { Vpcs: [], NextToken: 'x', Extra: 1 },
      'aws_configs/us-east-1/RestApis2.json': { items: [] },
      'aws_configs/README.txt': 'hello',
      'aws_configs/global/Subnets.json': { Subnets: [] },
    });
    expect(problems).toEqual([]);
    const messages = model.notes.map((n) => `${n.code}: ${n.message}`);
    expect(messages).toEqual(expect.arrayContaining([
      'snapshot-unread: snap/aws_configs/us-east-1/LoadBalancers.json: LoadBalancers is not read by vpcpath',
      'snapshot-unread: snap/aws_configs/us-east-1/Vpcs.json: Extra is not read by vpcpath',
      'snapshot-unread: snap/aws_configs/us-east-1/RestApis2.json: items is not read by vpcpath',
      'snapshot-unknown-file: snap/aws_configs/README.txt is not a JSON answer: ignored',
      'snapshot-misplaced: snap/aws_configs/global/Subnets.json: Subnets is a regional answer, not a global one: ignored',
    ]));
  });
});

describe('manifest.json', () => {
  const base = { format: 'vpcpath-snapshot', version: 1, accounts: ['111111111111'], identity: { account: '111111111111' }, regions: ['ap-northeast-1'] };
  const call = (service: string, operation: string, extra: Record<string, unknown> = {}) => ({ account: '111111111111', region: 'ap-northeast-1', service, operation, ok: false, error: 'AccessDeniedException', message: 'not authorized', ...extra });

  it('a denied call: the collections it feeds are missing in its account and region, with a warning', () => {
    const { model, problems } = load({
      'manifest.json': { ...base, calls: [
        { account: '111111111111', region: 'ap-northeast-1', service: 'ec2', operation: 'DescribeVpcs', file: 'aws_configs/ap-northeast-1/Vpcs.json', pages: 1, ok: true },
        call('route53resolver', 'ListResolverRules'),
        call('ec2', 'DescribeVpcEndpoints', { error: 'UnauthorizedOperation', message: 'You are not authorized to perform this operation.' }),
        call('apigateway', 'GetRestApis'),
        call('route53', 'ListHostedZones', { region: undefined }),
        call('route53', 'ListResourceRecordSets', { region: 'us-east-1', resource: 'Z1' }),
      ] },
      'aws_configs/ap-northeast-1/Vpcs.json': { Vpcs: [vpc('vpc-1', '111111111111')] },
    });
    expect(problems).toEqual([]);
    expect(model.missingCollections).toEqual([
      { collection: 'resolverRules', account: '111111111111', region: 'ap-northeast-1', reason: 'route53resolver ListResolverRules: AccessDeniedException (not authorized)' },
      { collection: 'vpcEndpoints', account: '111111111111', region: 'ap-northeast-1', reason: 'ec2 DescribeVpcEndpoints: UnauthorizedOperation (You are not authorized to perform this operation.)' },
      { collection: 'apis', account: '111111111111', region: 'ap-northeast-1', reason: 'apigateway GetRestApis: AccessDeniedException (not authorized)' },
      { collection: 'hostedZones', account: '111111111111', reason: 'route53 ListHostedZones: AccessDeniedException (not authorized)' },
      { collection: 'hostedZones', account: '111111111111', reason: 'route53 ListResourceRecordSets (Z1): AccessDeniedException (not authorized)' },
    ]);
    const warnings = model.notes.filter((n) => n.code === 'snapshot-call-failed');
    expect(warnings).toHaveLength(5);
    expect(warnings[0]).toMatchObject({ level: 'warning', origin: { file: 'snap/manifest.json', line: expect.any(Number) } });
  });

  it('a failed call for one resource the model can mark: that element\'s fields are unknown, naming the call', () => {
    const { model } = load({
      'manifest.json': { ...base, calls: [
        call('ec2', 'DescribeVpcAttribute', { resource: 'vpc-1' }),
        call('apigateway', 'GetStages', { resource: 'api1' }),
        call('ec2', 'DescribeVpcAttribute', { resource: 'vpc-3', attribute: 'enableDnsHostnames' }),
      ] },
      'aws_configs/ap-northeast-1/Vpcs.json': { Vpcs: [vpc('vpc-1', '111111111111'), { ...vpc('vpc-2', '111111111111'), IsDefault: true }, vpc('vpc-3', '111111111111')] },
      'aws_configs/ap-northeast-1/VpcAttributes.json': { VpcAttributes: [{ VpcId: 'vpc-3', EnableDnsSupport: { Value: true } }] },
      'aws_configs/ap-northeast-1/RestApis.json': { items: [{ id: 'api1' }] },
      'aws_configs/ap-northeast-1/apigateway/restapis/api1/Resources.json': { items: [{ path: '/' }] },
    });
    expect(model.missingCollections).toEqual([]);
    const reason = (value: unknown) => (value as { reason?: string }).reason;
    expect(reason(model.vpcs[0]!.enableDnsSupport)).toBe('ec2 DescribeVpcAttribute (vpc-1): AccessDeniedException (not authorized)');
    expect(reason(model.vpcs[0]!.enableDnsHostnames)).toBe('ec2 DescribeVpcAttribute (vpc-1): AccessDeniedException (not authorized)');
    // Without VpcAttributes.json: AWS's defaults, and a default VPC has DNS hostnames on.
    expect(model.vpcs[1]).toMatchObject({ enableDnsSupport: true, enableDnsHostnames: true });
    expect(reason(model.apis[0]!.stages)).toBe('apigateway GetStages (api1): AccessDeniedException (not authorized)');
    // The collector asks one attribute per call and leaves a failed one out of the VPC's row.
    expect(model.vpcs[2]!.enableDnsSupport).toBe(true);
    expect(reason(model.vpcs[2]!.enableDnsHostnames)).toBe('ec2 DescribeVpcAttribute (vpc-3 enableDnsHostnames): AccessDeniedException (not authorized)');
    expect(model.apis[0]!.resources).toEqual([{ path: '/', methods: [], origin: expect.anything() }]);
  });

  it('no manifest (Batfish): no missing collections; invalid manifest: a problem', () => {
    expect(load({ 'aws_configs/us-east-1/Vpcs.json': { Vpcs: [] } }).model.missingCollections).toEqual([]);
    expect(load({ 'manifest.json': '{"format": "vpcpath-snapshot",\n  calls: []}', 'aws_configs/us-east-1/Vpcs.json': { Vpcs: [] } }).problems)
      .toMatchObject([{ code: 'json-syntax', file: 'snap/manifest.json', line: 2, column: 3 }]);
  });
});
