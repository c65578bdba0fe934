// A snapshot file's text and value, with line/column for offsets: syntax errors and elements' origins.
import type { Origin } from '../../model/index.js';
import { jsonErrorOffset } from './json-error.js';

export type ParsedJson =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly message: string; readonly line: number; readonly column: number };

/** Offsets of the start of every line, for offset -> line/column. */
export class LineIndex {
  /** Typed, so that the collector does not copy it about (a large snapshot has millions of lines). */
  private readonly starts: Uint32Array;
  constructor(text: string) {
    let lines = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    this.starts = new Uint32Array(lines);
    let n = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts[n++] = i + 1;
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

/**
 * One parsed file of a snapshot: finds where an element is written, cheaply, by searching the text.
 *
 * The parsed value can be let go (`release`) and is then parsed again from the text each time it is asked for:
 * a large snapshot's answers are read one file at a time, so that what JSON.parse makes is garbage soon after,
 * rather than all of it kept alive (and copied by the garbage collector) until the model is built. A file
 * nobody will read again lets its text go too (`releaseText`): asking for it then is a mistake, and throws.
 */
export class SnapshotFile {
  private lines?: LineIndex;
  private kept: { value: unknown } | undefined;
  private content: string | undefined;
  /** `elementStarts` of the top-level object, by key. */
  private topStarts?: Map<string, number[]>;
  /** Needles (as JSON strings) whose search ran far: null, then, once asked for again, every place each is written. */
  private searched?: Map<string, number[] | null>;

  constructor(
    /** Path inside the snapshot folder, with `/`: `aws_configs/us-east-1/Vpcs.json`. */
    readonly rel: string,
    /** As a person names it: the snapshot path as given, then `rel`. */
    readonly display: string,
    /** The text as read (a byte order mark included). */
    text: string,
    value: unknown,
  ) {
    this.content = text;
    this.kept = { value };
  }

  /** The text as read (a byte order mark included). */
  get text(): string {
    if (this.content === undefined) throw new Error(`${this.display}: its text is no longer kept`);
    return this.content;
  }

  /** The parsed text: the value given, or, once released, the text parsed again (a new value each time). */
  get value(): unknown {
    if (this.kept) return this.kept.value;
    return JSON.parse(this.text.charCodeAt(0) === 0xfeff ? this.text.slice(1) : this.text);
  }

  /** Lets the value given go: `value` parses the text again when asked. */
  release(): void {
    this.kept = undefined;
  }

  /** Lets the value and the text go, and what was found in the text: nothing may be asked of the file after. */
  releaseText(): void {
    this.kept = undefined;
    this.content = undefined;
    this.lines = undefined;
    this.topStarts = undefined;
    this.searched = undefined;
  }

  position(offset: number): { line: number; column: number } {
    this.lines ??= new LineIndex(this.text);
    return this.lines.position(offset);
  }

  /**
   * Offset of the first `"needle"` (a JSON string) at or after `from`; -1 if none. A needle whose search ran far
   * (a key the elements lack: each search would run on to the end of the file) has its places found once when it
   * is looked for again.
   */
  offsetOf(needle: string, from = 0): number {
    const quoted = JSON.stringify(needle);
    const text = this.text;
    const places = this.searched?.get(quoted);
    if (places === undefined) {
      const found = text.indexOf(quoted, from);
      if (found < 0 || found - from > FAR) (this.searched ??= new Map()).set(quoted, null);
      return found;
    }
    let all = places;
    if (all === null) {
      all = [];
      for (let i = text.indexOf(quoted); i >= 0; i = text.indexOf(quoted, i + 1)) all.push(i);
      this.searched!.set(quoted, all);
    }
    // The first place at or after `from`.
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (all[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < all.length ? all[lo]! : -1;
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
    if (from <= 0) {
      this.topStarts ??= new Map();
      let starts = this.topStarts.get(key);
      if (!starts) {
        starts = this.scanStarts(key, 0);
        this.topStarts.set(key, starts);
      }
      return [...starts];
    }
    return this.scanStarts(key, from);
  }

  private scanStarts(key: string, from: number): number[] {
    const starts: number[] = [];
    const text = this.text;
    const wanted = JSON.stringify(key);
    const structure = STRUCTURE;
    structure.lastIndex = Math.max(0, from);
    let depth = 0;
    let inList = false;
    // Whether the last string met at depth 1 (a key of the object, in valid JSON) is `key`: only the key just
    // before a list can make it the list wanted.
    let lastIsWanted = false;
    for (let m = structure.exec(text); m; m = structure.exec(text)) {
      const i = m.index;
      const c = text.charCodeAt(i);
      let elementNext = false;
      if (c === QUOTE) {
        const end = stringEnd(text, i);
        if (depth === 1) lastIsWanted = end + 1 - i === wanted.length && text.startsWith(wanted, i);
        structure.lastIndex = end + 1;
      } else if (c === OPEN_OBJECT || c === OPEN_LIST) {
        if (depth === 1 && c === OPEN_LIST && lastIsWanted) inList = elementNext = true;
        depth++;
      } else if (c === CLOSE_OBJECT || c === CLOSE_LIST) {
        depth--;
        if (depth === 1) inList = false;
        if (depth === 0) break;
      } else if (depth === 1) {
        lastIsWanted = false;
      } else if (depth === 2 && inList) {
        elementNext = true;
      }
      if (elementNext) {
        // The element starts at the next character that is not white space (none: the list is empty).
        SOLID.lastIndex = structure.lastIndex;
        const next = SOLID.exec(text);
        if (next && text.charCodeAt(next.index) !== CLOSE_LIST) starts.push(next.index);
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

/** A search that runs on further than this (in characters) is a sign the needle is better found once. */
const FAR = 16_384;

/**
 * What changes the scan's state: strings, brackets, commas; white space, numbers and literals are jumped over.
 * Shared (`lastIndex` set before each use): the scan is synchronous and does not call itself.
 */
const STRUCTURE = /["{}[\],]/g;
/** The next character that is not JSON white space. */
const SOLID = /[^ \t\n\r]/g;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_LIST = 0x5b;
const CLOSE_LIST = 0x5d;

/** The offset of the quote that closes the string opening at `start` (the text's length if none does). */
function stringEnd(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return text.length;
    let backslashes = 0;
    while (quote - backslashes - 1 >= from && text.charCodeAt(quote - backslashes - 1) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}
