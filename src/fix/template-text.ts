// The user's template texts, and the text edits a fix makes to them: lines from element origins, YAML blocks.
import { readFileSync } from 'node:fs';
import type { Origin } from '../model/index.js';
import type { TextEdit } from './types.js';

interface Source { readonly text: string; readonly lineOffset: number }

/** Template texts by the file name origins carry; a scenario's inline template is registered with its offset. */
export class TemplateTexts {
  private readonly sources = new Map<string, Source | undefined>();

  register(file: string, text: string, lineOffset = 0): void {
    this.sources.set(file, { text, lineOffset });
  }

  get(file: string): Source | undefined {
    if (!this.sources.has(file)) {
      let source: Source | undefined;
      try {
        source = { text: readFileSync(file, 'utf8'), lineOffset: 0 };
      } catch {
        source = undefined;
      }
      this.sources.set(file, source);
    }
    return this.sources.get(file);
  }

  /** The YAML template an origin points into, with the origin's line in that text; undefined for JSON or snapshots. */
  locate(origin: Origin | undefined): { file: string; lines: string[]; line: number } | undefined {
    if (!origin?.stack || !origin.line) return undefined;
    const source = this.get(origin.file);
    if (!source || source.text.trimStart().startsWith('{')) return undefined;
    return { file: origin.file, lines: source.text.split('\n'), line: origin.line - source.lineOffset };
  }

  text(file: string): string | undefined {
    return this.get(file)?.text;
  }
}

const indentOf = (line: string): number => line.length - line.trimStart().length;
const meaningful = (line: string): boolean => line.trim() !== '' && !line.trim().startsWith('#');

/** An edit replacing `from` by `to` on the line an origin points at (e.g. `PrivateDnsEnabled: true` -> `false`). */
export function replaceAt(texts: TemplateTexts, origin: Origin | undefined, from: RegExp, to: string): TextEdit | undefined {
  const at = texts.locate(origin);
  const line = at?.lines[at.line - 1];
  if (!at || line === undefined) return undefined;
  const m = from.exec(line);
  if (!m) return undefined;
  return { kind: 'replace', file: at.file, line: at.line, from: line, to: line.replace(from, to) };
}

/** Inserts resources (logical id -> YAML body lines, relative indent) at the end of the `Resources:` section. */
export function addResources(texts: TemplateTexts, file: string, resources: Record<string, string[]>): TextEdit | undefined {
  const source = texts.get(file);
  if (!source || source.text.trimStart().startsWith('{')) return undefined;
  const lines = source.text.split('\n');
  const start = lines.findIndex((l) => /^Resources:\s*(#.*)?$/.test(l));
  if (start < 0) return undefined;
  let last = start;
  let child = 2;
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (!meaningful(l)) continue;
    if (indentOf(l) === 0) break;
    if (last === start) child = indentOf(l);
    last = i;
  }
  const pad = ' '.repeat(child);
  const out: string[] = [];
  for (const [logicalId, body] of Object.entries(resources)) {
    out.push(`${pad}${logicalId}:`);
    for (const b of body) out.push(`${pad}${pad}${b.replace(/^( +)/, (s) => pad.repeat(s.length / 2))}`);
  }
  return { kind: 'insert', file, afterLine: last + 1, lines: out };
}

/** The line of `key:` inside a resource's block (searched from the resource's origin line), e.g. `SubnetIds:`. */
export function findInResource(texts: TemplateTexts, origin: Origin | undefined, pattern: RegExp): Origin | undefined {
  const at = texts.locate(origin);
  if (!at || !origin) return undefined;
  const head = at.lines[at.line - 1];
  if (head === undefined) return undefined;
  const base = indentOf(head);
  for (let i = at.line; i < at.lines.length; i++) {
    const l = at.lines[i]!;
    if (meaningful(l) && indentOf(l) <= base) break;
    if (pattern.test(l)) return { ...origin, line: origin.line! + (i + 1 - at.line) };
  }
  return undefined;
}

/** The template text with the edits made (edits of one file; later lines first so earlier numbers hold). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const sorted = [...edits].sort((a, b) => lineOf(b) - lineOf(a));
  for (const e of sorted) {
    if (e.kind === 'replace') lines[e.line - 1] = e.to;
    else lines.splice(e.afterLine, 0, ...e.lines);
  }
  return lines.join('\n');
}

function lineOf(e: TextEdit): number {
  return e.kind === 'replace' ? e.line : e.afterLine + 0.5;
}

/** A unified-diff-like rendering: `--- file:line`, `-old`, `+new`. */
export function renderEdits(edits: readonly TextEdit[]): string[] {
  const out: string[] = [];
  for (const e of edits) {
    if (e.kind === 'replace') out.push(`@@ ${e.file}:${e.line}`, `- ${e.from}`, `+ ${e.to}`);
    else out.push(`@@ ${e.file}:${e.afterLine + 1} (added)`, ...e.lines.map((l) => `+ ${l}`));
  }
  return out;
}
