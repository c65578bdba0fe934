// The model under construction from one snapshot: the answers by kind, notes, problems, and failed calls.
import {
  emptyModel, PLACEHOLDER_PREFIX, type Model, type NetworkInterface, type NoteLevel, type Origin, type Subnet,
} from '../../model/index.js';
import type { InputProblem } from '../input-problem.js';
import type { Dispatched, ItemKind, Kind, PreparedKind } from './dispatch.js';
import { isObj, type Obj } from './json-read.js';
import type { SnapshotFile } from './json-positions.js';
import type { FailedCalls } from './manifest.js';

export type Mut<T> = { -readonly [K in keyof T]: T[K] };

/** The account and region an answer was collected in. */
export interface Scope {
  readonly account: string;
  readonly region: string;
}

/** One element of an answer, with where it is written. */
export interface Located {
  readonly o: Obj;
  readonly file: SnapshotFile;
  /** Inside the file: `Vpcs[2]`. */
  readonly path: string;
  /** Where the element starts in the file's text (-1: not found). */
  readonly offset: number;
  /** The resource the file's folder names (API id, domain name, hosted zone id). */
  readonly resource?: string;
}

/** An element, and the account and region of its answer. */
export interface Item extends Located {
  readonly scope: Scope;
}

export interface ScopedAnswer {
  readonly answer: Dispatched;
  readonly scope: Scope;
}

export class Build {
  readonly model: Model = emptyModel();
  readonly problems: InputProblem[] = [];

  /** The answers of each kind, in file order. */
  private readonly byKind = new Map<Kind, ScopedAnswer[]>();
  /** Each kind's elements that are not objects, as problems (asked for once per API: not gathered each time). */
  private readonly shapeProblems = new Map<Kind, readonly InputProblem[]>();
  /** Each kind's answers by the resource their folder names (API id, domain name, zone id). */
  private readonly answersByResource = new Map<Kind, Map<string | undefined, ScopedAnswer[]>>();
  private readonly indexes = new Map<string, ListIndex<unknown>>();

  constructor(answers: readonly ScopedAnswer[], readonly failures: FailedCalls) {
    for (const a of answers) {
      const list = this.byKind.get(a.answer.kind);
      if (list) list.push(a);
      else this.byKind.set(a.answer.kind, [a]);
    }
  }

  /**
   * Every element of every answer of this kind, in file order, read one file at a time as the caller goes (a new
   * Item each time: nothing of a file is kept once the caller has passed it). Each element that is not an
   * object is a problem, added each time the kind is asked for.
   */
  items(kind: ItemKind): Iterable<Item> {
    this.addShapeProblems(kind);
    return this.itemsIn(this.byKind.get(kind) ?? []);
  }

  private *itemsIn(answers: readonly ScopedAnswer[]): Generator<Item> {
    for (const { answer, scope } of answers) {
      for (const element of located(answer)) yield { ...element, scope };
    }
  }

  /**
   * What the answers of a prepared kind whose folder names `resource`, in `where`, hold (read as the snapshot was
   * walked: see PREPARE in index.ts), in file order. As for `items`, the kind's elements that are not objects are
   * problems, added each time.
   */
  prepared<T>(kind: PreparedKind, resource: string, where: (scope: Scope) => boolean): T[] {
    this.addShapeProblems(kind);
    return this.answeredOf(kind, resource).filter((a) => where(a.scope)).flatMap((a) => (a.answer.prepared ?? []) as T[]);
  }

  private addShapeProblems(kind: Kind): void {
    let problems = this.shapeProblems.get(kind);
    if (!problems) {
      problems = (this.byKind.get(kind) ?? []).flatMap(({ answer }) => answer.shapeProblems);
      this.shapeProblems.set(kind, problems);
    }
    for (const p of problems) this.problems.push(p);
  }

  /**
   * The files holding answers of this kind whose folder names `resource`, in file order (to tell "no such call in
   * the snapshot" from "an empty answer").
   */
  answeredOf(kind: Kind, resource: string): readonly ScopedAnswer[] {
    let index = this.answersByResource.get(kind);
    if (!index) {
      index = groupBy(this.byKind.get(kind) ?? [], (a) => a.answer.resource);
      this.answersByResource.set(kind, index);
    }
    return index.get(resource) ?? [];
  }

  note(level: NoteLevel, code: string, message: string, origin?: Origin): void {
    this.model.notes.push({ level, code, message, ...(origin ? { origin } : {}) });
  }

  problem(file: SnapshotFile, offset: number, code: string, message: string): void {
    const o = file.at(offset);
    this.problems.push({ code, message, file: o.file, ...(o.line ? { line: o.line, column: o.column } : {}) });
  }

  /**
   * An index of a model collection by `keys` (cached by `name`), which follows the collection as it grows: the
   * lookups of a reader that adds elements as it goes see them, as `find` and `filter` on the collection would.
   */
  index<T>(name: string, list: readonly T[], keys: (element: T) => readonly string[]): ListIndex<T> {
    let index = this.indexes.get(name) as ListIndex<T> | undefined;
    if (!index) {
      index = new ListIndex(list, keys);
      this.indexes.set(name, index as ListIndex<unknown>);
    }
    return index;
  }

  /** The subnet of the model with this id (the first, as `find` gives). */
  subnet(id: string): Subnet | undefined {
    return this.index('subnets', this.model.subnets, (s) => [s.id]).first(id);
  }

  /** The network interface of the model with this id. */
  networkInterface(id: string): NetworkInterface | undefined {
    return this.index('networkInterfaces', this.model.networkInterfaces, (n) => [n.id]).first(id);
  }

  /** The VPC of a subnet; where the subnet is not in the snapshot, a placeholder that says so. */
  vpcOfSubnet(subnetId: string, origin?: Origin): string {
    const subnet = this.subnet(subnetId);
    if (subnet) return subnet.vpcId;
    const placeholder = `${PLACEHOLDER_PREFIX}vpc-of:${subnetId}`;
    if (!this.index('unresolved', this.model.unresolvedReferences, (r) => [r.placeholder]).first(placeholder)) {
      this.model.unresolvedReferences.push({ placeholder, reason: `the VPC of subnet ${subnetId} is unknown: the subnet is not in the snapshot`, ...(origin ? { origin } : {}) });
    }
    return placeholder;
  }

  /** A required id that is missing: an input problem, and the element is skipped. */
  missingField(item: Located, field: string): void {
    this.problem(item.file, item.offset, 'snapshot-missing-field', `${item.path} has no ${field}`);
  }

  /** The origin of an element: where its id is written in it (else where it starts). */
  origin(item: Located, id?: string): Origin {
    return originOf(item, id);
  }

  /** Where each element of the list `key` inside this element starts: the origins of rules, entries, routes. */
  childOrigins(item: Located, key: string): (index: number) => Origin {
    const starts = item.offset >= 0 ? item.file.elementStarts(key, item.offset) : [];
    return (j) => item.file.at(starts[j] ?? item.offset, `${item.path}.${key}[${j}]`);
  }

  /** Where `needle` is written inside the element (else where the element starts). */
  originIn(item: Located, needle: string, path: string): Origin {
    return originInside(item, needle, path);
  }
}

/** The elements of an answer that are objects, in file order, with where each starts (the file read again). */
export function* located(answer: Dispatched): Generator<Located> {
  const elements = answer.items();
  const starts = answer.file.elementStarts(answer.key);
  const extra = answer.resource !== undefined ? { resource: answer.resource } : {};
  for (let i = 0; i < elements.length; i++) {
    const o = elements[i];
    if (isObj(o)) yield { o, file: answer.file, path: `${answer.key}[${i}]`, offset: starts[i] ?? -1, ...extra };
  }
}

/** The origin of an element: where its id is written in it (else where it starts). */
export function originOf(item: Located, id?: string): Origin {
  const found = id === undefined ? -1 : item.file.offsetOf(id, Math.max(0, item.offset));
  return item.file.at(found >= 0 ? found : item.offset, item.path);
}

/** Where `needle` is written inside the element (else where the element starts). */
export function originInside(item: Located, needle: string, path: string): Origin {
  const found = item.file.offsetOf(needle, Math.max(0, item.offset));
  return item.file.at(found >= 0 ? found : item.offset, path);
}

/** The items by key, each list in the items' order. */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** The elements of a list that only grows, by key, in list order; catches up with new elements when asked. */
export class ListIndex<T> {
  private readonly map = new Map<string, T[]>();
  private seen = 0;

  constructor(private readonly list: readonly T[], private readonly keys: (element: T) => readonly string[]) {}

  /** The elements with this key, in list order (`filter`). */
  all(key: string): readonly T[] {
    for (; this.seen < this.list.length; this.seen++) {
      const element = this.list[this.seen]!;
      for (const k of this.keys(element)) {
        const found = this.map.get(k);
        if (!found) this.map.set(k, [element]);
        else if (found[found.length - 1] !== element) found.push(element);
      }
    }
    return this.map.get(key) ?? [];
  }

  /** The first element with this key (`find`). */
  first(key: string): T | undefined {
    return this.all(key)[0];
  }
}
