// The command line as a user meets it: the seed story, check's contract, JSON output against its schema.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { conformanceFiles, REPO, SHARED } from './support/shared.js';
import { runCli } from './support/run-cli.js';

const seed = (f: string) => `${REPO}examples/seed/${f}`;
const schema = JSON.parse(readFileSync(`${REPO}docs/trace.schema.json`, 'utf8'));
const validateTrace = new Ajv({ allErrors: true }).compile(schema);

describe('vpcpath trace on the seed', () => {
  it('answers the default URL with the endpoint\'s 403 and points at PrivateDnsEnabled', async () => {
    const run = await runCli('trace', seed('network.yaml'), seed('api.yaml'), '--region', 'ap-northeast-1',
      '--from', 'AppInstance', '--url', 'https://${PublicApi}.execute-api.${AWS::Region}.amazonaws.com/dev/items');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('HTTP 403');
    expect(run.stdout).toContain('ForbiddenException');
    expect(run.stdout).toContain('public-api-via-vpc-endpoint');
    expect(run.stdout).toMatch(/network\.yaml:\d+/);
    expect(run.stdout).toMatch(/\*\.execute-api\.ap-northeast-1\.amazonaws\.com/);
  });

  it('reaches the API through the EDGE custom domain and the internet gateway', async () => {
    const run = await runCli('trace', seed('network.yaml'), seed('api.yaml'), '--region', 'ap-northeast-1',
      '--facts', seed('facts.yaml'), '--from', 'AppInstance', '--url', 'https://api.example.com/items');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('reached');
  });

  it('prints JSON that the documented schema accepts', async () => {
    for (const url of ['https://${PublicApi}.execute-api.${AWS::Region}.amazonaws.com/dev/items', 'https://api.example.com/items', 'https://nosuch.example.org/']) {
      const run = await runCli('trace', seed('network.yaml'), seed('api.yaml'), '--region', 'ap-northeast-1',
        '--facts', seed('facts.yaml'), '--from', 'AppInstance', '--url', url, '--json');
      const json = JSON.parse(run.stdout);
      expect(validateTrace(json), JSON.stringify(validateTrace.errors)).toBe(true);
    }
  });

  it('answers unknown and names the fact for a name nobody resolves', async () => {
    const run = await runCli('trace', seed('network.yaml'), seed('api.yaml'), '--region', 'ap-northeast-1',
      '--from', 'AppInstance', '--url', 'https://nosuch.example.org/', '--json');
    const json = JSON.parse(run.stdout);
    expect(json.answer.result).toBe('unknown');
    expect(json.cause.code).toBe('missing-facts');
    expect(JSON.stringify(json.missing)).toContain('nosuch.example.org');
  });
});

describe('vpcpath check', () => {
  it('passes every conformance scenario and ends with the summary line', async () => {
    const run = await runCli('check', ...conformanceFiles());
    expect(run.stderr).toBe('');
    expect(run.stdout.trim().split('\n').pop()).toBe('21 passed, 0 failed');
    expect(run.code).toBe(0);
  });

  it('takes a folder of scenario files', async () => {
    const run = await runCli('check', `${SHARED}conformance`);
    expect(run.stdout.trim().split('\n').pop()).toBe('21 passed, 0 failed');
  });

  it('--json carries files, checks, traces and totals', async () => {
    const run = await runCli('check', '--json', seed('seed.check.yaml'));
    const json = JSON.parse(run.stdout);
    expect(json.passed).toBe(3);
    expect(json.failed).toBe(0);
    for (const check of json.files[0].checks) expect(validateTrace(check.trace), JSON.stringify(validateTrace.errors)).toBe(true);
  });
});

describe('vpcpath demo (npm start)', () => {
  it('tells the seed story: the 403 and its cause, then the working custom domain', async () => {
    const run = await runCli('demo');
    expect(run.code).toBe(0);
    const first = run.stdout.indexOf('HTTP 403');
    const fix = run.stdout.indexOf('reached the API');
    expect(first).toBeGreaterThan(0);
    expect(fix).toBeGreaterThan(first);
  });
});

describe('help', () => {
  it('teaches the commands and the exit statuses', async () => {
    const run = await runCli('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Exit status');
    for (const cmd of ['trace', 'check', 'show', 'demo']) expect(run.stdout).toContain(cmd);
  });
});
