// The trace a person reads: request, DNS chain, hops, answer, cause and fix (design/trace-example.md).
import pc from 'picocolors';
import { formatOrigin } from '../model/index.js';
import type { Hop, Trace } from '../sim/trace.js';

export interface RenderOptions { readonly color?: boolean; readonly width?: number }

export function renderTrace(trace: Trace, options: RenderOptions = {}): string {
  const c = pc.createColors(options.color ?? false);
  const width = options.width ?? 100;
  const out: string[] = [];
  const r = trace.request;
  out.push(c.bold(`${r.method} ${r.url}`));
  for (const [k, v] of Object.entries(r.headers)) out.push(c.dim(`  ${k}: ${v}`));
  const s = trace.source;
  const ids = [s.id, s.privateIp, s.publicIp ? `public ${s.publicIp}` : 'no public IP'].join(', ');
  out.push(`from ${s.name} (${ids}) in ${s.subnet}, ${s.vpc} ${s.vpcCidrs.join(', ')}`);

  if (trace.dns) {
    out.push('', `${c.bold('DNS')}  (${trace.dns.resolver})`);
    if (!trace.dns.steps.length) out.push(`  ${trace.request.url.split('/')[2] ?? ''}: no answer in the model`);
    for (const step of trace.dns.steps) {
      out.push(`  ${step.name}`);
      const answer = step.answer.length ? step.answer.join(', ') : step.recordType;
      const arrow = step.recordType === 'CNAME' ? `CNAME ${answer}` : step.recordType === 'ALIAS' ? `alias -> ${answer}` : answer;
      out.push(`    -> ${pad(arrow, 18)} answered by ${step.answeredBy}`);
      const where = formatOrigin(step.origin);
      out.push(...wrap(`${step.why}${where ? `   ${where}` : ''}`, width, ' '.repeat(26)));
      const tags = [step.rules.length ? step.rules.join(', ') : '', step.confidence !== 'documented' ? step.confidence : '']
        .filter(Boolean).join('; ');
      if (tags) out.push(`       ${pad('', 18)} ${c.dim(`[${tags}]`)}`);
    }
  }

  if (trace.hops.length) {
    out.push('', c.bold('PATH'));
    const atWidth = Math.min(30, Math.max(...trace.hops.map((h) => h.at.length)) + 2);
    const actionWidth = Math.min(18, Math.max(...trace.hops.map((h) => h.action.length)) + 2);
    trace.hops.forEach((hop, i) => out.push(renderHop(hop, i + 1, atWidth, actionWidth, c)));
  }

  const a = trace.answer;
  out.push('');
  const head = a.result === 'http'
    ? `HTTP ${a.status ?? '?'}${a.errorType ? `  x-amzn-ErrorType: ${a.errorType}` : ''}${a.body ? `  ${a.body}` : ''}`
    : a.result === 'reached' ? 'reached the API\'s integration' : a.result;
  const colour = trace.reached ? c.green : a.result === 'unknown' ? c.yellow : c.red;
  out.push(`${c.bold('ANSWER')}  ${colour(head)}`);
  out.push(...wrap(`given by ${a.answeredBy}${a.confidence !== 'documented' ? ` (${a.confidence})` : ''}`, width, '  '));

  out.push('', `${c.bold('CAUSE')}  ${trace.cause.code}`);
  out.push(...wrap(trace.cause.explanation, width, '  '));
  if (trace.cause.fix) {
    const where = formatOrigin(trace.cause.origin);
    out.push(...wrap(`Fix: ${trace.cause.fix}${where ? ` (${where})` : ''}`, width, '  '));
  }
  if (trace.cause.code !== 'ok') out.push(c.dim(`  More: docs/causes/${trace.cause.code}.md`));
  if (trace.missing.length) {
    out.push('', c.bold('MISSING FACTS'));
    for (const m of trace.missing) out.push(...wrap(`- ${m.fact}: ${m.reason}`, width, '  '));
  }
  if (trace.caveats.length) {
    out.push('', c.bold('CAVEATS') + c.dim('  (where AWS documents less than this answer relies on)'));
    for (const cv of trace.caveats) out.push(...wrap(`- ${cv}`, width, '  '));
  }
  if (trace.rules.length) out.push('', c.dim(`Rules relied on: ${trace.rules.join(', ')} (shared/spec/aws-behavior.md)`));
  return out.join('\n');
}

function renderHop(hop: Hop, n: number, atWidth: number, actionWidth: number, c: ReturnType<typeof pc.createColors>): string {
  const mark = hop.verdict === 'drop' ? c.red('x') : hop.verdict === 'unknown' ? c.yellow('?') : hop.verdict === 'answer' ? c.cyan('=') : ' ';
  const where = formatOrigin(hop.origin);
  const note = hop.confidence && hop.confidence !== 'documented' ? c.dim(` [${hop.confidence}]`) : '';
  return `  ${String(n).padStart(2)}${mark}${pad(hop.at, atWidth)}${pad(hop.action, actionWidth)}${hop.detail}${note}${where ? `   ${c.dim(where)}` : ''}`;
}

function pad(s: string, n: number): string {
  return s.length >= n ? `${s} ` : s + ' '.repeat(n - s.length);
}

/** Wraps text at word boundaries to `width`, each line prefixed. */
export function wrap(text: string, width: number, prefix: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && prefix.length + line.length + 1 + word.length > width) {
      lines.push(prefix + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(prefix + line);
  return lines;
}
