// Every scenario in shared/conformance runs through the same code path as `vpcpath check`, and must pass.
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTrace } from '../src/explain/render-trace.js';
import { runScenarioFile } from '../src/scenario/run-scenario.js';
import { conformanceFiles } from './support/shared.js';

const files = conformanceFiles();

describe('shared/conformance', () => {
  it('has the 17 scenario files the issue names', () => {
    expect(files).toHaveLength(17);
  });

  for (const file of files) {
    describe(basename(file), () => {
      const outcome = runScenarioFile(file);
      it('loads without input errors', () => {
        expect(outcome.problems).toEqual([]);
        expect(outcome.checks.length).toBeGreaterThan(0);
      });
      for (const check of outcome.checks) {
        it(check.name, () => {
          const why = check.mismatches.join('\n') + (check.trace ? `\n${renderTrace(check.trace)}` : '');
          expect(check.passed, why).toBe(true);
        });
      }
    });
  }

  it('counts 21 checks in all', () => {
    const total = files.map((f) => runScenarioFile(f).checks.length).reduce((a, b) => a + b, 0);
    expect(total).toBe(21);
  });
});
