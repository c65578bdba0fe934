// A snapshot file's text and value, with line/column for offsets: syntax errors and elements' origins.
import type { Origin } from '../../model/index.js';
import { jsonErrorOffset } from './json-error.js';

export type ParsedJson =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly message: string; readonly line: number; readonly column: number };

/** Offsets of the start of every line, for offset -> line/column. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** 1-based line and column of a 0-based offset. */
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

/**
 * JSON.parse, with the place of a syntax error: the first offset where the text stops being JSON (the end, for a
 * truncated file such as a killed collector leaves), as line and column.
 */
export function parseJson(raw: string): ParsedJson {
  const bom = raw.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = bom ? raw.slice(1) : raw;
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const message = (e as Error).message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '');
    const found = jsonErrorOffset(text);
    const at = /at position (\d+)/.exec((e as Error).message);
    const offset = (found >= 0 ? found : at ? Number(at[1]) : text.length) + bom;
    return { ok: false, message, ...new LineIndex(raw).position(offset) };
  }
}

/** One parsed file of a snapshot: finds where an element is written, cheaply, by searching the text. */
export class SnapshotFile {
  private lines?: LineIndex;

  constructor(
    /** Path inside the snapshot folder, with `/`: `aws_configs/us-east-1/Vpcs.json`. */
    readonly rel: string,
    /** As a person names it: the snapshot path as given, then `rel`. */
    readonly display: string,
    readonly text: string,
    readonly value: unknown,
  ) {}

  position(offset: number): { line: number; column: number } {
    this.lines ??= new LineIndex(this.text);
    return this.lines.position(offset);
  }

  /** Offset of the first `"needle"` (a JSON string) at or after `from`; -1 if none. */
  offsetOf(needle: string, from = 0): number {
    return this.text.indexOf(JSON.stringify(needle), from);
  }

  /** Where `"needle"` first appears at or after `from` (an element's id: its line), with a path inside the file. */
  origin(needle: string | undefined, path?: string, from = 0): Origin {
    const offset = needle === undefined ? -1 : this.offsetOf(needle, from);
    return this.at(offset, path);
  }

  /**
   * Offsets where the elements of the list `key` start, in the object that starts at `from` (the top-level one by
   * default), in one pass over its text (strings skipped): the search for an element's id then starts at its own
   * element, not at a reference to it in an earlier one.
   */
  elementStarts(key: string, from = 0): number[] {
    const starts: number[] = [];
    const text = this.text;
    const wanted = JSON.stringify(key);
    let depth = 0;
    let inList = false;
    let expectElement = false;
    let lastString = '';
    for (let i = Math.max(0, from); i < text.length; i++) {
      const c = text[i]!;
      if (c === ' ' || c === '\n' || c === '\r' || c === '\t') continue;
      if (expectElement && c !== ']') starts.push(i);
      expectElement = false;
      if (c === '"') {
        let j = i + 1;
        while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
        lastString = text.slice(i, j + 1);
        i = j;
      } else if (c === '{' || c === '[') {
        if (depth === 1 && c === '[' && lastString === wanted) inList = expectElement = true;
        depth++;
      } else if (c === '}' || c === ']') {
        depth--;
        if (depth === 1) inList = false;
        if (depth === 0) break;
      } else if (c === ',') {
        if (depth === 1) lastString = '';
        if (depth === 2 && inList) expectElement = true;
      }
    }
    return starts;
  }

  /** The origin of an offset (-1: the file itself). */
  at(offset: number, path?: string): Origin {
    const where = offset >= 0 ? this.position(offset) : undefined;
    return { file: this.display, ...(where ? { line: where.line, column: where.column } : {}), ...(path ? { path } : {}) };
  }
}
