// Text edits to an IAM policy in a YAML template (resource, endpoint and private-domain policies): a statement
// appended to `Statement`, or a value added to a condition of one statement. Block YAML, flow YAML / JSON on the
// property's line, and JSON strings (quoted, or a block scalar, with or without !Sub) are edited; anything else
// gets a note instead of an edit, never a guess.
import type { Origin, PolicyStatement } from '../../model/index.js';
import type { TemplateTexts } from '../template-text.js';
import type { TextEdit } from '../types.js';
import { appendToList, blockEnd, childLine, indentOf, keyColumn, quote, unitAt, valueAfterKey, type Expr } from './yaml-text.js';

/** A statement to add: `Principal: '*'`, `Action: execute-api:Invoke` and these resources and condition. */
export interface NewStatement {
  readonly resources: readonly Expr[];
  readonly condition?: { readonly operator: string; readonly key: string; readonly value: Expr };
}

export type PolicyTextEdit = { readonly edits: TextEdit[] } | { readonly note: string };

/** The statement as the model holds it (values as AWS sees them). */
export function statementOf(s: NewStatement, value: (e: Expr) => string = (e) => e.value): PolicyStatement {
  const resources = s.resources.map(value);
  return {
    Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: resources.length === 1 ? resources[0]! : resources,
    ...(s.condition ? { Condition: { [s.condition.operator]: { [s.condition.key]: value(s.condition.value) } } } : {}),
  };
}

/** Block YAML lines of the statement as a sequence item: dash at `dash`, keys at `content`, nested by `unit`. */
function blockItem(s: NewStatement, dash: number, content: number, unit: number): string[] {
  const c = ' '.repeat(content);
  const u = ' '.repeat(unit);
  const out = [`${' '.repeat(dash)}-${' '.repeat(Math.max(1, content - dash - 1))}Effect: Allow`, `${c}Principal: '*'`, `${c}Action: execute-api:Invoke`];
  if (s.resources.length === 1) out.push(`${c}Resource: ${s.resources[0]!.yaml}`);
  else out.push(`${c}Resource:`, ...s.resources.map((r) => `${c}${u}- ${r.yaml}`));
  if (s.condition) {
    out.push(`${c}Condition:`, `${c}${u}${s.condition.operator}:`, `${c}${u}${u}${s.condition.key}: ${s.condition.value.yaml}`);
  }
  return out;
}

/** The statement in flow YAML, JSON style (tagged values stay tagged: `{"Resource": !Sub '...'}`). */
function flowItem(s: NewStatement): string {
  const v = (e: Expr) => (e.yaml.startsWith('!') ? e.yaml : JSON.stringify(e.literal ?? e.yaml));
  const resource = s.resources.length === 1 ? v(s.resources[0]!) : `[${s.resources.map(v).join(', ')}]`;
  const condition = s.condition ? `, "Condition": {"${s.condition.operator}": {"${s.condition.key}": ${v(s.condition.value)}}}` : '';
  return `{"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": ${resource}${condition}}`;
}

/** The statement as JSON inside a string; undefined when a value needs an intrinsic the string cannot hold. */
function jsonItem(s: NewStatement, sub: boolean, pretty?: number): string | undefined {
  const text = (e: Expr): string | undefined => (sub ? (e.sub ?? e.literal) : e.literal);
  const values = [...s.resources, ...(s.condition ? [s.condition.value] : [])].map(text);
  if (values.some((x) => x === undefined)) return undefined;
  const doc = statementOf(s, (e) => text(e)!);
  return pretty === undefined ? JSON.stringify(doc) : JSON.stringify(doc, null, pretty);
}

interface Pos { readonly line: number; readonly col: number }
interface StatementArray { readonly close: Pos; readonly nonEmpty: boolean; readonly lastItemClose?: Pos }

/**
 * The `Statement` array of the flow mapping (JSON or flow YAML) that opens at `from`: where it closes, whether it
 * has items, and where its last item closes. `yamlQuotes`: single quotes delimit strings too (flow YAML).
 */
function statementArray(
  lines: readonly string[], from: Pos, lastLine: number, yamlQuotes: boolean, lastCol?: number, atArray = false,
): StatementArray | undefined {
  // atArray: `from` is the `[` of the Statement list itself (`Statement: [...]` inside a block mapping).
  const stack: string[] = atArray ? ['{', '['] : [];
  let segment = '';
  let inString: string | undefined;
  let depth: number | undefined = atArray ? 2 : undefined;
  let nonEmpty = false;
  let lastItemClose: Pos | undefined;
  const mark = () => {
    if (depth !== undefined && stack.length === depth) nonEmpty = true;
  };
  for (let li = from.line; li <= lastLine; li++) {
    const l = lines[li] ?? '';
    const end = li === lastLine && lastCol !== undefined ? lastCol : l.length;
    for (let c = li === from.line ? from.col + (atArray ? 1 : 0) : 0; c < end; c++) {
      const ch = l[c]!;
      if (inString) {
        segment += ch;
        if (inString === '"' && ch === '\\') {
          segment += l[c + 1] ?? '';
          c++;
        } else if (ch === inString) {
          if (inString === "'" && l[c + 1] === "'") {
            segment += "'";
            c++;
          } else inString = undefined;
        }
        continue;
      }
      if (ch === '"' || (yamlQuotes && ch === "'")) {
        mark();
        inString = ch;
        segment += ch;
        continue;
      }
      if (yamlQuotes && ch === '#' && (c === 0 || /\s/.test(l[c - 1]!))) break;
      if (ch === '{' || ch === '[') {
        if (ch === '[' && stack.length === 1 && depth === undefined && /^\s*["']?Statement["']?\s*:\s*$/.test(segment)) {
          stack.push('[');
          depth = stack.length;
          segment = '';
          continue;
        }
        if (stack.length === 0 && ch !== '{') return undefined;
        mark();
        stack.push(ch);
        segment = '';
        continue;
      }
      if (ch === '}' || ch === ']') {
        const open = stack.pop();
        if (open === undefined || (open === '{') !== (ch === '}')) return undefined;
        if (depth !== undefined) {
          if (stack.length === depth && ch === '}') lastItemClose = { line: li, col: c };
          if (stack.length === depth - 1) return { close: { line: li, col: c }, nonEmpty, ...(lastItemClose ? { lastItemClose } : {}) };
        }
        if (stack.length === 0) return undefined;
        segment = '';
        continue;
      }
      if (ch === ',') {
        if (stack.length === 1) segment = '';
        continue;
      }
      if (!/\s/.test(ch)) mark();
      segment += ch;
    }
    if (inString && !yamlQuotes) return undefined; // a JSON string does not span lines
    segment += ' ';
  }
  return undefined;
}

/** Inserts `text` just before the array's closing bracket (compact: `, {...}` on that line). */
function insertBeforeClose(file: string, lines: readonly string[], a: StatementArray, text: string, lineOffset: number): TextEdit {
  const l = lines[a.close.line]!;
  const before = l.slice(0, a.close.col);
  const head = before.trim() === '' ? before : before.replace(/\s*$/, '');
  return { kind: 'replace', file, line: a.close.line + lineOffset, from: l, to: `${head}${a.nonEmpty ? ', ' : ''}${text}${l.slice(a.close.col)}` };
}

const NOTE = (why: string) => ({ note: `${why}: add the statement to the policy by hand` });

/**
 * Appends a statement to the policy under `key` (`Policy`, `PolicyDocument`) of a template resource: `origin` is
 * the property's line, or the `Properties:` line when the property is absent (a whole policy is added then).
 */
export function appendStatement(texts: TemplateTexts, origin: Origin | undefined, key: string, s: NewStatement): PolicyTextEdit {
  const at = texts.locate(origin);
  const line = at?.lines[at.line - 1];
  if (!at || line === undefined) return NOTE('the template is JSON or could not be read');
  const { file, lines } = at;
  const value = valueAfterKey(line, key);
  if (value === undefined) {
    if (!/^\s*Properties:\s*(#.*)?$/.test(line)) return NOTE(`line ${at.line} is not the ${key} property`);
    const u = unitAt(lines, at.line);
    const col = indentOf(line) + u;
    const c = ' '.repeat(col);
    const pad = ' '.repeat(u);
    return {
      edits: [{
        kind: 'insert', file, afterLine: at.line,
        lines: [`${c}${key}:`, `${c}${pad}Version: '2012-10-17'`, `${c}${pad}Statement:`, ...blockItem(s, col + 2 * u, col + 2 * u + 2, u)],
      }],
    };
  }
  const end = blockEnd(lines, at.line);
  if (value === '') {
    const stmt = childLine(lines, at.line, 'Statement', end);
    if (stmt === undefined) return NOTE(`no Statement under ${key}`);
    const sv = valueAfterKey(lines[stmt - 1]!, 'Statement')!;
    if (sv === '') {
      const sEnd = blockEnd(lines, stmt);
      const first = lines.slice(stmt, sEnd).findIndex((l) => /^\s*-\s+\S/.test(l));
      if (first < 0) return NOTE('Statement is a single statement, not a list');
      const itemLine = lines[stmt + first]!;
      const dash = indentOf(itemLine);
      const content = keyColumn(itemLine);
      return { edits: [{ kind: 'insert', file, afterLine: sEnd, lines: blockItem(s, dash, content, unitAt(lines, at.line)) }] };
    }
    if (!sv.startsWith('[')) return NOTE('Statement is not a list');
    const stmtText = lines[stmt - 1]!;
    const a = statementArray(lines, { line: stmt - 1, col: stmtText.lastIndexOf(sv) }, sEndOf(lines, stmt), true, undefined, true);
    if (!a) return NOTE('the Statement list could not be read');
    return { edits: [insertBeforeClose(file, lines, a, flowItem(s), 1)] };
  }
  const col = line.lastIndexOf(value);
  if (value.startsWith('{')) {
    const a = statementArray(lines, { line: at.line - 1, col }, end - 1, true);
    if (!a) return NOTE(`the flow mapping of ${key} could not be read`);
    return { edits: [insertBeforeClose(file, lines, a, flowItem(s), 1)] };
  }
  const sub = /^!Sub\s+/.test(value);
  const scalar = value.replace(/^!Sub\s+/, '');
  // A plain JSON string that must name a template resource becomes a !Sub string, when it holds no ${ of its own.
  const toSub = (text: string): boolean => !sub && jsonItem(s, false) === undefined && jsonItem(s, true) !== undefined && !text.includes('${');
  const tag = (text: string): string => text.replace(new RegExp(`(${key}\\s*:\\s*)`), '$1!Sub ');
  if (/^'.*'$/.test(scalar) && !scalar.slice(1, -1).includes("'")) {
    const start = col + value.indexOf(scalar) + 1;
    const a = statementArray(lines, { line: at.line - 1, col: start }, at.line - 1, false, col + value.length - 1);
    const retag = toSub(scalar);
    const item = jsonItem(s, sub || retag);
    if (!a || !item) return NOTE(!a ? `the JSON string of ${key} could not be read` : 'a value needs a reference the JSON string cannot hold');
    const edit = insertBeforeClose(file, lines, a, item, 1);
    return { edits: [edit.kind === 'replace' && retag ? { ...edit, to: tag(edit.to) } : edit] };
  }
  if (/^[|>][-+0-9]*$/.test(scalar)) {
    const first = lines.slice(at.line, end).findIndex((l) => l.trim() !== '');
    if (first < 0) return NOTE(`${key} is empty`);
    const startLine = at.line + first;
    const a = statementArray(lines, { line: startLine, col: lines[startLine]!.indexOf('{') }, end - 1, false);
    if (!a || lines[startLine]!.trim()[0] !== '{') return NOTE(`the JSON text of ${key} could not be read`);
    const retag = toSub(lines.slice(at.line, end).join('\n'));
    const tagEdit: TextEdit[] = retag ? [{ kind: 'replace', file, line: at.line, from: line, to: tag(line) }] : [];
    const closeLine = lines[a.close.line]!;
    const last = a.lastItemClose;
    if (last && last.line < a.close.line && closeLine.slice(0, a.close.col).trim() === '' && lines[last.line]!.slice(last.col + 1).trim() === '') {
      const pretty = jsonItem(s, sub || retag, 2);
      if (!pretty) return NOTE('a value needs a reference the JSON text cannot hold');
      const lastText = lines[last.line]!;
      const indent = ' '.repeat(indentOf(lastText));
      return {
        edits: [
          ...tagEdit,
          { kind: 'replace', file, line: last.line + 1, from: lastText, to: `${lastText.slice(0, last.col + 1)},${lastText.slice(last.col + 1)}` },
          { kind: 'insert', file, afterLine: last.line + 1, lines: pretty.split('\n').map((l) => `${indent}${l}`) },
        ],
      };
    }
    const item = jsonItem(s, sub || retag);
    if (!item) return NOTE('a value needs a reference the JSON text cannot hold');
    return { edits: [...tagEdit, insertBeforeClose(file, lines, a, item, 1)] };
  }
  return NOTE(`${key} is written as ${value.split(/\s/)[0]}, which vpcpath does not edit`);
}

function sEndOf(lines: readonly string[], line: number): number {
  return blockEnd(lines, line) - 1;
}

/**
 * Adds a value to a condition key of one statement (e.g. the endpoint to a Deny's `StringNotEquals
 * aws:SourceVpce` list). Block YAML only; the statement is the `index`-th item of `Statement`.
 */
export function addConditionValue(
  texts: TemplateTexts, origin: Origin | undefined, key: string, index: number, conditionKey: string, value: Expr,
): PolicyTextEdit {
  const at = texts.locate(origin);
  const line = at?.lines[at.line - 1];
  if (!at || line === undefined || valueAfterKey(line, key) !== '') return { note: `change the condition of statement ${index} by hand` };
  const { file, lines } = at;
  const stmt = childLine(lines, at.line, 'Statement');
  if (stmt === undefined || valueAfterKey(lines[stmt - 1]!, 'Statement') !== '') return { note: `change the condition of statement ${index} by hand` };
  const sEnd = blockEnd(lines, stmt);
  const items: number[] = [];
  let dash: number | undefined;
  for (let i = stmt; i < sEnd; i++) {
    const l = lines[i]!;
    if (!/^\s*-(\s|$)/.test(l)) continue;
    dash ??= indentOf(l);
    if (indentOf(l) === dash) items.push(i + 1);
  }
  const from = items[index];
  if (from === undefined) return { note: `statement ${index} was not found in the template text` };
  const to = (items[index + 1] ?? sEnd + 1) - 1;
  const re = new RegExp(`^\\s*(?:-\\s+)*["']?(${conditionKey.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})["']?\\s*:`, 'i');
  for (let l = from; l <= to; l++) {
    const m = re.exec(lines[l - 1]!);
    if (!m) continue;
    const edit = appendToList(file, lines, l, m[1]!, value.yaml);
    return edit ? { edits: [edit] } : { note: `add ${value.literal ?? value.yaml} to ${m[1]} of statement ${index} by hand` };
  }
  return { note: `${conditionKey} was not found in statement ${index}` };
}

/** `Resource: ...` in plain words for a description. */
export function exprWords(e: Expr): string {
  return e.literal ?? e.sub ?? e.yaml;
}

export { quote };
