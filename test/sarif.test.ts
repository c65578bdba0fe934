// SARIF 2.1.0 output: findings and `vpcpath check --format sarif`, checked by Microsoft's SARIF validator
// (Sarif.Multitool, with GitHub code scanning's rules) and by what GitHub needs to place and de-duplicate alerts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/audit/finding.js';
import { findingsToSarif, FINGERPRINT_KEY, type SarifLog } from '../src/report/sarif.js';
import { runCli } from './support/run-cli.js';
import { describeIssues, issuesOf, validateSarif, type ValidatorIssue } from './support/sarif-validator.js';
import { SHARED } from './support/shared.js';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'vpcpath-sarif-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, log: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(log, null, 2));
  return path;
};
const noErrors = (issues: ValidatorIssue[], file: string) => expect(issuesOf(issues, file, 'error'), describeIssues(issues)).toEqual([]);

/** A few findings of several kinds: located, located by file only, placed by a related location, placed by nothing. */
function findings(base: string): Finding[] {
  const network = `${base}/infra/network.yaml`;
  const api = `${base}/infra/my stacks/api.yaml`;
  const captured: Finding = {
    kind: 'queried-public-api-captured', severity: 'error',
    title: 'items-public (a1b2c3d4e5) is asked from Vpc but answered by ApiEndpoint',
    message: 'ApiEndpoint\'s private DNS answers *.execute-api.ap-northeast-1.amazonaws.com (R4); the endpoint serves private APIs only (R12). [R4](see) is not a link.',
    cause: 'public-api-via-vpc-endpoint', rules: ['R4', 'R12'],
    location: { file: network, line: 65, column: 7, path: 'Resources.ApiEndpoint.Properties.PrivateDnsEnabled', stack: 'network', logicalId: 'ApiEndpoint' },
    related: [
      { message: 'the API', origin: { file: api, line: 11, column: 3, stack: 'api', logicalId: 'PublicApi' } },
      { message: 'the VPC', origin: { file: network, line: 3, stack: 'network', logicalId: 'Vpc' } },
    ],
    pairs: [{
      from: ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7'], vpcs: ['Vpc'], target: 'https://a1b2c3d4e5.execute-api.ap-northeast-1.amazonaws.com/dev/items',
      outcome: { reached: false, result: 'http', status: 403, cause: 'public-api-via-vpc-endpoint' },
    }],
  };
  const broken: Finding = {
    kind: 'pair-broken', severity: 'error', title: 'AppInstance no longer reaches items-public', message: 'The change turns private DNS on.', omittedPairs: 4,
    rules: ['R4'], location: { file: network, line: 70, stack: 'network' }, related: [],
    pairs: [{
      from: ['AppInstance'], vpcs: ['Vpc'], target: 'https://api.example.com/items',
      outcome: { reached: false, result: 'timeout', cause: 'security-group-denied' },
      before: { reached: true, result: 'reached', cause: 'ok' },
    }],
  };
  const changed: Finding = {
    kind: 'pair-changed', severity: 'note', title: 'Worker now reaches items-private', message: 'An endpoint was added.',
    rules: [], location: { file: `${base}/infra/other.yaml` }, related: [],
    pairs: [{ from: ['Worker'], vpcs: [], target: 'https://private.example.com/', outcome: { reached: true, result: 'reached', cause: 'ok' }, before: { reached: false, result: 'http', status: 403, cause: 'private-api-outside-endpoint' } }],
  };
  const open: Finding = {
    kind: 'private-api-open-to-any-endpoint', severity: 'warning', title: 'PrivateApi admits any VPC endpoint',
    message: 'Its resource policy has no aws:SourceVpce or aws:SourceVpc condition (R20).', rules: ['R20'],
    related: [{ message: 'the policy', origin: { file: api, line: 40, column: 9, stack: 'api', logicalId: 'PrivateApi' } }], pairs: [],
  };
  const unreachable: Finding = {
    kind: 'private-api-unreachable', severity: 'warning', title: 'Nobody reaches PartnerApi', message: 'No workload has an execute-api endpoint.',
    cause: 'private-api-outside-endpoint', rules: ['R24'], related: [], pairs: [],
  };
  const outside: Finding = {
    kind: 'endpoint-security-group-excludes-own-vpc', severity: 'warning', title: 'EndpointSg shuts out 10.0.2.0/24', message: 'Ingress admits 10.0.1.0/24 only (R22).',
    rules: ['R22'], location: { file: '/elsewhere/shared/sg.yaml', line: 12, column: 5, logicalId: 'EndpointSg' }, related: [], pairs: [],
  };
  return [captured, broken, changed, open, unreachable, outside];
}

describe('findingsToSarif', () => {
  it('writes rules, levels, locations and fingerprints, and passes the SARIF validator (GitHub rules included)', () => {
    const base = join(dir, 'repo');
    const fs = findings(base);
    const log = findingsToSarif(fs, { toolVersion: '0.1.0', baseDir: base, inputs: [`${base}/infra/network.yaml`] });
    const run = log.runs[0]!;
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver).toMatchObject({ name: 'vpcpath', version: '0.1.0', informationUri: expect.stringMatching(/^https:/) });
    // One rule per kind used, results pointing at it.
    const ruleIds = run.tool.driver.rules.map((r) => r.id);
    expect(new Set(ruleIds)).toEqual(new Set(fs.map((f) => f.kind)));
    for (const r of run.results) expect(ruleIds[r.ruleIndex]).toBe(r.ruleId);
    expect(run.tool.driver.rules.find((r) => r.id === 'pair-broken')).toMatchObject({ name: 'PairBroken', defaultConfiguration: { level: 'error' } });
    expect(run.results.map((r) => r.level)).toEqual(['error', 'error', 'note', 'warning', 'warning', 'warning']);
    expect(run.originalUriBaseIds?.['%SRCROOT%']?.uri).toMatch(/^file:\/\/.*\/repo\/$/);

    const [captured, broken, changed, open, unreachable, outside] = run.results;
    const loc = (r: typeof captured) => r!.locations?.[0];
    expect(loc(captured)).toMatchObject({
      physicalLocation: { artifactLocation: { uri: 'infra/network.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 65, startColumn: 7 } },
      logicalLocations: [{ name: 'ApiEndpoint', fullyQualifiedName: 'network/ApiEndpoint', kind: 'resource' }],
    });
    expect(captured!.relatedLocations?.map((l) => l.physicalLocation?.artifactLocation.uri)).toEqual(['infra/my%20stacks/api.yaml', 'infra/network.yaml']);
    expect(captured!.relatedLocations?.map((l) => l.id)).toEqual([1, 2]);
    expect(captured!.message.text).toContain('A1, A2, A3, A4, A5, and 2 more in Vpc -> https://a1b2c3d4e5');
    expect(captured!.message.text).toContain('HTTP 403 (public-api-via-vpc-endpoint)');
    expect(captured!.message.text).toContain('\\[R4\\](see)');
    expect(captured!.properties).toMatchObject({ cause: 'public-api-via-vpc-endpoint', rules: ['R4', 'R12'] });
    expect(broken!.message.text).toContain('reached before, now timeout (security-group-denied); 4 more not listed.');
    expect(broken!.properties).toMatchObject({ omittedPairs: 4 });
    expect(loc(broken)).toMatchObject({ physicalLocation: { region: { startLine: 70 } }, logicalLocations: [{ name: 'network', kind: 'module' }] });
    // No line: no region.
    expect(loc(changed)!.physicalLocation).toEqual({ artifactLocation: { uri: 'infra/other.yaml', uriBaseId: '%SRCROOT%' } });
    // No location: the file of the first related location, then the first input, without a region.
    expect(loc(open)!.physicalLocation).toEqual({ artifactLocation: { uri: 'infra/my%20stacks/api.yaml', uriBaseId: '%SRCROOT%' } });
    expect(loc(unreachable)!.physicalLocation).toEqual({ artifactLocation: { uri: 'infra/network.yaml', uriBaseId: '%SRCROOT%' } });
    // Outside baseDir: an absolute file URI.
    expect(loc(outside)!.physicalLocation?.artifactLocation).toEqual({ uri: 'file:///elsewhere/shared/sg.yaml' });

    // Fingerprints: stable across runs and line moves, distinct per finding.
    const prints = run.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    expect(new Set(prints).size).toBe(prints.length);
    const moved = fs.map((f) => (f.location?.line ? { ...f, location: { ...f.location, line: f.location.line + 10 } } : f));
    expect(findingsToSarif(moved, { toolVersion: '0.2.0', baseDir: base, inputs: [`${base}/infra/network.yaml`] }).runs[0]!.results
      .map((r) => r.partialFingerprints[FINGERPRINT_KEY])).toEqual(prints);

    // A finding nothing places: a valid result without locations (GitHub's upload wants one, and says so).
    const bare = findingsToSarif([fs[4]!], { toolVersion: '0.1.0', baseDir: base });
    expect(bare.runs[0]!.results[0]!.locations).toBeUndefined();
    const empty = findingsToSarif([], { toolVersion: '0.1.0', baseDir: base });
    expect(empty.runs[0]!.tool.driver.rules).toEqual([]);
    expect(empty.runs[0]!.results).toEqual([]);

    const files = { all: write('findings.sarif', log), bare: write('bare.sarif', bare), empty: write('empty.sarif', empty) };
    const issues = validateSarif(Object.values(files));
    noErrors(issues, files.all);
    noErrors(issues, files.empty);
    const bareErrors = issuesOf(issues, files.bare, 'error');
    expect(bareErrors.filter((i) => !i.ruleId.startsWith('GH')), describeIssues(bareErrors)).toEqual([]);
    expect(bareErrors.every((i) => /locations/.test(i.message)), describeIssues(bareErrors)).toBe(true);
  });
});

describe('vpcpath check --format sarif', () => {
  const seedScenario = `${SHARED}conformance/01-public-api-default-url-private-dns-403.yaml`;

  it('places a failed check at the template line to change, reports bad files, gives nothing for passing checks; the validator accepts all three', async () => {
    const text = readFileSync(seedScenario, 'utf8');
    expect(text).toMatch(/reached: false/);
    const failing = join(dir, 'wrong-expectation.yaml');
    writeFileSync(failing, text.replace('reached: false', 'reached: true'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, `${text}\nunexpected: 1\n`);

    const fail = await runCli('check', '--format', 'sarif', failing);
    expect(fail.code).toBe(1);
    const failLog = JSON.parse(fail.stdout) as SarifLog;
    const run = failLog.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['check-failed']);
    expect(run.results).toHaveLength(1);
    const result = run.results[0]!;
    expect(result).toMatchObject({ ruleId: 'check-failed', ruleIndex: 0, level: 'error', properties: { cause: 'public-api-via-vpc-endpoint' } });
    expect(result.message.text).toContain('reached: expected true, got false');
    // The cause's origin: ApiEndpoint's PrivateDnsEnabled in the scenario's inline template.
    const lines = failingLines(failing);
    const dnsLine = lines.findIndex((l) => /^\s+PrivateDnsEnabled: true/.test(l)) + 1;
    const physical = result.locations![0]!.physicalLocation!;
    expect(fileURLToPath(physical.artifactLocation.uri)).toBe(failing);
    expect(physical.region).toEqual({ startLine: dnsLine, startColumn: lines[dnsLine - 1]!.indexOf('PrivateDnsEnabled') + 1 });
    expect(result.locations![0]!.logicalLocations).toEqual([{ name: 'ApiEndpoint', fullyQualifiedName: 'template/ApiEndpoint', kind: 'resource' }]);
    // The check itself, as a related location.
    const checkLine = lines.findIndex((l) => /^\s+- name: /.test(l)) + 1;
    expect(result.relatedLocations?.[0]?.physicalLocation?.region?.startLine).toBe(checkLine);
    expect(result.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{64}$/);

    const badRun = await runCli('check', '--format', 'sarif', bad, failing);
    expect(badRun.code).toBe(2);
    const badResults = (JSON.parse(badRun.stdout) as SarifLog).runs[0]!.results;
    const inputError = badResults.find((r) => r.ruleId === 'input-error')!;
    expect(inputError.level).toBe('error');
    expect(inputError.message.text).toContain("unknown key 'unexpected'");
    expect(inputError.locations![0]!.physicalLocation!.region).toEqual({ startLine: failingLines(bad).indexOf('unexpected: 1') + 1, startColumn: 1 });
    expect(badResults.map((r) => r.ruleId)).toEqual(['input-error', 'check-failed']);

    const pass = await runCli('check', '--format', 'sarif', seedScenario);
    expect(pass.code).toBe(0);
    const passLog = JSON.parse(pass.stdout) as SarifLog;
    expect(passLog.runs[0]!.results).toEqual([]);
    expect(passLog.runs[0]!.tool.driver.rules).toEqual([]);

    const files = { fail: write('check-fail.sarif', failLog), bad: write('check-bad.sarif', JSON.parse(badRun.stdout)), pass: write('check-pass.sarif', passLog) };
    const issues = validateSarif(Object.values(files));
    for (const f of Object.values(files)) noErrors(issues, f);
  });

  it('keeps --json as --format json and refuses the two asking for different outputs', async () => {
    const json = await runCli('check', '--json', seedScenario);
    const format = await runCli('check', '--format', 'json', seedScenario);
    expect(format.stdout).toBe(json.stdout);
    expect(JSON.parse(json.stdout).passed).toBe(1);
    const both = await runCli('check', '--json', '--format', 'sarif', seedScenario);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--json and --format sarif');
    expect((await runCli('check', '--format', 'xml', seedScenario)).code).toBe(2);
  });
});

function failingLines(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n');
}
