// Reads a YAML document as typed fields with positions, reporting unknown keys and wrong types as problems.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { InputProblem } from '../sources/input-problem.js';

export interface Position { readonly line: number; readonly column: number }

export class YamlReader {
  readonly problems: InputProblem[] = [];
  private readonly lines = new LineCounter();
  readonly root: Node | null;

  constructor(readonly file: string, readonly text: string) {
    const doc = parseDocument(text, { lineCounter: this.lines, uniqueKeys: false, prettyErrors: false });
    for (const err of doc.errors) {
      const pos = this.lines.linePos(err.pos[0]);
      this.problems.push({
        code: 'yaml-syntax', message: `invalid YAML: ${err.message.split('\n')[0]}`, file, line: pos.line, column: pos.col,
      });
    }
    this.root = doc.errors.length ? null : (doc.contents as Node | null);
  }

  position(node: Node | Pair | null | undefined): Position {
    const range = (node && 'range' in node ? node.range : undefined) ?? (node && 'key' in node ? (node.key as Node)?.range : undefined);
    const pos = this.lines.linePos(range?.[0] ?? 0);
    return { line: pos.line, column: pos.col };
  }

  problem(node: Node | Pair | null | undefined, code: string, message: string): void {
    const { line, column } = this.position(node);
    this.problems.push({ code, message, file: this.file, line, column });
  }

  /** A mapping's entries by key; reports keys outside `allowed`, and a node that is not a mapping. */
  mapping(node: Node | null | undefined, what: string, allowed: readonly string[]): Map<string, Pair<Node, Node>> | undefined {
    if (!isMap(node)) {
      this.problem(node, 'wrong-type', `${what} must be a mapping`);
      return undefined;
    }
    const out = new Map<string, Pair<Node, Node>>();
    for (const pair of (node as YAMLMap<Node, Node>).items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!allowed.includes(key)) {
        this.problem(pair.key, 'unknown-key', `unknown key '${key}' in ${what} (allowed: ${allowed.join(', ')})`);
        continue;
      }
      out.set(key, pair as Pair<Node, Node>);
    }
    return out;
  }

  string(node: Node | null | undefined, what: string): string | undefined {
    if (isScalar(node) && node.value !== null && typeof node.value !== 'object') return String(node.value);
    this.problem(node, 'wrong-type', `${what} must be a string`);
    return undefined;
  }

  boolean(node: Node | null | undefined, what: string): boolean | undefined {
    if (isScalar(node) && typeof node.value === 'boolean') return node.value;
    this.problem(node, 'wrong-type', `${what} must be true or false`);
    return undefined;
  }

  number(node: Node | null | undefined, what: string): number | undefined {
    if (isScalar(node) && typeof node.value === 'number') return node.value;
    this.problem(node, 'wrong-type', `${what} must be a number`);
    return undefined;
  }

  /** A string from a closed set; `normalise` maps what was written before the comparison (e.g. upper case). */
  oneOf<T extends string>(node: Node | null | undefined, what: string, allowed: readonly T[], normalise: (s: string) => string = (s) => s): T | undefined {
    const s = this.string(node, what);
    if (s === undefined) return undefined;
    const value = normalise(s);
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.problem(node, 'bad-value', `${what} '${s}' is not one of: ${allowed.join(', ')}`);
    return undefined;
  }

  sequence(node: Node | null | undefined, what: string): Node[] {
    if (isSeq(node)) return node.items as Node[];
    this.problem(node, 'wrong-type', `${what} must be a list`);
    return [];
  }

  stringList(node: Node | null | undefined, what: string): string[] {
    return this.sequence(node, what).flatMap((item) => this.string(item, `each item of ${what}`) ?? []);
  }

  /** Plain JS value of a node (for policy documents and parameter maps). */
  plain(node: Node | null | undefined): unknown {
    return node && 'toJSON' in node ? (node as { toJSON(): unknown }).toJSON() : undefined;
  }

  /** Where a block scalar's content starts: the line before its first line, and its indentation. */
  blockOffsets(node: Node): { lineOffset: number; columnOffset: number } {
    const header = this.position(node).line;
    const contentLine = this.text.split('\n')[header] ?? '';
    const indent = contentLine.length - contentLine.trimStart().length;
    if (isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) {
      return { lineOffset: header, columnOffset: indent };
    }
    return { lineOffset: header - 1, columnOffset: this.position(node).column - 1 };
  }
}
