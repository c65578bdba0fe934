// Every template patch of the API remedies (test/fix-remedies/api/), applied, passes cfn-lint with no errors, as
// test/fix-cfn-lint.test.ts checks for the conformance suite and the seed.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasCfnLint, lintAll } from './support/cfn-lint.js';
import { appliedTemplate, fixScenario, loadScenarioForFix } from '../src/fix/index.js';
import { REPO } from './support/shared.js';

const FIXTURES = `${REPO}test/fix-remedies/api/`;


describe.skipIf(!hasCfnLint)('cfn-lint on the applied API fixes', () => {
  it('every applied template patch of the API remedies lints without errors', () => {
    const files: { name: string; text: string }[] = [];
    const remedies = new Set<string>();
    for (const scenario of readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml')).sort()) {
      const loaded = loadScenarioForFix(`${FIXTURES}${scenario}`).loaded!;
      for (const result of fixScenario(loaded)) {
        for (const fix of result.fixes.filter((f) => f.patch.edits.length)) {
          const applied = appliedTemplate(loaded.texts, fix);
          if ('error' in applied) throw new Error(applied.error);
          files.push({ name: `${scenario}-${fix.id}`, text: applied.text });
          remedies.add(fix.id.split(':')[0]!);
        }
      }
    }
    // Every remedy with a template patch is among them.
    expect([...remedies].sort()).toEqual([
      'domain-access-association', 'endpoint-policy-allow', 'execute-api-endpoint', 'private-dns-on', 'resource-policy-allow',
      'resource-policy-narrow-deny', 'vpce-alias-name',
    ]);
    expect(files.length).toBeGreaterThanOrEqual(12);
    const result = lintAll(files);
    expect(result.errors, result.output).toBe(false);
  }, 180_000);
});
