// `vpcpath audit` and `vpcpath diff`: the estate-wide commands, with text, JSON and SARIF output.
import { audit } from '../../audit/audit.js';
import { diffEstates, diffFindings } from '../../audit/diff.js';
import type { Finding } from '../../audit/finding.js';
import { renderAudit, renderDiff } from '../../audit/render-audit.js';
import type { CheckUrl } from '../../audit/targets.js';
import { displayPath } from '../../load/load-model.js';
import { loadScenarioForFix } from '../../fix/scenario-fixes.js';
import { findingsToSarif } from '../../report/sarif.js';
import { readQueryLogs, type QueriedName } from '../../sources/query-logs/read-query-logs.js';
import { EXIT } from '../exit-codes.js';
import { loadInputs, type LoadFlags } from '../load-inputs.js';
import { processOutput, reportProblems, type Output } from '../output.js';

export const ESTATE_FORMATS = ['text', 'json', 'sarif'] as const;

export interface EstateFlags extends LoadFlags {
  queryLogs?: string[];
  checks: string[];
  format?: string;
  json?: boolean;
  exhaustive?: boolean;
  toolVersion: string;
}

/** Query logs and scenario checks: what both commands audit besides the estate's own targets. */
function extras(flags: EstateFlags, o: Output): { queried: QueriedName[]; checks: CheckUrl[] } | undefined {
  const logs = readQueryLogs((flags.queryLogs ?? []).map((path) => ({ path, display: displayPath(path) })));
  if (logs.problems.length) return reportProblems(o, logs.problems), undefined;
  const checks: CheckUrl[] = [];
  for (const file of flags.checks) {
    const { loaded, problems } = loadScenarioForFix(file);
    if (!loaded) return reportProblems(o, problems), undefined;
    checks.push(...loaded.checks.map((c) => ({ label: c.label ?? c.name, spec: c.spec })));
  }
  return { queried: logs.names, checks };
}

function formatOf(flags: EstateFlags): string {
  return flags.json ? 'json' : (flags.format ?? 'text');
}

/** Progress on a terminal's stderr only (never in captured or piped output). */
function progress(o: Output) {
  if (!process.stderr.isTTY || o !== processOutput) return undefined;
  let last = 0;
  return (done: number, total: number) => {
    const now = Date.now();
    if (now - last < 250) return;
    last = now;
    process.stderr.write(`\r  tracing ${done}/${total} class pairs...`);
  };
}

export function runAudit(inputs: string[], flags: EstateFlags, o: Output): number {
  const format = formatOf(flags);
  const loaded = loadInputs(inputs, flags, o);
  if (!loaded) return EXIT.inputError;
  const extra = extras(flags, o);
  if (!extra) return EXIT.inputError;
  const onProgress = progress(o);
  const report = audit(loaded.model, { ...extra, ...(flags.exhaustive ? { exhaustive: true } : {}), ...(onProgress ? { onProgress } : {}) });
  if (onProgress) process.stderr.write('\r\x1b[K');
  if (format === 'sarif') o.out(JSON.stringify(findingsToSarif(report.findings, { toolVersion: flags.toolVersion, inputs }), null, 2));
  else if (format === 'json') o.out(JSON.stringify({ stats: report.stats, findings: report.findings, notes: report.notes }, null, 2));
  else o.out(renderAudit(report, o.color));
  return report.findings.some((f) => f.severity === 'error') ? EXIT.notReached : EXIT.ok;
}

export function runDiff(before: string, after: string, flags: EstateFlags & { with: string[] }, o: Output): number {
  const format = formatOf(flags);
  const b = loadInputs([before, ...flags.with], flags, o);
  if (!b) return EXIT.inputError;
  const a = loadInputs([after, ...flags.with], flags, o);
  if (!a) return EXIT.inputError;
  const extra = extras(flags, o);
  if (!extra) return EXIT.inputError;
  const report = diffEstates(b.model, a.model, { ...extra, ...(flags.exhaustive ? { exhaustive: true } : {}) });
  const findings: Finding[] = diffFindings(report);
  if (format === 'sarif') o.out(JSON.stringify(findingsToSarif(findings, { toolVersion: flags.toolVersion, inputs: [after] }), null, 2));
  else if (format === 'json') o.out(JSON.stringify({ ...report, findings }, null, 2));
  else o.out(renderDiff(report, findings, o.color));
  return report.broken ? EXIT.notReached : EXIT.ok;
}
