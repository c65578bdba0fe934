// Audit and diff reports for a person: findings by severity, where to change, and what is affected.
import pc from 'picocolors';
import { formatOrigin } from '../model/index.js';
import type { AuditReport } from './audit.js';
import { describe, type DiffReport } from './diff.js';
import type { Finding } from './finding.js';

const LISTED = 5;

export function renderFinding(f: Finding, color: boolean): string[] {
  const c = pc.createColors(color);
  const label = f.severity === 'error' ? c.red('ERROR  ') : f.severity === 'warning' ? c.yellow('WARNING') : c.cyan('NOTE   ');
  const out = [`${label} ${c.bold(f.title)}`, `        [${f.kind}]${f.location ? `  at ${locationText(f)}` : ''}`];
  out.push(`        ${f.message}`);
  for (const r of f.related.slice(0, LISTED)) out.push(`        see ${formatOrigin(r.origin)}: ${r.message}`);
  const pairs = f.pairs.slice(0, LISTED);
  for (const p of pairs) {
    const who = p.from.length > 3 ? `${p.from.slice(0, 3).join(', ')} and ${p.from.length - 3} more` : p.from.join(', ');
    out.push(`        ${who} -> ${p.target}: ${p.before ? `${describe(p.before)} -> ` : ''}${describe(p.outcome)}`);
  }
  const more = f.pairs.length - pairs.length + (f.omittedPairs ?? 0);
  if (more > 0) out.push(`        ... and ${more} more target${more === 1 ? '' : 's'} (--json lists ${f.pairs.length})`);
  return out;
}

function locationText(f: Finding): string {
  const o = f.location!;
  return `${o.file}${o.line ? `:${o.line}${o.column ? `:${o.column}` : ''}` : ''}${o.logicalId ? ` (${o.logicalId})` : ''}`;
}

const plural = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;

function counts(findings: readonly Finding[]): string {
  const n = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  return `${plural(n('error'), 'error')}, ${plural(n('warning'), 'warning')}, ${plural(n('note'), 'note')}`;
}

export function renderAudit(report: AuditReport, color: boolean): string {
  const s = report.stats;
  const out = [
    `vpcpath audit: ${plural(s.vpcs, 'VPC')}, ${plural(s.placements, 'workload placement')} (${s.placementClasses} distinct), ` +
      `${plural(s.targets, 'target')} (${s.targetClasses} distinct): ${plural(s.pairs, 'pair')} answered by ${plural(s.traced, 'trace')} ` +
      `in ${Math.round(s.milliseconds)} ms`,
    '',
  ];
  for (const f of report.findings) out.push(...renderFinding(f, color), '');
  for (const n of report.notes) out.push(`note: ${n}`);
  out.push(report.findings.length ? counts(report.findings) : 'no findings');
  return out.join('\n');
}

export function renderDiff(report: DiffReport, findings: readonly Finding[], color: boolean): string {
  const out = [
    `vpcpath diff: ${report.compared} pairs compared, ${report.changes.length} changed, ${report.broken} broken` +
      `${report.onlyBefore || report.onlyAfter ? ` (${report.onlyBefore} only before, ${report.onlyAfter} only after)` : ''}`,
    '',
  ];
  for (const f of findings) out.push(...renderFinding(f, color), '');
  out.push(report.broken === 1 ? '1 pair that reached its target no longer does'
    : report.broken ? `${report.broken} pairs that reached their target no longer do` : 'no pair that reached its target is broken');
  return out.join('\n');
}
