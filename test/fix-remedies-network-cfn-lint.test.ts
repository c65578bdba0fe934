// Every template patch of the add-route and network-acl-entry remedies, applied to its fixture, passes cfn-lint with
// no errors (exit bit 2), as test/fix-cfn-lint.test.ts checks for the other remedies.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasCfnLint, lintAll } from './support/cfn-lint.js';
import { appliedTemplate, applyEdits, proposeFixes, TemplateTexts } from '../src/fix/index.js';
import { addRoute } from '../src/fix/remedies/add-route.js';
import { load } from '../src/load/load-model.js';
import type { Model } from '../src/model/index.js';
import { httpRequest, type HttpRequestSpec } from '../src/sim/request.js';
import { traceRequest } from '../src/sim/trace-request.js';
import { DIR, privateApi, publicApi, REGION, viaEndpoint, type Url } from './support/network-fixture-requests.js';


/** The failing request of each fixture, and the remedy its fixes come from. */
const CASES: [file: string, from: string, url: Url, prefix: string][] = [
  ['internet.yaml', 'WebInstance', publicApi, 'add-route:'],
  ['internet.yaml', 'AppInstance', publicApi, 'add-route:'],
  ['nat-subnet.yaml', 'AppInstance', publicApi, 'add-route:'],
  ['peering.yaml', 'AppInstance', viaEndpoint, 'add-route:'],
  ['peering.yaml', 'ReportsInstance', viaEndpoint, 'add-route:'],
  ['nacl.yaml', 'EgressInstance', publicApi, 'network-acl-entry:'],
  ['nacl.yaml', 'ReplyInstance', publicApi, 'network-acl-entry:'],
  ['nacl.yaml', 'LockedInstance', publicApi, 'network-acl-entry:'],
  ['nacl.yaml', 'PlainInstance', publicApi, 'network-acl-entry:'],
  ['nacl-endpoint.yaml', 'AppInstance', privateApi, 'network-acl-entry:'],
];

function request(model: Model, url: Url): HttpRequestSpec {
  const { url: u, headers } = url(model);
  const spec = httpRequest('GET', u, headers ?? {});
  if ('error' in spec) throw new Error(spec.error);
  return spec;
}


describe.skipIf(!hasCfnLint)('cfn-lint on applied no-route and network-acl-denied fixes', () => {
  it('every applied template patch lints without errors', () => {
    const files: { name: string; text: string }[] = [];
    for (const [file, from, url, prefix] of CASES) {
      const model = load([`${DIR}${file}`], { region: REGION }).model;
      const texts = new TemplateTexts();
      const fixes = proposeFixes({ model, from, request: request(model, url), texts, region: REGION, account: '111111111111' })
        .filter((f) => f.id.startsWith(prefix) && f.patch.edits.length);
      expect(fixes.length, `${file} ${from}`).toBeGreaterThan(0);
      for (const fix of fixes) {
        const applied = appliedTemplate(texts, fix);
        if ('error' in applied) throw new Error(applied.error);
        files.push({ name: `${file}-${from}-${fix.id}`, text: applied.text });
      }
    }
    // The transit gateway route is not verified (its route tables are not simulated) but must lint all the same.
    const model = load([`${DIR}transit-gateway.yaml`], { region: REGION }).model;
    const spec = request(model, viaEndpoint);
    const trace = traceRequest(model, 'AppInstance', spec);
    if ('error' in trace) throw new Error(trace.error);
    for (const c of addRoute.propose({ model, from: 'AppInstance', request: spec, trace, texts: new TemplateTexts(), region: REGION, account: '111111111111' })) {
      files.push({ name: `transit-gateway-${c.id}`, text: applyEdits(readFileSync(`${DIR}transit-gateway.yaml`, 'utf8'), c.patch.edits) });
    }
    expect(files.length).toBeGreaterThanOrEqual(11);
    const result = lintAll(files);
    expect(result.errors, result.output).toBe(false);
  }, 180_000);
});
