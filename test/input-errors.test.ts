// Bad input never shows a stack trace: exit status 2 and a message with file, line and column.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, SHARED } from './support/shared.js';
import { runCli } from './support/run-cli.js';

const seedScenario = readFileSync(`${SHARED}conformance/01-public-api-default-url-private-dns-403.yaml`, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'vpcpath-input-'));

function scenarioWith(name: string, text: string): string {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, text);
  return path;
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

const cases: { name: string; edit: (t: string) => string; needle: string; message: RegExp }[] = [
  { name: 'invalid-yaml-scenario', edit: (t) => t.replace('title: Public', 'title: [Public'), needle: '', message: /YAML/i },
  { name: 'invalid-yaml-template', edit: (t) => t.replace('        CidrBlock: 10.0.1.0/24', '        CidrBlock: [10.0.1.0/24'), needle: 'CidrBlock: [10.0.1.0/24', message: /YAML|flow|collection/i },
  { name: 'dangling-ref', edit: (t) => t.replace('RouteTableId: !Ref PublicRouteTable\n', 'RouteTableId: !Ref NoSuchTable\n'), needle: 'NoSuchTable', message: /NoSuchTable/ },
  { name: 'unknown-intrinsic', edit: (t) => t.replace('CidrIp: !GetAtt Vpc.CidrBlock', 'CidrIp: { "Fn::Foo": x }'), needle: 'Fn::Foo', message: /Fn::Foo/ },
  { name: 'ref-wrong-type', edit: (t) => t.replace('- !Ref PublicSubnet\n        SecurityGroupIds', '- !Ref AppSecurityGroup\n        SecurityGroupIds'), needle: '- !Ref AppSecurityGroup', message: /AppSecurityGroup/ },
  { name: 'unknown-from', edit: (t) => t.replace('from: AppInstance', 'from: NoSuchInstance'), needle: 'from: NoSuchInstance', message: /NoSuchInstance/ },
  { name: 'malformed-url', edit: (t) => t.replace('request: GET https://${PublicApi}', 'request: GET htps//${PublicApi}'), needle: 'request: GET htps', message: /not a URL|URL/ },
  { name: 'unknown-key', edit: (t) => t.replace('    expect:\n', '    expect:\n      stauts: 403\n'), needle: 'stauts', message: /unknown key 'stauts'/ },
];

describe('input errors', () => {
  for (const c of cases) {
    it(`${c.name}: exit 2, file:line:column, no stack trace`, async () => {
      const text = c.edit(seedScenario);
      expect(text, 'the edit applies').not.toBe(seedScenario);
      const path = scenarioWith(c.name, text);
      const run = await runCli('check', path);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(c.message);
      const where = new RegExp(`${c.name}\\.yaml:(\\d+):(\\d+):`);
      const m = where.exec(run.stderr);
      expect(m, run.stderr).not.toBeNull();
      if (c.needle) expect(Number(m![1])).toBe(lineOf(text, c.needle));
      expect(run.stderr + run.stdout).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
    });
  }

  it('a CNAME loop is a dns-failure, not an input error', async () => {
    const text = seedScenario.replace('checks:', [
      'facts:', '  dns:',
      '    - { name: a.example.com, type: CNAME, value: b.example.com }',
      '    - { name: b.example.com, type: CNAME, value: a.example.com }',
      'checks:',
      '  - name: loop', '    from: AppInstance', '    request: GET https://a.example.com/',
      '    expect: { reached: false, result: dns-failure, cause: nxdomain }',
    ].join('\n')).replace(/\n  - name: default URL[\s\S]*$/, '\n');
    const run = await runCli('check', scenarioWith('cname-loop', text));
    expect(run.stdout, run.stderr).toContain('1 passed, 0 failed');
    expect(run.code).toBe(0);
  });

  it('a trace that depends on an ImportValue of a stack not loaded answers unknown and names the import', async () => {
    const api = readFileSync(`${REPO}examples/seed/api.yaml`, 'utf8').replace('seed-network-ApiEndpointId', 'shared-services-ApiEndpointId');
    mkdirSync(join(dir, 'import'), { recursive: true });
    writeFileSync(join(dir, 'import', 'api.yaml'), api);
    const run = await runCli('trace', `${REPO}examples/seed/network.yaml`, join(dir, 'import', 'api.yaml'), '--region', 'ap-northeast-1',
      '--from', 'AppInstance', '--url', 'https://${PrivateApi}.execute-api.${AWS::Region}.amazonaws.com/prod/', '--json');
    const json = JSON.parse(run.stdout);
    expect(json.answer.result).toBe('unknown');
    expect(json.cause.code).toBe('missing-facts');
    expect(JSON.stringify(json.missing)).toContain('shared-services-ApiEndpointId');
  });
});
