// vpcpath collect's face without AWS: the help a user reads, and bad arguments refused (exit 2) before any call.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { onOperation, type RecordedOperation } from '../src/sources/aws/index.js';
import { REPO } from './support/shared.js';
import { runCli } from './support/run-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'vpcpath-collect-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('vpcpath collect --help', () => {
  it('teaches what it reads, credentials, regions, accounts, emulators, read-only and the output', async () => {
    const run = await runCli('collect', '--help');
    expect(run.code).toBe(0);
    const help = run.stdout;
    for (const text of [
      // what it reads, and that it only reads
      'read-only', 'Describe*, Get* and List*', 'sts GetCallerIdentity', 'sts AssumeRole', 'VPCs', 'security groups',
      'hosted zones', 'Resolver', 'Lambda', 'REST APIs', 'custom domain names', 'HTTP/WebSocket APIs',
      // credentials
      'standard chain', '--profile <name>', 'AWS_PROFILE', 'IAM Identity Center (SSO', 'aws sso login --profile NAME',
      // regions
      '--region <region>', '--regions all', 'DescribeRegions', 'AWS_REGION',
      // accounts: the role to create
      '--accounts 111111111111,222222222222 --role-name ReadOnlyAudit', 'trust policy', '"Action":"sts:AssumeRole"',
      'docs/iam-policy.json',
      // emulators
      '--endpoint-url http://127.0.0.1:5000', 'moto_server', 'LocalStack', 'AWS_ENDPOINT_URL',
      // output
      '--out <dir>', 'aws_configs/<region>/*.json', 'aws_configs/accounts/<account>/', 'manifest.json', 'N calls, M failed',
      '--concurrency <n>', '--resolve-public-dns', 'vpcpath trace snapshot/',
    ]) expect(help, text).toContain(text);
  });

  it('is listed in the top-level help', async () => {
    const run = await runCli('--help');
    expect(run.stdout).toMatch(/collect \[options\]\s+Read live AWS accounts \(read-only\)/);
  });
});

describe('vpcpath collect refuses bad arguments with exit 2 before calling AWS', () => {
  writeFileSync(join(scratch, 'placeholder'), '');
  const cases: [string[], RegExp][] = [
    [['--region', 'ap-northeast-1'], /required option '--out <dir>'/],
    [['--region', 'nowhere', '--out', join(scratch, 'a')], /--region nowhere: not a region name/],
    [['--region', 'eu-west-1', '--region', 'nowhere', '--out', join(scratch, 'a')], /--region nowhere: not a region name/],
    [['--regions', 'all,eu-west-1', '--out', join(scratch, 'a')], /--regions all stands alone/],
    [['--region', 'eu-west-1', '--accounts', '1234', '--role-name', 'R', '--out', join(scratch, 'a')], /--accounts 1234: an account id is 12 digits/],
    [['--region', 'eu-west-1', '--accounts', '111111111111', '--out', join(scratch, 'a')], /--accounts needs --role-name/],
    [['--region', 'eu-west-1', '--role-name', 'ReadOnlyAudit', '--out', join(scratch, 'a')], /--role-name goes with --accounts/],
    [['--region', 'eu-west-1', '--endpoint-url', 'ftp://x', '--out', join(scratch, 'a')], /--endpoint-url ftp:\/\/x: give an http\(s\) URL/],
    [['--region', 'eu-west-1', '--concurrency', '0', '--out', join(scratch, 'a')], /--concurrency 0: give a whole number/],
    [['--region', 'eu-west-1', '--out', scratch], /exists and is not a vpcpath snapshot/],
  ];
  for (const [args, message] of cases) {
    it(args.join(' ').replace(scratch, 'DIR'), async () => {
      const sent: RecordedOperation[] = [];
      const stop = onOperation((op) => sent.push(op));
      const run = await runCli('collect', ...args);
      stop();
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(sent).toEqual([]);
    });
  }
});

describe('docs/iam-policy.json', () => {
  it('is a valid policy of Allow statements with read actions only', () => {
    const policy = JSON.parse(readFileSync(`${REPO}docs/iam-policy.json`, 'utf8'));
    expect(policy.Version).toBe('2012-10-17');
    for (const s of policy.Statement) {
      expect(s.Effect).toBe('Allow');
      for (const action of s.Action) expect(action).toMatch(/^(ec2|route53|route53resolver|lambda):(Describe|Get|List)[A-Za-z]+$|^apigateway:GET$/);
    }
  });

  it('names only actions the collector calls, so it stays minimal', () => {
    const policy = JSON.parse(readFileSync(`${REPO}docs/iam-policy.json`, 'utf8'));
    const dir = `${REPO}src/sources/aws/`;
    const source = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => readFileSync(dir + f, 'utf8')).join('\n');
    for (const action of policy.Statement.flatMap((s: { Action: string[] }) => s.Action)) {
      if (action === 'apigateway:GET') continue;
      expect(source, action).toContain(`'${action.split(':')[1]}'`);
    }
  });
});
