// `vpcpath check`: runs every check of a scenario file through the same pipeline as `vpcpath trace`.
import { readFileSync } from 'node:fs';
import { ModelIndex } from '../model/index.js';
import { displayPath } from '../load/load-model.js';
import { parseRequestLine } from '../sim/request.js';
import { traceRequest } from '../sim/trace-request.js';
import type { Trace } from '../sim/trace.js';
import type { InputProblem } from '../sources/input-problem.js';
import { compare } from './compare.js';
import { loadScenarioModel } from './load-scenario.js';
import { parseScenario } from './parse-scenario.js';
import type { Check, Scenario } from './scenario.js';
import { substitute } from './substitute.js';
import type { Position } from './yaml-reader.js';

export interface CheckOutcome {
  readonly name: string;
  readonly passed: boolean;
  readonly mismatches: string[];
  readonly trace?: Trace;
  /** Where the check is written in its scenario file (the start of its entry in `checks`). */
  readonly position?: Position;
}

export interface FileOutcome {
  readonly file: string;
  readonly title: string;
  readonly checks: CheckOutcome[];
  /** Input errors: when present, the file's checks did not run. */
  readonly problems: InputProblem[];
}

export function runScenarioFile(path: string): FileOutcome {
  const file = displayPath(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { file, title: '', checks: [], problems: [{ code: 'unreadable', file, message: `cannot read: ${(e as Error).message}` }] };
  }
  return runScenarioText(file, text, path);
}

export function runScenarioText(file: string, text: string, path: string = file): FileOutcome {
  const parsed = parseScenario(file, text);
  if (!parsed.scenario) return { file, title: '', checks: [], problems: parsed.problems };
  const scenario = parsed.scenario;
  const loaded = loadScenarioModel(scenario, path);
  if (loaded.problems.length) return { file, title: scenario.title, checks: [], problems: loaded.problems };
  const index = new ModelIndex(loaded.model);
  const problems: InputProblem[] = [];
  const checks: CheckOutcome[] = [];
  for (const check of scenario.checks) {
    const outcome = runCheck(scenario, check, index, problems);
    if (outcome) checks.push(outcome);
  }
  return { file, title: scenario.title, checks: problems.length ? [] : checks, problems };
}

function runCheck(scenario: Scenario, check: Check, index: ModelIndex, problems: InputProblem[]): CheckOutcome | undefined {
  const ctx = { model: index.model, region: scenario.region, account: scenario.account };
  const at = (pos: { line: number; column: number }, code: string, message: string) =>
    problems.push({ code, message: `check '${check.name}': ${message}`, file: scenario.file, line: pos.line, column: pos.column });
  const request = substitute(check.request, ctx);
  const headers: Record<string, string> = {};
  let unknownReason: string | undefined;
  for (const [name, value] of Object.entries(check.headers)) {
    const v = substitute(value, ctx);
    if (v.kind === 'error') at(check.requestPosition, 'bad-substitution', `header ${name}: ${v.message}`);
    else if (v.kind === 'unknown') unknownReason = v.reason;
    else headers[name] = v.value;
  }
  if (request.kind === 'error') return void at(check.requestPosition, 'bad-substitution', request.message);
  if (request.kind === 'unknown') unknownReason = request.reason;
  if (unknownReason || request.kind !== 'value') {
    return { name: check.name, passed: false, mismatches: [`the request cannot be written out: ${unknownReason}`], position: check.position };
  }
  const spec = parseRequestLine(request.value, headers);
  if ('error' in spec) return void at(check.requestPosition, 'bad-request', spec.error);
  const trace = traceRequest(index.model, check.from, spec, { index });
  if ('error' in trace) return void at(check.fromPosition, 'unknown-source', trace.error);
  const mismatches = compare(check.expect, trace);
  return { name: check.name, passed: mismatches.length === 0, mismatches, trace, position: check.position };
}
