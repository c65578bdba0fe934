// `vpcpath fix`: verified changes that make a request (or each failing scenario check) reach its API.
import { writeFileSync } from 'node:fs';
import { renderBeforeAfter } from '../../explain/picture/index.js';
import { traceRequest } from '../../sim/trace-request.js';
import {
  appliedTemplate, findFix, fixesJson, fixScenario, loadScenarioForFix, proposeFixes, renderFixes, TemplateTexts,
  type CheckFixes, type VerifiedFix,
} from '../../fix/index.js';
import type { NamedRequest } from '../../fix/requests.js';
import { EXIT } from '../exit-codes.js';
import { requestFromFlags, type RequestFlags } from '../request-from-flags.js';
import { reportProblems, type Output } from '../output.js';

export interface FixFlags extends RequestFlags {
  from?: string;
  checks: string[];
  json?: boolean;
  /** text (default), json, or a before/after picture of one fix: mermaid or svg. */
  format?: string;
  /** Which fix the picture shows (default: the first, best ranked). */
  draw?: string;
  apply?: string;
  out?: string;
}

const PICTURES = ['mermaid', 'svg'] as const;

export async function runFix(inputs: string[], flags: FixFlags, o: Output): Promise<number> {
  if (flags.apply && !flags.out) {
    o.err('error: --apply ID needs --out FILE');
    return EXIT.inputError;
  }
  const format = flags.format ?? (flags.json ? 'json' : 'text');
  if (!['text', 'json', ...PICTURES].includes(format) || (flags.json && format !== 'json')) {
    o.err(`error: --format takes text, json, mermaid or svg${flags.json ? ' (and --json means --format json)' : ''}`);
    return EXIT.inputError;
  }
  if ((PICTURES as readonly string[]).includes(format) && !flags.from) {
    o.err('error: a picture (--format mermaid|svg) draws one request: give --from and --url');
    return EXIT.inputError;
  }
  const extra: NamedRequest[] = [];
  for (const file of flags.checks) {
    const { loaded, problems } = loadScenarioForFix(file);
    if (!loaded) return reportProblems(o, problems), EXIT.inputError;
    extra.push(...loaded.checks);
  }
  return flags.from ? fixRequest(inputs, { ...flags, format }, o, extra) : fixScenarios(inputs, { ...flags, json: format === 'json' }, o, extra);
}

async function fixRequest(inputs: string[], flags: FixFlags, o: Output, extra: NamedRequest[]): Promise<number> {
  const read = requestFromFlags(inputs, flags, o, 'give --url URL (or give scenario files without --from)');
  if (typeof read === 'number') return read;
  const { loaded, spec } = read;
  const texts = new TemplateTexts();
  const fixes = proposeFixes({ model: loaded.model, from: flags.from!, request: spec, texts, region: loaded.region, account: loaded.account, checks: extra });
  if (flags.apply) return applyFix(fixes, texts, flags, o);
  if (flags.format === 'mermaid' || flags.format === 'svg') {
    const fix = flags.draw ? findFix(fixes, flags.draw) : fixes[0];
    const before = traceRequest(loaded.model, flags.from!, spec);
    if ('error' in before) return o.err(`error: --from: ${before.error}`), EXIT.inputError;
    if (!fix) {
      o.err(flags.draw ? `error: no verified fix ${flags.draw} (ids: ${fixes.map((f) => f.id).join(', ') || 'none'})` : 'no verified fix to draw');
      return flags.draw ? EXIT.inputError : EXIT.notReached;
    }
    o.out(await renderBeforeAfter(before, fix.trace, flags.format, { before: 'before', after: `after: ${fix.title}` }));
    return EXIT.ok;
  }
  o.out(flags.format === 'json' ? JSON.stringify({ fixes: fixesJson(fixes) }, null, 2) : renderFixes(fixes, o.color));
  return fixes.length ? EXIT.ok : EXIT.notReached;
}

function fixScenarios(files: string[], flags: FixFlags, o: Output, extra: NamedRequest[]): number {
  const results: CheckFixes[] = [];
  const texts: TemplateTexts[] = [];
  for (const file of files) {
    const { loaded, problems } = loadScenarioForFix(file);
    if (!loaded) return reportProblems(o, problems), EXIT.inputError;
    for (const r of fixScenario(loaded, extra)) {
      results.push(r);
      texts.push(loaded.texts);
    }
  }
  if (flags.apply) {
    const i = results.findIndex((r) => findFix(r.fixes, flags.apply!));
    if (i < 0) return o.err(`error: no fix ${flags.apply} (see the ids in brackets)`), EXIT.inputError;
    return applyFix(results[i]!.fixes, texts[i]!, flags, o);
  }
  if (flags.json) {
    o.out(JSON.stringify({ results: results.map((r) => ({ file: r.file, check: r.check, fixes: fixesJson(r.fixes) })) }, null, 2));
  } else {
    if (!results.length) o.out('Every check reaches its API: nothing to fix.');
    for (const r of results) o.out(`== ${r.file}: ${r.check}\n${renderFixes(r.fixes, o.color)}\n`);
  }
  return results.every((r) => r.fixes.length > 0) ? EXIT.ok : EXIT.notReached;
}

function applyFix(fixes: readonly VerifiedFix[], texts: TemplateTexts, flags: FixFlags, o: Output): number {
  const fix = findFix(fixes, flags.apply!);
  if (!fix) return o.err(`error: no verified fix ${flags.apply} (ids: ${fixes.map((f) => f.id).join(', ') || 'none'})`), EXIT.inputError;
  const applied = appliedTemplate(texts, fix);
  if ('error' in applied) return o.err(`error: ${applied.error}`), EXIT.inputError;
  writeFileSync(flags.out!, applied.text.endsWith('\n') ? applied.text : `${applied.text}\n`);
  o.out(`wrote ${flags.out} (${applied.file} with ${fix.id})`);
  return EXIT.ok;
}
