// Fixes for a person (text) and for programs (the `--json` shape of docs/fix.md).
import pc from 'picocolors';
import type { Outcome, VerifiedFix } from './types.js';
import { renderEdits } from './template-text.js';

const outcome = (o: Outcome): string =>
  o.reached ? 'reached' : `not reached (${o.cause}${o.status ? `, ${o.status}` : o.result !== 'http' ? `, ${o.result}` : ''})`;

export function renderFixes(fixes: readonly VerifiedFix[], color = false): string {
  const c = pc.createColors(color);
  if (!fixes.length) return 'No verified fix: no candidate change makes this request reach its API.';
  const out: string[] = [];
  fixes.forEach((f, i) => {
    out.push(`${i + 1}. ${c.bold(f.title)}  ${c.green('verified ✓')}  [${f.id}] (${f.rule})`);
    out.push(`   ${f.description}`);
    if (f.ownerAction) out.push(`   ${c.yellow('owner action:')} ${f.ownerAction}`);
    out.push(`   after: ${f.request} -> ${outcome(f.after)} (via ${f.trace.via.join(' -> ') || 'nothing'})`);
    const p = f.patch;
    if (p.edits.length) out.push('   patch:', ...renderEdits(p.edits).map((l) => `     ${l}`));
    if (p.commands.length) out.push('   commands:', ...p.commands.map((l) => `     ${l}`));
    if (p.facts) out.push('   add to your facts (public DNS outside the template):', ...p.facts.split('\n').map((l) => `     ${l}`));
    if (p.request && !p.edits.length && !p.commands.length) out.push(`   call instead: ${p.request}`);
    if (p.note) out.push(`   note: ${p.note}`);
    if (f.sideEffects.length) {
      out.push(`   side effects (${f.sideEffects.length}):`);
      for (const s of f.sideEffects) {
        out.push(`     ${s.from}: ${s.request}: ${outcome(s.before)} -> ${outcome(s.after)}`);
        if (s.hypothetical) out.push(`       (a stand-in: ${s.hypothetical})`);
      }
    } else {
      out.push('   side effects: none on the other requests of the model');
    }
    out.push('   assumes:', ...f.assumes.map((a) => `     - ${a}`), '');
  });
  return out.join('\n').trimEnd();
}

export function fixesJson(fixes: readonly VerifiedFix[]): unknown[] {
  return fixes.map((f) => ({
    id: f.id, title: f.title, rule: f.rule, description: f.description, verified: f.verified, request: f.request,
    after: { reached: f.after.reached, cause: f.after.cause, result: f.after.result, ...(f.after.status !== undefined ? { status: f.after.status } : {}) },
    side_effects: f.sideEffects.map((s) => ({
      from: s.from, request: s.request, before: s.before, after: s.after, ...(s.hypothetical ? { hypothetical: s.hypothetical } : {}),
    })),
    owner_action: f.ownerAction ?? null,
    assumes: f.assumes,
    patch: { ...f.patch, diff: renderEdits(f.patch.edits).join('\n') },
  }));
}
