// Fixes for scenario files: every check whose request does not reach its API, and the checks as side-effect probes.
import { readFileSync } from 'node:fs';
import type { Model } from '../model/index.js';
import { displayPath } from '../load/load-model.js';
import { loadScenarioModel } from '../scenario/load-scenario.js';
import { parseScenario } from '../scenario/parse-scenario.js';
import type { Scenario } from '../scenario/scenario.js';
import { substitute } from '../scenario/substitute.js';
import { parseRequestLine } from '../sim/request.js';
import type { InputProblem } from '../sources/input-problem.js';
import { traceRequest } from '../sim/trace-request.js';
import { proposeFixes } from './propose.js';
import type { NamedRequest } from './requests.js';
import { TemplateTexts } from './template-text.js';
import type { VerifiedFix } from './types.js';

export interface LoadedScenario {
  readonly file: string;
  readonly scenario: Scenario;
  readonly model: Model;
  readonly texts: TemplateTexts;
  readonly checks: (NamedRequest & { name: string })[];
}

export function loadScenarioForFix(path: string): { loaded?: LoadedScenario; problems: InputProblem[] } {
  const file = displayPath(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { problems: [{ code: 'unreadable', file, message: `cannot read: ${(e as Error).message}` }] };
  }
  const parsed = parseScenario(file, text);
  if (!parsed.scenario) return { problems: parsed.problems };
  const scenario = parsed.scenario;
  const built = loadScenarioModel(scenario, path);
  if (built.problems.length) return { problems: built.problems };
  const texts = new TemplateTexts();
  if (scenario.template) texts.register(scenario.file, scenario.template.text, scenario.template.lineOffset);
  const ctx = { model: built.model, region: scenario.region, account: scenario.account };
  const checks: (NamedRequest & { name: string })[] = [];
  for (const check of scenario.checks) {
    const line = substitute(check.request, ctx);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(check.headers)) {
      const s = substitute(v, ctx);
      if (s.kind === 'value') headers[k] = s.value;
    }
    if (line.kind !== 'value') continue;
    const spec = parseRequestLine(line.value, headers);
    if ('error' in spec) continue;
    checks.push({ from: check.from, spec, label: `${file}: check '${check.name}'`, name: check.name });
  }
  return { loaded: { file, scenario, model: built.model, texts, checks }, problems: [] };
}

export interface CheckFixes {
  readonly file: string;
  readonly check: string;
  readonly fixes: VerifiedFix[];
}

/** Verified fixes for each check of the scenario whose request does not reach its API. */
export function fixScenario(loaded: LoadedScenario, extraChecks: readonly NamedRequest[] = []): CheckFixes[] {
  const out: CheckFixes[] = [];
  const probes = [...loaded.checks, ...extraChecks];
  for (const check of loaded.checks) {
    const fixes = proposeFixes({
      model: loaded.model, from: check.from, request: check.spec, texts: loaded.texts,
      region: loaded.scenario.region, account: loaded.scenario.account, checks: probes,
    });
    // A check whose request reaches its API needs no fix and is left out.
    if (fixes.length || !traceReached(loaded.model, check)) out.push({ file: loaded.file, check: check.name, fixes });
  }
  return out;
}

function traceReached(model: Model, check: NamedRequest): boolean {
  const t = traceRequest(model, check.from, check.spec);
  return !('error' in t) && t.reached;
}
