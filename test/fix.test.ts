// vpcpath fix: every failing conformance check gets verified fixes; the seed's claims; JSON shape; --apply.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixScenario, loadScenarioForFix, proposeFixes, type VerifiedFix } from '../src/fix/index.js';
import { get } from '../src/fix/requests.js';
import { runCli } from './support/run-cli.js';
import { REPO, SHARED } from './support/shared.js';

const conf = (prefix: string) => {
  const loaded = loadScenarioForFix(`${SHARED}conformance/${prefix}`).loaded;
  if (!loaded) throw new Error(`cannot load ${prefix}`);
  return loaded;
};
const seed = (f: string) => `${REPO}examples/seed/${f}`;

// The failing checks of the conformance suite and the fixes each must get (a fix id prefix -> the request after).
const EXPECTED: [string, string, Record<string, RegExp>][] = [
  ['01-public-api-default-url-private-dns-403.yaml', 'default URL', { 'edge-custom-domain:PublicApi': /^GET https:\/\/api\.example\.com\/items$/, 'private-dns-off:ApiEndpoint': /\/dev\/items$/, 'regional-custom-domain:PublicApi': /api\.example\.com\/items$/ }],
  ['04-edge-api-default-url-private-dns-403.yaml', 'EDGE API', { 'edge-custom-domain:PublicApi': /api\.example\.com\/items$/, 'private-dns-off:ApiEndpoint': /\/dev\/items$/ }],
  ['06-partner-public-api-403.yaml', 'partner', { 'edge-custom-domain:a1b2c3d4e5': /partner-api\.example\.com\/orders$/, 'private-dns-off:ApiEndpoint': /a1b2c3d4e5\.execute-api/ }],
  ['12-customer-zone-shadows-public-api.yaml', 'no record', { 'narrow-private-zone:PrivateZone': /\/dev\/items$/ }],
  ['13-endpoint-security-group-denies.yaml', 'security group', { 'security-group-rule:EndpointSecurityGroup': /\/prod\/$/ }],
  ['14-wrong-stage-or-path-403.yaml', 'stage name', { 'stage-or-path:prod/items': /\/prod\/items$/ }],
  ['14-wrong-stage-or-path-403.yaml', 'resource path', { 'stage-or-path:prod/items': /\/prod\/items$/ }],
  ['15-default-endpoint-disabled.yaml', 'disabled', { 'enable-default-endpoint:PublicApi': /\/dev\/items$/, 'edge-custom-domain:PublicApi': /api\.example\.com\/items$/ }],
  ['16-http-api-default-url-private-dns.yaml', 'HTTP API', { 'regional-custom-domain:HttpApi': /api\.example\.com\/items$/, 'private-dns-off:ApiEndpoint': /\/items$/ }],
  ['17-lambda-no-public-ip-edge-domain.yaml', 'no public IP', { 'nat-gateway:ItemsClientFunction': /api\.example\.com\/items$/ }],
];

const byId = (fixes: VerifiedFix[], id: string) => fixes.find((f) => f.id === id);

describe('vpcpath fix on every failing conformance check', () => {
  it.each(EXPECTED)('%s: %s', (file, checkName, expected) => {
    const results = fixScenario(conf(file));
    const result = results.find((r) => r.check.includes(checkName));
    expect(result, `a result for the check '${checkName}'`).toBeDefined();
    expect(result!.fixes.length).toBeGreaterThan(0);
    for (const fix of result!.fixes) {
      expect(fix.verified).toBe(true);
      expect(fix.after).toMatchObject({ reached: true, cause: 'ok', result: 'reached' });
      expect(fix.trace.reached).toBe(true);
    }
    for (const [id, request] of Object.entries(expected)) {
      const fix = byId(result!.fixes, id);
      expect(fix, `fix ${id} among ${result!.fixes.map((f) => f.id).join(', ')}`).toBeDefined();
      expect(fix!.request).toMatch(request);
    }
  });

  it('leaves out checks that reach their API (02, 12 second check, 17 second check)', () => {
    expect(fixScenario(conf('02-edge-custom-domain-fix.yaml'))).toEqual([]);
    expect(fixScenario(conf('12-customer-zone-shadows-public-api.yaml')).map((r) => r.check)).toHaveLength(1);
    expect(fixScenario(conf('17-lambda-no-public-ip-edge-domain.yaml')).map((r) => r.check)).toHaveLength(1);
  });
});

describe('the seed claims', () => {
  it('01: the EDGE custom domain has no side effects; private DNS off lists the private API call that then fails', () => {
    const [result] = fixScenario(conf('01-public-api-default-url-private-dns-403.yaml'));
    const edge = byId(result!.fixes, 'edge-custom-domain:PublicApi')!;
    expect(edge.sideEffects).toEqual([]);
    expect(edge.patch.edits[0]!.kind).toBe('insert');
    // 01's template holds no private API; the endpoint's private DNS exists to call private APIs by their default
    // URL, so the side effect is simulated on a stand-in private API that admits the endpoint, and marked as such.
    const off = byId(result!.fixes, 'private-dns-off:ApiEndpoint')!;
    expect(off.sideEffects).toEqual([{
      from: 'AppInstance',
      request: 'GET https://{private-api-id}.execute-api.ap-northeast-1.amazonaws.com/{stage}/',
      before: expect.objectContaining({ reached: true, cause: 'ok' }),
      after: expect.objectContaining({ reached: false, cause: 'private-api-outside-endpoint', status: 403 }),
      hypothetical: expect.stringMatching(/holds no private API/),
    }]);
    expect(off.patch.edits).toEqual([expect.objectContaining({ kind: 'replace', to: expect.stringContaining('PrivateDnsEnabled: false') })]);
    // Ranked after the fixes without side effects.
    expect(result!.fixes.at(-1)!.id).toBe('private-dns-off:ApiEndpoint');
  });

  it('a template that has a private API gets its real call as the side effect, not a stand-in', () => {
    const loaded = conf('02-edge-custom-domain-fix.yaml');
    const api = loaded.model.apis.find((a) => a.name === 'PublicApi')!;
    const request = get(`https://${api.id}.execute-api.ap-northeast-1.amazonaws.com/dev/items`)!;
    const fixes = proposeFixes({ model: loaded.model, from: 'AppInstance', request, texts: loaded.texts, region: 'ap-northeast-1', account: '111111111111' });
    expect(byId(fixes, 'private-dns-off:ApiEndpoint')!.sideEffects.filter((s) => s.hypothetical)).toEqual([]);
  });

  it('02\'s template: turning private DNS off breaks the private API called by its default URL', () => {
    const loaded = conf('02-edge-custom-domain-fix.yaml');
    const api = loaded.model.apis.find((a) => a.name === 'PublicApi')!;
    const request = get(`https://${api.id}.execute-api.ap-northeast-1.amazonaws.com/dev/items`)!;
    const fixes = proposeFixes({ model: loaded.model, from: 'AppInstance', request, texts: loaded.texts, region: 'ap-northeast-1', account: '111111111111', checks: loaded.checks });
    const off = byId(fixes, 'private-dns-off:ApiEndpoint')!;
    const priv = loaded.model.apis.find((a) => a.name === 'PrivateApi')!;
    const broken = off.sideEffects.filter((s) => s.request.includes(`${priv.id}.execute-api`));
    expect(broken.length).toBeGreaterThan(0);
    for (const s of broken) {
      expect(s.before.reached).toBe(true);
      expect(s.after.reached).toBe(false);
    }
    expect(off.description).toContain(`${priv.id}-vpce-`);
    // The existing EDGE domain is the first, side-effect-free proposal; private DNS off ranks after it.
    expect(fixes[0]!.id).toBe('existing-custom-domain:api.example.com');
    expect(fixes[0]!.sideEffects).toEqual([]);
    expect(fixes.indexOf(off)).toBe(fixes.length - 1);
  });

  it('06: the partner API\'s custom domain is a request to its owner', () => {
    const [result] = fixScenario(conf('06-partner-public-api-403.yaml'));
    for (const id of ['edge-custom-domain:a1b2c3d4e5', 'regional-custom-domain:a1b2c3d4e5']) {
      const fix = byId(result!.fixes, id)!;
      expect(fix.ownerAction).toMatch(/^Ask the owner of API a1b2c3d4e5/);
      expect(fix.patch.edits).toEqual([]);
    }
  });

  it('examples/seed: the CLI lists the private API call that fails once private DNS is off', async () => {
    const run = await runCli('fix', seed('network.yaml'), seed('api.yaml'), '--facts', seed('facts.yaml'), '--region', 'ap-northeast-1',
      '--from', 'AppInstance', '--url', 'https://${PublicApi}.execute-api.${AWS::Region}.amazonaws.com/dev/items', '--json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { fixes: { id: string; verified: boolean; after: { reached: boolean; cause: string }; side_effects: { from: string; request: string; before: { reached: boolean }; after: { reached: boolean; cause: string } }[]; owner_action: string | null; patch: { diff: string } }[] };
    for (const f of out.fixes) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['id', 'title', 'verified', 'after', 'side_effects', 'owner_action', 'patch']));
      expect(f.verified).toBe(true);
      expect(f.after).toMatchObject({ reached: true, cause: 'ok' });
    }
    const off = out.fixes.find((f) => f.id === 'private-dns-off:ApiEndpoint')!;
    expect(off.side_effects).toEqual([expect.objectContaining({ from: 'AppInstance', before: expect.objectContaining({ reached: true }), after: expect.objectContaining({ reached: false, cause: 'private-api-outside-endpoint' }) })]);
    expect(off.patch.diff).toMatch(/network\.yaml:\d+\n- +PrivateDnsEnabled: true\n\+ +PrivateDnsEnabled: false/);
    expect(out.fixes.at(-1)!.id).toBe('private-dns-off:ApiEndpoint');
  });
});

describe('vpcpath fix command', () => {
  it('scenario files: { results: [{ file, check, fixes }] } and exit 0', async () => {
    const run = await runCli('fix', `${SHARED}conformance/13-endpoint-security-group-denies.yaml`, '--json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { results: { file: string; check: string; fixes: { id: string }[] }[] };
    expect(out.results).toHaveLength(1);
    expect(out.results[0]).toMatchObject({ check: 'the endpoint\'s security group drops HTTPS from the app subnet' });
    expect(out.results[0]!.fixes[0]!.id).toBe('security-group-rule:EndpointSecurityGroup');
  });

  it('text output shows verified fixes, patches and side effects', async () => {
    const run = await runCli('fix', `${SHARED}conformance/01-public-api-default-url-private-dns-403.yaml`);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('verified ✓');
    expect(run.stdout).toMatch(/\+ +PrivateDnsEnabled: false/);
    expect(run.stdout).toContain('side effects: none');
    expect(run.stdout).toMatch(/AppInstance: GET https:\/\/\{private-api-id\}\.execute-api\.ap-northeast-1\.amazonaws\.com\/\{stage\}\/: reached -> not reached \(private-api-outside-endpoint, 403\)\n +\(a stand-in: /);
  });

  it('exits 1 when there is nothing verified to show, 2 on bad input', async () => {
    const none = await runCli('fix', seed('network.yaml'), seed('api.yaml'), '--facts', seed('facts.yaml'), '--region', 'ap-northeast-1',
      '--from', 'AppInstance', '--url', 'https://api.example.com/items');
    expect(none.code).toBe(1);
    const bad = await runCli('fix', seed('network.yaml'), '--from', 'Nobody', '--url', 'https://x.example.com/', '--apply', 'x');
    expect(bad.code).toBe(2);
  });

  it('--apply ID --out FILE writes the inline template with the change made', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'vpcpath-fix-')), 'template.yaml');
    const run = await runCli('fix', `${SHARED}conformance/01-public-api-default-url-private-dns-403.yaml`, '--apply', 'private-dns-off:ApiEndpoint', '--out', out);
    expect(run.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('AWSTemplateFormatVersion')).toBe(true);
    expect(text).toContain('PrivateDnsEnabled: false');
    expect(text).not.toContain('PrivateDnsEnabled: true');
    expect(text).not.toContain('checks:');
  });

  it('--checks adds the checks of other scenario files to the side effects', async () => {
    const run = await runCli('fix', seed('network.yaml'), seed('api.yaml'), '--facts', seed('facts.yaml'), '--region', 'ap-northeast-1',
      '--from', 'AppInstance', '--url', 'https://${PublicApi}.execute-api.${AWS::Region}.amazonaws.com/dev/items', '--json',
      '--checks', seed('seed.check.yaml'));
    const out = JSON.parse(run.stdout) as { fixes: { id: string; side_effects: { request: string }[] }[] };
    const off = out.fixes.find((f) => f.id === 'private-dns-off:ApiEndpoint')!;
    expect(off.side_effects.some((s) => s.request.includes("check 'the private API is reached through the endpoint'"))).toBe(true);
  });
});

describe('vpcpath fix --format svg|mermaid', () => {
  const seedArgs = [`${REPO}examples/seed/network.yaml`, `${REPO}examples/seed/api.yaml`, '--region', 'ap-northeast-1',
    '--from', 'AppInstance', '--url', 'https://${PublicApi}.execute-api.${AWS::Region}.amazonaws.com/dev/items'];

  it('draws the path before and after the best fix as SVG', async () => {
    const run = await runCli('fix', ...seedArgs, '--format', 'svg');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^<\?xml|^<svg/);
    expect(run.stdout).toContain('before');
    expect(run.stdout).toContain('after');
    expect(run.stdout).toContain('ApiEndpoint');
    expect(run.stdout).toContain('CloudFront');
  });

  it('draws a chosen fix as Mermaid', async () => {
    const run = await runCli('fix', ...seedArgs, '--format', 'mermaid', '--draw', 'private-dns-off');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.startsWith('flowchart')).toBe(true);
    expect(run.stdout).toContain('InternetGateway');
  });

  it('refuses a picture without one request to draw', async () => {
    const run = await runCli('fix', `${REPO}examples/seed/seed.check.yaml`, '--format', 'svg');
    expect(run.code).toBe(2);
  });
});
