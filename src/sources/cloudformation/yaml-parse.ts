// Reads a template (YAML or JSON) into a positioned node tree, with syntax errors and duplicate keys as data.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { CFN_TAGS, SHORT_FORMS } from './cfn-tags.js';
import { childPath, type Entry, type Node, type Pos } from './node.js';

export interface ParseIssue {
  readonly code: string;
  readonly message: string;
  readonly pos?: Pos;
}

export interface DuplicateKey {
  readonly key: string;
  readonly path: string;
  readonly pos: Pos;
  readonly firstPos: Pos;
}

export interface ParsedTemplate {
  readonly root?: Node;
  /** Input errors (invalid YAML or JSON, unknown tags). */
  readonly errors: ParseIssue[];
  /** Warnings: a duplicate key keeps the last value, as the SAM CLI (PyYAML) does. */
  readonly duplicates: DuplicateKey[];
}

const MAX_DEPTH = 200;

export function parseTemplate(text: string): ParsedTemplate {
  const errors: ParseIssue[] = [];
  const duplicates: DuplicateKey[] = [];
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    const jsonError = checkJson(text);
    if (jsonError) return { errors: [jsonError], duplicates };
  }
  const lines = new LineCounter();
  let doc: Document.Parsed;
  try {
    // YAML 1.1 as CloudFormation and the SAM CLI read it (`2010-09-09` stays text through `source`, below).
    doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, customTags: CFN_TAGS, version: '1.1' });
  } catch (err) {
    return { errors: [{ code: 'yaml-syntax', message: `cannot read the template: ${String(err)}` }], duplicates };
  }
  for (const e of doc.errors) {
    const at = e.linePos?.[0];
    let pos: Pos | undefined = at ? { line: at.line, column: at.col } : undefined;
    let message = `invalid YAML: ${firstLine(e.message)}`;
    // An unclosed `[` or `{` is noticed lines later: point at the bracket that needs closing.
    const unclosed = /Flow (sequence|mapping).*end with a ([\]}])/.exec(e.message);
    const opener = unclosed ? findOpener(text, e.pos[0], unclosed[2] === ']' ? '[' : '{') : undefined;
    if (opener !== undefined) {
      const p = lines.linePos(opener);
      if (pos) message += ` (noticed at line ${pos.line})`;
      pos = { line: p.line, column: p.col };
    }
    errors.push({ code: 'yaml-syntax', message, ...(pos ? { pos } : {}) });
  }
  if (errors.length > 0) return { errors, duplicates };
  const posOf = (offset: number): Pos => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const tagStart = (offset: number): number => findTagStart(text, offset);
  const convert = (n: unknown, path: string, depth: number): Node => {
    if (depth > MAX_DEPTH) return { t: 'scalar', value: null, text: '', pos: { line: 1, column: 1 }, path };
    if (isAlias(n)) {
      const target = n.resolve(doc);
      return convert(target, path, depth + 1);
    }
    const range = (n as { range?: [number, number, number] }).range ?? [0, 0, 0];
    let node: Node;
    if (isMap(n)) {
      const entries: Entry[] = [];
      for (const pair of n.items) {
        const keyNode = pair.key;
        const key = isScalar(keyNode) ? String(keyNode.source ?? keyNode.value ?? '') : '';
        const keyPos = posOf((keyNode as { range?: number[] } | null)?.range?.[0] ?? range[0]);
        const value: Node = pair.value === null || pair.value === undefined
          ? { t: 'scalar', value: null, text: '', pos: keyPos, path: childPath(path, key) }
          : convert(pair.value, childPath(path, key), depth + 1);
        const firstIndex = entries.findIndex((e) => e.key === key);
        if (firstIndex >= 0) {
          duplicates.push({ key, path: childPath(path, key), pos: keyPos, firstPos: entries[firstIndex]!.keyPos });
          entries[firstIndex] = { key, keyPos, value };
        } else {
          entries.push({ key, keyPos, value });
        }
      }
      node = { t: 'map', entries, pos: posOf(range[0]), path };
    } else if (isSeq(n)) {
      node = { t: 'seq', items: n.items.map((item, i) => convert(item, childPath(path, i), depth + 1)), pos: posOf(range[0]), path };
    } else if (isScalar(n)) {
      node = { t: 'scalar', ...scalarValue(n.value, n.source), pos: posOf(range[0]), path };
    } else {
      node = { t: 'scalar', value: null, text: '', pos: posOf(range[0]), path };
    }
    const tag = (n as { tag?: string }).tag;
    if (tag && SHORT_FORMS[tag]) {
      const pos = posOf(tagStart(range[0]));
      return { t: 'map', entries: [{ key: SHORT_FORMS[tag]!, keyPos: pos, value: node }], pos, path, shortForm: tag };
    }
    if (tag && tag.startsWith('!') && !tag.startsWith('!!')) {
      errors.push({ code: 'unknown-tag', message: `unknown YAML tag ${tag}: CloudFormation has no such short form`, pos: posOf(tagStart(range[0])) });
    }
    return node;
  };
  const root = doc.contents === null ? undefined : convert(doc.contents, '', 0);
  return { ...(root ? { root } : {}), errors, duplicates };
}

function scalarValue(value: unknown, source: unknown): { value: string | number | boolean | null; text: string } {
  if (value === null || value === undefined) return { value: null, text: '' };
  if (typeof value === 'string') return { value, text: value };
  if (typeof value === 'boolean') {
    // PyYAML (the SAM CLI, cfn-lint) reads only true/false/yes/no/on/off as booleans, not `y` or `n`.
    if (typeof source === 'string' && !/^(true|false|yes|no|on|off)$/i.test(source)) return { value: source, text: source };
    return { value, text: String(value) };
  }
  const text = typeof source === 'string' ? source : String(value);
  if (typeof value === 'number') return { value, text };
  if (typeof value === 'bigint') return { value: Number(value), text };
  // Dates and other resolved types: CloudFormation reads them as the text written.
  return { value: text, text };
}

/** The offset of a short-form tag written before the node that starts at `offset`, else `offset`. */
function findTagStart(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  let start = i;
  while (start > 0 && !/[\s[\]{},]/.test(text[start - 1]!)) start--;
  return text[start] === '!' ? start : offset;
}

/** The offset of the unmatched opening bracket before `offset`, if any. */
function findOpener(text: string, offset: number, open: '[' | '{'): number | undefined {
  const close = open === '[' ? ']' : '}';
  let depth = 0;
  for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
    if (text[i] === close) depth++;
    else if (text[i] === open) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** JSON.parse's error, with line and column, for a template that looks like JSON. */
function checkJson(text: string): ParseIssue | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const lineCol = /line (\d+) column (\d+)/.exec(message);
    const position = /position (\d+)/.exec(message);
    let pos: Pos | undefined;
    if (lineCol) pos = { line: Number(lineCol[1]), column: Number(lineCol[2]) };
    else if (position) pos = offsetToPos(text, Number(position[1]));
    else pos = offsetToPos(text, text.length);
    return { code: 'json-syntax', message: `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`, pos };
  }
}

function offsetToPos(text: string, offset: number): Pos {
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < Math.min(offset, text.length); i++) {
    if (text[i] === '\n') {
      line++;
      lastBreak = i;
    }
  }
  return { line, column: offset - lastBreak };
}
