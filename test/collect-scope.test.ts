// vpcpath collect's reach: several accounts through an assumed role, every enabled region, public DNS answers.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CreateDomainNameCommand, ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { collect, onOperation, type RecordedOperation } from '../src/sources/aws/index.js';
import { motoProxy, useMoto, useSnapshotDir } from './support/moto.js';
import { runCli } from './support/run-cli.js';

const REGION = 'ap-northeast-1';
const moto = useMoto();
const out = useSnapshotDir();

const read = out.read;
const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };

describe('vpcpath collect across accounts and regions', () => {
  it('assumes the role in each account (one AssumeRole each) and writes accounts/<account>/<region>/', async () => {
    const sent: RecordedOperation[] = [];
    const stop = onOperation((op) => sent.push(op));
    const run = await runCli('collect', '--accounts', '222222222222,333333333333', '--role-name', 'ReadOnlyAudit',
      '--region', `${REGION},eu-west-1`, '--endpoint-url', moto.url, '--out', out.dir);
    stop();
    expect(run.code, run.stderr).toBe(0);
    const manifest = read('manifest.json');
    expect(manifest).toMatchObject({ accounts: ['222222222222', '333333333333'], regions: [REGION, 'eu-west-1'], identity: { account: '123456789012' } });
    for (const account of ['222222222222', '333333333333']) {
      for (const region of [REGION, 'eu-west-1']) {
        // moto makes a default VPC in each account and region, owned by that account: the role's credentials were used.
        const vpcs = read(`aws_configs/accounts/${account}/${region}/Vpcs.json`).Vpcs;
        expect(vpcs.map((v: { OwnerId: string }) => v.OwnerId), `${account} ${region}`).toEqual([account]);
      }
      expect(existsSync(join(out.dir, `aws_configs/accounts/${account}/global/HostedZones.json`))).toBe(true);
      expect(manifest.calls).toContainEqual(expect.objectContaining({ account, service: 'sts', operation: 'AssumeRole', ok: true,
        resource: `arn:aws:iam::${account}:role/ReadOnlyAudit` }));
    }
    expect(sent.filter((o) => o.operation === 'AssumeRole')).toHaveLength(2);
    for (const op of sent) expect(op.operation).toMatch(/^(Describe|Get|List)[A-Z]|^AssumeRole$/);
  });

  it('goes on with the other accounts when a role cannot be assumed', async () => {
    const proxy = await motoProxy(moto.url, (body) => body.includes('Action=AssumeRole') && body.includes('333333333333')
      ? 'sts:AssumeRole on resource: arn:aws:iam::333333333333:role/ReadOnlyAudit' : undefined);
    const run = await runCli('collect', '--accounts', '222222222222,333333333333', '--role-name', 'ReadOnlyAudit',
      '--region', REGION, '--endpoint-url', proxy.url, '--out', out.dir).finally(() => proxy.close());
    expect(run.code, run.stderr).toBe(0);
    const failed = read('manifest.json').calls.filter((c: { ok: boolean }) => !c.ok);
    expect(failed).toEqual([expect.objectContaining({ account: '333333333333', service: 'sts', operation: 'AssumeRole',
      error: 'AccessDenied', resource: 'arn:aws:iam::333333333333:role/ReadOnlyAudit', httpStatus: 403 })]);
    expect(run.stderr).toMatch(/failed: 333333333333 ap-northeast-1 sts AssumeRole \(arn:aws:iam::333333333333:role\/ReadOnlyAudit\): AccessDenied/);
    expect(existsSync(join(out.dir, `aws_configs/accounts/222222222222/${REGION}/Vpcs.json`))).toBe(true);
    expect(existsSync(join(out.dir, 'aws_configs/accounts/333333333333'))).toBe(false);
  });

  it('--regions all reads every region DescribeRegions lists as enabled, and no other', async () => {
    const ec2 = new EC2Client({ region: REGION, endpoint: moto.url, credentials });
    const listed = (await ec2.send(new DescribeRegionsCommand({}))).Regions ?? [];
    ec2.destroy();
    const enabled = listed.filter((r) => r.OptInStatus !== 'not-opted-in').map((r) => r.RegionName!).sort();
    const run = await runCli('collect', '--regions', 'all', '--endpoint-url', moto.url, '--out', out.dir, '--concurrency', '16');
    expect(run.code, run.stderr).toBe(0);
    const manifest = read('manifest.json');
    expect(manifest.regions).toEqual(enabled);
    expect(listed.length).toBeGreaterThan(enabled.length); // moto lists opt-in regions that are not enabled
    for (const region of enabled) expect(existsSync(join(out.dir, 'aws_configs', region, 'Vpcs.json')), region).toBe(true);
    expect(manifest.calls).toContainEqual(expect.objectContaining({ service: 'ec2', operation: 'DescribeRegions', ok: true }));
  }, 120_000);
});

describe('collect() as a library', () => {
  it('asks public DNS about the public custom domain names, with the lookup it is given', async () => {
    const v2 = new ApiGatewayV2Client({ region: REGION, endpoint: moto.url, credentials });
    await v2.send(new CreateDomainNameCommand({ DomainName: 'http.example.com', DomainNameConfigurations: [{ EndpointType: 'REGIONAL',
      CertificateArn: `arn:aws:acm:${REGION}:123456789012:certificate/66666666-7777-8888-9999-000000000000` }] }));
    v2.destroy();
    const asked: string[] = [];
    const result = await collect({ out: out.dir, regions: [REGION], endpointUrl: moto.url,
      resolvePublicDns: async (name, type) => { asked.push(`${type} ${name}`); return type === 'A' ? ['203.0.113.9'] : []; } });
    expect(asked.sort()).toEqual(['A http.example.com', 'CNAME http.example.com']);
    expect(read('aws_configs/global/PublicDns.json')).toEqual({ PublicDnsAnswers: [{ name: 'http.example.com', type: 'A', value: '203.0.113.9' }] });
    expect(result.files).toContain('aws_configs/global/PublicDns.json');
    expect(result.files.at(-1)).toBe('manifest.json');
    expect(result.operations.length).toBeGreaterThan(30);
  });
});
