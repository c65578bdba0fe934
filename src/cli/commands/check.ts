// `vpcpath check`: every check of every scenario file, one line each, and the `N passed, N failed` summary.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pc from 'picocolors';
import { renderTrace } from '../../explain/render-trace.js';
import { checkOutcomesToSarif } from '../../report/sarif.js';
import { runScenarioFile, type FileOutcome } from '../../scenario/run-scenario.js';
import { EXIT } from '../exit-codes.js';
import { reportProblems, type Output } from '../output.js';

export const CHECK_FORMATS = ['text', 'json', 'sarif'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export interface CheckFlags {
  /** `--json` is `--format json`. */
  json?: boolean;
  format?: CheckFormat;
  verbose?: boolean;
  /** Written into SARIF output as the tool's version. */
  toolVersion?: string;
}

export function runCheck(files: string[], flags: CheckFlags, o: Output): number {
  if (flags.json && flags.format && flags.format !== 'json') {
    o.err(`error: --json and --format ${flags.format} ask for different outputs; give one of them`);
    return EXIT.inputError;
  }
  const format: CheckFormat = flags.format ?? (flags.json ? 'json' : 'text');
  if (!CHECK_FORMATS.includes(format)) {
    o.err(`error: --format ${String(format)}: give one of ${CHECK_FORMATS.join(', ')}`);
    return EXIT.inputError;
  }
  const c = pc.createColors(o.color);
  const outcomes: FileOutcome[] = [];
  for (const file of files.flatMap(scenarioFiles)) {
    const outcome = runScenarioFile(file);
    outcomes.push(outcome);
    if (format !== 'text') continue;
    if (outcome.problems.length) {
      reportProblems(o, outcome.problems);
      continue;
    }
    for (const check of outcome.checks) {
      o.out(`${check.passed ? c.green('pass') : c.red('FAIL')}  ${outcome.file}: ${check.name}`);
      if (!check.passed) {
        for (const m of check.mismatches) o.out(`      ${m}`);
        if (check.trace) o.out(indent(renderTrace(check.trace, { color: o.color }), '      | '));
      } else if (flags.verbose && check.trace) o.out(indent(renderTrace(check.trace, { color: o.color }), '      | '));
    }
  }
  const checks = outcomes.flatMap((f) => f.checks);
  const passed = checks.filter((ch) => ch.passed).length;
  const failed = checks.length - passed;
  const inputErrors = outcomes.some((f) => f.problems.length > 0);
  if (format === 'sarif') {
    o.out(JSON.stringify(checkOutcomesToSarif(outcomes, { toolVersion: flags.toolVersion ?? '0.0.0' }), null, 2));
  } else if (format === 'json') {
    o.out(JSON.stringify({
      files: outcomes.map((f) => ({
        file: f.file, title: f.title,
        ...(f.problems.length ? { problems: f.problems } : {}),
        checks: f.checks.map((ch) => ({ name: ch.name, passed: ch.passed, mismatches: ch.mismatches, ...(ch.trace ? { trace: ch.trace } : {}) })),
      })),
      passed, failed,
    }, null, 2));
  } else {
    o.out(`${passed} passed, ${failed} failed`);
  }
  if (inputErrors) return EXIT.inputError;
  return failed ? EXIT.notReached : EXIT.ok;
}

function indent(text: string, prefix: string): string {
  return text.split('\n').map((l) => prefix + l).join('\n');
}

/** A folder stands for the scenario files in it (`*.yaml`, `*.yml`), in name order. */
function scenarioFiles(path: string): string[] {
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    return [path];
  }
  if (!isDir) return [path];
  return readdirSync(path).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(path, f));
}
