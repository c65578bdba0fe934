// `--apply`: the user's template text with a fix's edits made (an inline scenario template: that template alone).
import { applyEdits, type TemplateTexts } from './template-text.js';
import type { VerifiedFix } from './types.js';

export function appliedTemplate(texts: TemplateTexts, fix: VerifiedFix): { file: string; text: string } | { error: string } {
  const files = [...new Set(fix.patch.edits.map((e) => e.file))];
  const file = files[0];
  if (!file) {
    return { error: `fix ${fix.id} changes no template (${fix.patch.commands.length ? 'it is a list of AWS CLI commands' : 'it changes the request or is for the API\'s owner'})` };
  }
  if (files.length > 1) return { error: `fix ${fix.id} changes several templates (${files.join(', ')}); apply it by hand` };
  const text = texts.text(file);
  if (text === undefined) return { error: `cannot read ${file}` };
  return { file, text: applyEdits(text, fix.patch.edits.filter((e) => e.file === file)) };
}

/** A fix by id; a unique prefix is enough. */
export function findFix<T extends { id: string }>(fixes: readonly T[], id: string): T | undefined {
  return fixes.find((f) => f.id === id) ?? (fixes.filter((f) => f.id.startsWith(id)).length === 1 ? fixes.find((f) => f.id.startsWith(id)) : undefined);
}
