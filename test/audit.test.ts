// `vpcpath audit` and `vpcpath diff`: the motivating outage, each finding kind triggered and not, SARIF at the
// template line, and the flags every command shares (--facts, --query-logs).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, FindingKind } from '../src/audit/finding.js';
import type { SarifLog } from '../src/report/sarif.js';
import { runCli } from './support/run-cli.js';
import { describeIssues, issuesOf, validateSarif } from './support/sarif-validator.js';
import { REPO, SHARED } from './support/shared.js';

const OUTAGE = `${REPO}test/audit/outage/`;
const ESTATE = `${REPO}test/audit/estate/`;
const SEED = `${REPO}examples/seed/`;
const TOKYO = ['--region', 'ap-northeast-1'];
const partner = ['--facts', `${OUTAGE}facts.yaml`, '--query-logs', `${OUTAGE}queries.jsonl`, ...TOKYO];

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'vpcpath-audit-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface AuditJson { findings: Finding[]; stats: { pairs: number; traced: number }; notes: string[] }

async function auditJson(...args: string[]): Promise<{ code: number; out: AuditJson }> {
  const run = await runCli('audit', ...args, '--json');
  expect(run.stderr).toBe('');
  return { code: run.code, out: JSON.parse(run.stdout) as AuditJson };
}

const kinds = (fs: Finding[]) => fs.map((f) => f.kind);
const ofKind = (fs: Finding[], k: FindingKind) => fs.filter((f) => f.kind === k);

/** The line of the first occurrence of `text` in a file, 1-based: so no test hard-codes a line number. */
function lineOf(file: string, text: string): number {
  return readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;
}

/** A conformance scenario's inline template, written out as a template file. */
function conformanceTemplate(name: string): string {
  const text = readFileSync(`${SHARED}conformance/${name}`, 'utf8');
  const body = text.slice(text.indexOf('template: |\n') + 'template: |\n'.length);
  const lines = body.split('\n');
  const end = lines.findIndex((l) => l.length > 0 && !l.startsWith('  '));
  const path = join(dir, name.replace('.yaml', '.template.yaml'));
  writeFileSync(path, lines.slice(0, end).map((l) => l.slice(2)).join('\n'));
  return path;
}

describe('the motivating outage: an execute-api endpoint with private DNS added to a VPC that calls a partner\'s public API', () => {
  it('diff exits 1 and names the broken hostname, located at the endpoint\'s PrivateDnsEnabled line', async () => {
    const run = await runCli('diff', `${OUTAGE}before.yaml`, `${OUTAGE}after.yaml`, ...partner);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/ERROR +a1b2c3d4e5\.execute-api\.ap-northeast-1\.amazonaws\.com no longer reached from Vpc: now not reached \(public-api-via-vpc-endpoint, 403\)/);
    expect(run.stdout).toContain(`after.yaml:${lineOf(`${OUTAGE}after.yaml`, 'PrivateDnsEnabled: true')}:`);
    const json = JSON.parse((await runCli('diff', `${OUTAGE}before.yaml`, `${OUTAGE}after.yaml`, ...partner, '--json')).stdout) as {
      broken: number; changes: { host: string; from: string; broken: boolean; before: { reached: boolean }; after: { cause: string; status: number } }[];
    };
    expect(json.broken).toBeGreaterThan(0);
    expect(json.changes.filter((c) => c.broken)).toEqual(json.changes.filter((c) => c.host === 'a1b2c3d4e5.execute-api.ap-northeast-1.amazonaws.com' && c.broken));
    expect(json.changes.find((c) => c.broken)).toMatchObject({ from: 'AppInstance', before: { reached: true }, after: { cause: 'public-api-via-vpc-endpoint', status: 403 } });
  });

  it('diff of a version against itself changes nothing and exits 0', async () => {
    const run = await runCli('diff', `${OUTAGE}after.yaml`, `${OUTAGE}after.yaml`, ...partner);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('no pair that reached its target is broken');
  });

  it('audit of the changed VPC reports the queried name as an error at the endpoint, with the log line', async () => {
    const { code, out } = await auditJson(`${OUTAGE}after.yaml`, ...partner);
    expect(code).toBe(1);
    const [f] = ofKind(out.findings, 'queried-public-api-captured');
    expect(f).toMatchObject({ severity: 'error', cause: 'public-api-via-vpc-endpoint' });
    expect(f!.title).toContain('a1b2c3d4e5.execute-api.ap-northeast-1.amazonaws.com');
    expect(f!.location).toMatchObject({ line: lineOf(`${OUTAGE}after.yaml`, 'PrivateDnsEnabled: true'), logicalId: 'ApiEndpoint' });
    expect(f!.related).toEqual([expect.objectContaining({ origin: expect.objectContaining({ line: 1 }), message: expect.stringContaining('i-0a1b2c3d4e5f60718') })]);
    // The log's VPC id is real, the template's made up: the match is said, never silent.
    expect(out.notes.join('\n')).toMatch(/vpc-0c1a2b3c4d5e6f708, not in the model; matched to Vpc/);
  });

  it('audit before the change has no finding, the same logs and facts notwithstanding', async () => {
    const { code, out } = await auditJson(`${OUTAGE}before.yaml`, ...partner);
    expect(code).toBe(0);
    expect(out.findings).toEqual([]);
  });

  it('without the partner\'s facts the captured name is a warning naming what is unknown, not an error', async () => {
    const { code, out } = await auditJson(`${OUTAGE}after.yaml`, '--query-logs', `${OUTAGE}queries.jsonl`, ...TOKYO);
    expect(code).toBe(0);
    expect(ofKind(out.findings, 'queried-public-api-captured')).toEqual([expect.objectContaining({ severity: 'warning', cause: 'missing-facts' })]);
  });
});

// queried-public-api-captured is triggered (after) and not (before) by the outage tests above.
describe('each finding kind: a scenario that triggers it and one that must not', () => {
  it('public-api-default-url-unreachable: the seed\'s public API from its VPC; not once the endpoint is gone', async () => {
    const seed = await auditJson(`${SEED}network.yaml`, `${SEED}api.yaml`, '--facts', `${SEED}facts.yaml`, ...TOKYO);
    const [f] = ofKind(seed.out.findings, 'public-api-default-url-unreachable');
    expect(f).toMatchObject({ severity: 'warning', cause: 'public-api-via-vpc-endpoint' });
    expect(f!.location).toMatchObject({ line: lineOf(`${SEED}network.yaml`, 'PrivateDnsEnabled: true') });
    expect(f!.pairs.map((p) => p.target)).toEqual([expect.stringMatching(/execute-api\.ap-northeast-1\.amazonaws\.com\/dev\/items$/)]);
    const before = await auditJson(`${OUTAGE}before.yaml`, `${ESTATE}public-api.yaml`, ...TOKYO, '--parameter', 'RecordType=ALIAS');
    expect(kinds(before.out.findings)).not.toContain('public-api-default-url-unreachable');
  });

  it('custom-domain-cname-captured: a Regional domain published as a CNAME; not as a Route 53 alias', async () => {
    const cname = await auditJson(`${OUTAGE}after.yaml`, `${ESTATE}public-api.yaml`, ...TOKYO);
    expect(cname.code).toBe(1);
    const [f] = ofKind(cname.out.findings, 'custom-domain-cname-captured');
    expect(f).toMatchObject({ severity: 'error' });
    expect(f!.title).toMatch(/^orders\.example\.com: its CNAME to d-[a-z0-9]+\.execute-api\.ap-northeast-1\.amazonaws\.com/);
    expect(f!.location).toMatchObject({ line: lineOf(`${ESTATE}public-api.yaml`, 'OrdersRecord:'), logicalId: 'OrdersRecord' });
    const alias = await auditJson(`${OUTAGE}after.yaml`, `${ESTATE}public-api.yaml`, ...TOKYO, '--parameter', 'RecordType=ALIAS');
    expect(kinds(alias.out.findings)).not.toContain('custom-domain-cname-captured');
  });

  it('private-api-open-to-any-endpoint: a policy without aws:SourceVpce; not the seed\'s, which names its endpoint', async () => {
    const open = await auditJson(`${OUTAGE}after.yaml`, `${ESTATE}private-api.yaml`, ...TOKYO);
    expect(ofKind(open.out.findings, 'private-api-open-to-any-endpoint')).toEqual([expect.objectContaining({
      severity: 'warning', location: expect.objectContaining({ line: lineOf(`${ESTATE}private-api.yaml`, 'Policy:') }),
    })]);
    const seed = await auditJson(`${SEED}network.yaml`, `${SEED}api.yaml`, '--facts', `${SEED}facts.yaml`, ...TOKYO);
    expect(kinds(seed.out.findings)).not.toContain('private-api-open-to-any-endpoint');
  });

  it('private-api-unreachable: a policy that admits only a stranger\'s endpoint; not the seed\'s private API', async () => {
    const closed = await auditJson(`${OUTAGE}after.yaml`, `${ESTATE}private-api.yaml`, ...TOKYO, '--parameter', 'AllowedEndpoint=vpce-0123456789abcdef0');
    expect(ofKind(closed.out.findings, 'private-api-unreachable')).toEqual([expect.objectContaining({ severity: 'warning', cause: 'resource-policy-denied' })]);
    const seed = await auditJson(`${SEED}network.yaml`, `${SEED}api.yaml`, '--facts', `${SEED}facts.yaml`, ...TOKYO);
    expect(kinds(seed.out.findings)).not.toContain('private-api-unreachable');
    const open = await auditJson(`${OUTAGE}after.yaml`, `${ESTATE}private-api.yaml`, ...TOKYO);
    expect(kinds(open.out.findings)).not.toContain('private-api-unreachable');
  });

  it('endpoint-security-group-excludes-own-vpc: conformance 13\'s endpoint group; not the seed\'s, which admits the VPC', async () => {
    const template = conformanceTemplate('13-endpoint-security-group-denies.yaml');
    const denied = await auditJson(template, ...TOKYO);
    const [f] = ofKind(denied.out.findings, 'endpoint-security-group-excludes-own-vpc');
    expect(f).toMatchObject({ severity: 'warning', cause: 'security-group-denied' });
    expect(f!.message).toContain('AppInstance');
    const seed = await auditJson(`${SEED}network.yaml`, `${SEED}api.yaml`, '--facts', `${SEED}facts.yaml`, ...TOKYO);
    expect(kinds(seed.out.findings)).not.toContain('endpoint-security-group-excludes-own-vpc');
  });
});

describe('SARIF for audit and diff', () => {
  it('passes Microsoft\'s validator and puts the finding at the template line to change', async () => {
    const audit = await runCli('audit', `${OUTAGE}after.yaml`, ...partner, '--format', 'sarif');
    const diff = await runCli('diff', `${OUTAGE}before.yaml`, `${OUTAGE}after.yaml`, ...partner, '--format', 'sarif');
    expect(audit.code).toBe(1);
    expect(diff.code).toBe(1);
    const files = [join(dir, 'audit.sarif'), join(dir, 'diff.sarif')];
    writeFileSync(files[0]!, audit.stdout);
    writeFileSync(files[1]!, diff.stdout);
    const issues = validateSarif(files);
    for (const f of files) expect(issuesOf(issues, f, 'error'), describeIssues(issues)).toEqual([]);
    const line = lineOf(`${OUTAGE}after.yaml`, 'PrivateDnsEnabled: true');
    for (const text of [audit.stdout, diff.stdout]) {
      const log = JSON.parse(text) as SarifLog;
      const result = log.runs[0]!.results.find((r) => r.level === 'error')!;
      const loc = result.locations![0]!.physicalLocation!;
      expect(loc.artifactLocation!.uri).toMatch(/test\/audit\/outage\/after\.yaml$/);
      expect(loc.region).toMatchObject({ startLine: line });
    }
  }, 60_000);
});

describe('bad input', () => {
  it('a query log line that is not JSON is an error at file:line:column, exit 2', async () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, `${readFileSync(`${OUTAGE}queries.jsonl`, 'utf8').split('\n')[0]}\n  {"vpc_id": "vpc-1", "query_name": \n`);
    const run = await runCli('audit', `${OUTAGE}after.yaml`, '--query-logs', bad, ...TOKYO);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.jsonl:2:3: not a JSON query log line/);
  });
});
