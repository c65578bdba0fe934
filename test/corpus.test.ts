// Real templates nobody here wrote (shared/corpora/serverless-patterns) load with `vpcpath show`, and what
// their READMEs say about who can call what holds (the scenarios in test/corpus/).
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTrace } from '../src/explain/render-trace.js';
import { load } from '../src/load/load-model.js';
import { runScenarioFile } from '../src/scenario/run-scenario.js';
import { REPO, SHARED } from './support/shared.js';
import { runCli } from './support/run-cli.js';

function templates(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? templates(`${dir}${e.name}/`) : /\.ya?ml$/.test(e.name) ? [`${dir}${e.name}`] : []);
}

const corpus = templates(`${SHARED}corpora/serverless-patterns/`);
const INVALID = 'apigw-custom-domain-edge/template.yaml';

describe('serverless-patterns templates load with vpcpath show', () => {
  it('finds the corpus', () => expect(corpus.length).toBeGreaterThanOrEqual(8));
  for (const file of corpus.filter((f) => !f.endsWith(INVALID))) {
    it(file.replace(SHARED, 'shared/'), async () => {
      const run = await runCli('show', file);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      // What the template builds is understood and shown: its APIs, custom domains, endpoints and zones.
      const { model } = load([file]);
      const ids = [...model.apis.map((a) => a.id), ...model.domainNames.map((d) => d.domainName),
        ...model.vpcEndpoints.map((e) => e.id), ...model.hostedZones.filter((z) => !z.external).map((z) => z.id)];
      expect(ids.length, 'the template builds something vpcpath models').toBeGreaterThan(0);
      for (const id of ids) expect(run.stdout).toContain(id);
    });
  }
  it(`${INVALID} (not valid YAML as published) gives file, line and column`, async () => {
    const run = await runCli('show', `${SHARED}corpora/serverless-patterns/${INVALID}`);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/template\.yaml:\d+:\d+: /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('what the READMEs state, as checks', () => {
  const scenarios = readdirSync(`${REPO}test/corpus/`).filter((f) => f.endsWith('.yaml') && f !== 'consumer-vpc.yaml');
  for (const f of scenarios) {
    describe(basename(f), () => {
      const outcome = runScenarioFile(`${REPO}test/corpus/${f}`);
      it('loads', () => expect(outcome.problems).toEqual([]));
      for (const check of outcome.checks) {
        it(check.name, () => {
          expect(check.passed, check.mismatches.join('\n') + (check.trace ? `\n${renderTrace(check.trace)}` : '')).toBe(true);
        });
      }
    });
  }
});
