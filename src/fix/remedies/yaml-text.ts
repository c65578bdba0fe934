// Line edits inside a YAML template for the API remedies: a scalar property set or added, an item appended to a
// block or flow list, a parameter added, and references from one template to an element of the model.
import type { Element, Model, Origin } from '../../model/index.js';
import type { TemplateTexts } from '../template-text.js';
import type { TextEdit } from '../types.js';

export const indentOf = (line: string): number => line.length - line.trimStart().length;
export const meaningful = (line: string): boolean => line.trim() !== '' && !line.trim().startsWith('#');

/** The column of a line's key: after any `- ` sequence markers (`- Effect: Allow` -> the column of `Effect`). */
export function keyColumn(line: string): number {
  const m = /^(\s*(?:-\s+)*)/.exec(line);
  return m ? m[1]!.length : indentOf(line);
}

/**
 * The last line (1-based) of the block a key line opens: every following line indented deeper than the key, and
 * the `- ` items of a sequence written at the key's own column (`Statement:` then `- Effect: ...` under it).
 */
export function blockEnd(lines: readonly string[], line: number): number {
  const col = keyColumn(lines[line - 1] ?? '');
  let last = line;
  for (let i = line; i < lines.length; i++) {
    const l = lines[i]!;
    if (!meaningful(l)) continue;
    const ind = indentOf(l);
    if (ind > col || (ind === col && /^\s*-(\s|$)/.test(l))) last = i + 1;
    else break;
  }
  return last;
}

/** The value after `key:` on a line (without a trailing comment when that is plain to see), or undefined. */
export function valueAfterKey(line: string, key: string): string | undefined {
  const m = new RegExp(`^\\s*(?:-\\s+)*["']?${escapeRe(key)}["']?\\s*:(?:\\s+(.*))?$`).exec(line);
  if (!m) return undefined;
  return (m[1] ?? '').trim();
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The first line (1-based) in lines (from, to] whose key is `key` at the given key column, or undefined. */
export function childLine(lines: readonly string[], parent: number, key: string, end = blockEnd(lines, parent)): number | undefined {
  const re = new RegExp(`^\\s*(?:-\\s+)*["']?${escapeRe(key)}["']?\\s*:`);
  let col: number | undefined;
  for (let i = parent; i < end; i++) {
    const l = lines[i]!;
    if (!meaningful(l)) continue;
    col ??= keyColumn(l);
    if (keyColumn(l) === col && re.test(l)) return i + 1;
    // A nested line deeper than the first child is not a child.
  }
  return undefined;
}

/** The indentation unit the template uses around a line: a child's column minus its parent's, else 2. */
export function unitAt(lines: readonly string[], line: number): number {
  const col = keyColumn(lines[line - 1] ?? '');
  for (let i = line; i < lines.length; i++) {
    const l = lines[i]!;
    if (!meaningful(l)) continue;
    const d = indentOf(l) - col;
    return d > 0 ? d : 2;
  }
  return 2;
}

/**
 * Sets `key: value` in a resource's Properties: `origin` is the property's own line (its value is replaced) or the
 * `Properties:` line, as the template reader gives it when the property is absent (the line is added under it).
 */
export function setProperty(texts: TemplateTexts, origin: Origin | undefined, key: string, value: string): TextEdit | undefined {
  const at = texts.locate(origin);
  const line = at?.lines[at.line - 1];
  if (!at || line === undefined) return undefined;
  const current = valueAfterKey(line, key);
  if (current !== undefined) {
    if (current === '' || /^[|>]/.test(current)) return undefined; // a block value: not a scalar to replace
    if (current === value) return undefined;
    return { kind: 'replace', file: at.file, line: at.line, from: line, to: `${line.slice(0, line.indexOf(':', line.indexOf(key)) + 1)} ${value}` };
  }
  if (!/^\s*Properties:\s*(#.*)?$/.test(line)) return undefined;
  const col = indentOf(line) + unitAt(at.lines, at.line);
  return { kind: 'insert', file: at.file, afterLine: at.line, lines: [`${' '.repeat(col)}${key}: ${value}`] };
}

/** A scalar fit to stand in a flow sequence as written (`vpce-1`, `!Ref X`, `'a b'`), else undefined. */
function flowSafe(scalar: string): boolean {
  const unquoted = scalar.replace(/'(?:[^']|'')*'|"(?:[^"\\]|\\.)*"/g, '');
  return scalar !== '' && !/^[|>&*]/.test(scalar) && !/[,[\]{}#]/.test(unquoted);
}

/**
 * Appends `item` (a YAML scalar, possibly tagged) to the list that `key:` holds on line `line` (1-based): a flow
 * list on the line (`[a, b]`), a block list under it (`- a`), or a single value, which becomes `[value, item]`.
 */
export function appendToList(file: string, lines: readonly string[], line: number, key: string, item: string): TextEdit | undefined {
  const text = lines[line - 1];
  if (text === undefined) return undefined;
  const value = valueAfterKey(text, key);
  if (value === undefined) return undefined;
  if (value === '') {
    const end = blockEnd(lines, line);
    const items: number[] = [];
    for (let i = line; i < end; i++) if (/^\s*-(\s|$)/.test(lines[i]!)) items.push(i);
    const first = items[0];
    if (first === undefined) return undefined;
    const dash = indentOf(lines[first]!);
    if (!items.every((i) => indentOf(lines[i]!) === dash)) return undefined;
    return { kind: 'insert', file, afterLine: end, lines: [`${' '.repeat(dash)}- ${item}`] };
  }
  const at = text.lastIndexOf(value);
  if (/^\[.*\]$/.test(value)) {
    const inner = value.slice(1, -1).trim();
    if (inner !== '' && !flowSafe(inner.split(',').pop()!.trim())) return undefined;
    const close = at + value.length - 1;
    const to = `${text.slice(0, close).replace(/\s*$/, '')}${inner === '' ? '' : ', '}${item}]${text.slice(close + 1)}`;
    return { kind: 'replace', file, line, from: text, to };
  }
  if (!flowSafe(value)) return undefined;
  return { kind: 'replace', file, line, from: text, to: `${text.slice(0, at)}[${value}, ${item}]` };
}

/** The line (1-based) of a top-level section (`Parameters:`, `Resources:`) in a template text, or undefined. */
export function sectionLine(lines: readonly string[], name: string): number | undefined {
  const i = lines.findIndex((l) => new RegExp(`^${name}:\\s*(#.*)?$`).test(l));
  return i < 0 ? undefined : i + 1;
}

/**
 * Adds a String parameter to a template (creating `Parameters:` before `Resources:` when there is none); the
 * template's own indentation is kept.
 */
export function addParameter(texts: TemplateTexts, file: string, name: string, description: string): TextEdit | undefined {
  const text = texts.text(file);
  if (text === undefined || text.trimStart().startsWith('{')) return undefined;
  const lines = text.split('\n');
  const params = sectionLine(lines, 'Parameters');
  const resources = sectionLine(lines, 'Resources');
  const pad = ' '.repeat(unitAt(lines, params ?? resources ?? 1));
  const body = [`${pad}${name}:`, `${pad}${pad}Type: String`, `${pad}${pad}Description: ${quote(description)}`];
  if (params !== undefined) return { kind: 'insert', file, afterLine: blockEnd(lines, params), lines: body };
  if (resources === undefined) return undefined;
  return { kind: 'insert', file, afterLine: resources - 1, lines: ['Parameters:', ...body] };
}

/** A YAML single-quoted scalar when plain would not do. */
export function quote(s: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9 _./()-]*$/.test(s) && !/\s$/.test(s) ? s : `'${s.replace(/'/g, "''")}'`;
}

/** A value written three ways: in YAML (possibly tagged), inside a `!Sub` string, and as the plain value. */
export interface Expr {
  /** The value AWS sees (in the model: the element's id, made up or not). */
  readonly value: string;
  readonly yaml: string;
  /** The text inside a `!Sub` string (`${ApiEndpoint}`), when there is one. */
  readonly sub?: string;
  /** The value itself, when it is real (not an id vpcpath made up for a template resource). */
  readonly literal?: string;
}

export interface Reference {
  readonly expr: Expr;
  /** Edits the reference needs (a new parameter). */
  readonly edits: TextEdit[];
  readonly assumes: string[];
}

/** A value written as itself. */
export function constant(value: string): Expr {
  return { value, yaml: quote(value), sub: value, literal: value };
}

const fromTemplate = (e: Element): boolean => Boolean(e.origin?.stack && e.origin.logicalId);

/** Logical ids and parameter names a template already uses (so a new one does not clash). */
export function takenNames(texts: TemplateTexts, file: string): Set<string> {
  const text = texts.text(file) ?? '';
  return new Set([...text.matchAll(/^\s+([A-Za-z0-9]+):/gm)].map((m) => m[1]!));
}

export function freeName(taken: ReadonlySet<string>, base: string): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}

/**
 * How a template in `file` refers to an element's id (or, with `attr`, to one of its attributes, e.g. a
 * DomainNameV2's DomainNameArn): `!Ref` in the same template, `!ImportValue` of an export that holds the value,
 * the value itself for an element from a snapshot or facts, else a new String parameter the user fills in.
 */
export function referTo(
  texts: TemplateTexts, model: Model, file: string, element: Element, value: string, what: string, attr?: string, from?: string,
): Reference | undefined {
  const logical = element.origin?.logicalId;
  // `from`: the resource that will hold the reference; a !Ref back to a resource that depends on it is a cycle.
  const cycle = Boolean(from && logical && dependsOn(texts, file, logical, from));
  if (fromTemplate(element) && element.origin!.file === file && logical && !cycle) {
    return attr
      ? { expr: { value, yaml: `!GetAtt ${logical}.${attr}`, sub: `\${${logical}.${attr}}` }, edits: [], assumes: [] }
      : { expr: { value, yaml: `!Ref ${logical}`, sub: `\${${logical}}` }, edits: [], assumes: [] };
  }
  if (!fromTemplate(element)) return { expr: constant(value), edits: [], assumes: [] };
  for (const stack of model.stacks) {
    if (stack.file === file) continue;
    const exportName = Object.entries(stack.exports).find(([, v]) => v === value)?.[0];
    if (exportName) return { expr: { value, yaml: `!ImportValue ${quote(exportName)}` }, edits: [], assumes: [] };
  }
  const param = freeName(takenNames(texts, file), `${logical ?? 'Element'}${attr ?? 'Id'}`.replace(/[^A-Za-z0-9]/g, ''));
  const edit = addParameter(texts, file, param, `${what} (${logical} in ${element.origin!.file.split('/').pop()})`);
  if (!edit) return undefined;
  return {
    expr: { value, yaml: `!Ref ${param}`, sub: `\${${param}}` }, edits: [edit],
    assumes: [`the new parameter ${param} is given ${what} (${logical}, defined in ${element.origin!.file.split('/').pop()})`],
  };
}

/** The logical ids each resource of a YAML template refers to (Ref, GetAtt, ${...} in Sub, DependsOn). */
export function resourceReferences(texts: TemplateTexts, file: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const text = texts.text(file);
  if (text === undefined || text.trimStart().startsWith('{')) return out;
  const lines = text.split('\n');
  const start = sectionLine(lines, 'Resources');
  if (start === undefined) return out;
  const end = blockEnd(lines, start);
  let col: number | undefined;
  let current: Set<string> | undefined;
  for (let i = start; i < end; i++) {
    const l = lines[i]!;
    if (!meaningful(l)) continue;
    col ??= indentOf(l);
    const key = indentOf(l) === col ? /^\s*([A-Za-z0-9]+)\s*:/.exec(l)?.[1] : undefined;
    if (key) {
      current = new Set();
      out.set(key, current);
      continue;
    }
    if (!current) continue;
    const patterns = [/!Ref\s+([A-Za-z0-9]+)/g, /\bRef:\s*([A-Za-z0-9]+)/g, /!GetAtt\s+([A-Za-z0-9]+)\./g, /Fn::GetAtt:\s*\[\s*([A-Za-z0-9]+)/g,
      /\$\{([A-Za-z0-9]+)[}.]/g, /DependsOn:\s*\[?\s*([A-Za-z0-9, ]+)/g];
    for (const re of patterns) for (const m of l.matchAll(re)) for (const id of m[1]!.split(/[ ,]+/)) if (id) current.add(id);
    const dependsList = /^\s*-\s+([A-Za-z0-9]+)\s*$/.exec(l);
    if (dependsList) current.add(dependsList[1]!);
  }
  return out;
}

/** Whether resource `from` refers to `to`, directly or through other resources of the same template. */
export function dependsOn(texts: TemplateTexts, file: string, from: string, to: string): boolean {
  const refs = resourceReferences(texts, file);
  const seen = new Set<string>();
  const queue = [from];
  while (queue.length) {
    const id = queue.shift()!;
    if (id === to && id !== from) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const next of refs.get(id) ?? []) {
      if (next === to) return true;
      queue.push(next);
    }
  }
  return false;
}
