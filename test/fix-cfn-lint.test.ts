// Every template patch vpcpath fix proposes, applied, still passes cfn-lint with no errors (exit bit 2).
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasCfnLint, lintAll } from './support/cfn-lint.js';
import { appliedTemplate, fixScenario, loadScenarioForFix, proposeFixes, TemplateTexts, type VerifiedFix } from '../src/fix/index.js';
import { load } from '../src/load/load-model.js';
import { get } from '../src/fix/requests.js';
import { conformanceFiles, REPO } from './support/shared.js';



function patched(texts: TemplateTexts, fixes: readonly VerifiedFix[]): { id: string; text: string }[] {
  return fixes.filter((f) => f.patch.edits.length).map((f) => {
    const applied = appliedTemplate(texts, f);
    if ('error' in applied) throw new Error(applied.error);
    return { id: f.id, text: applied.text };
  });
}

describe.skipIf(!hasCfnLint)('cfn-lint on applied fixes', () => {
  const cases: [string, () => { id: string; text: string }[]][] = conformanceFiles().map((file) => [basename(file), () => {
    const loaded = loadScenarioForFix(file).loaded!;
    return fixScenario(loaded).flatMap((r) => patched(loaded.texts, r.fixes));
  }]);
  cases.push(['examples/seed', () => {
    const loaded = load([`${REPO}examples/seed/network.yaml`, `${REPO}examples/seed/api.yaml`], { region: 'ap-northeast-1', factsFile: `${REPO}examples/seed/facts.yaml` });
    const api = loaded.model.apis.find((a) => a.name === 'PublicApi')!;
    const texts = new TemplateTexts();
    const fixes = proposeFixes({ model: loaded.model, from: 'AppInstance', request: get(`https://${api.id}.execute-api.ap-northeast-1.amazonaws.com/dev/items`)!, texts, region: 'ap-northeast-1', account: '111111111111' });
    expect(fixes.filter((f) => f.patch.edits.length).length).toBeGreaterThan(0);
    return patched(texts, fixes);
  }]);

  it('every applied template patch lints without errors', () => {
    const files = cases.flatMap(([name, build]) => build().map(({ id, text }) => ({ name: `${name}-${id}`, text })));
    expect(files.length).toBeGreaterThanOrEqual(15);
    const result = lintAll(files);
    expect(result.errors, result.output).toBe(false);
  }, 180_000);
});
