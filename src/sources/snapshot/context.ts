// The model under construction from one snapshot: the answers by kind, notes, problems, and failed calls.
import { emptyModel, PLACEHOLDER_PREFIX, type Model, type NoteLevel, type Origin } from '../../model/index.js';
import type { InputProblem } from '../input-problem.js';
import type { Dispatched, Kind } from './dispatch.js';
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
export interface Item {
  readonly o: Obj;
  readonly file: SnapshotFile;
  /** Inside the file: `Vpcs[2]`. */
  readonly path: string;
  /** Where the element starts in the file's text (-1: not found). */
  readonly offset: number;
  readonly scope: Scope;
  /** The resource the file's folder names (API id, domain name, hosted zone id). */
  readonly resource?: string;
}

export interface ScopedAnswer {
  readonly answer: Dispatched;
  readonly scope: Scope;
}

export class Build {
  readonly model: Model = emptyModel();
  readonly problems: InputProblem[] = [];

  constructor(private readonly answers: readonly ScopedAnswer[], readonly failures: FailedCalls) {}

  /** Every element of every answer of this kind, in file order. */
  items(kind: Kind): Item[] {
    const out: Item[] = [];
    for (const { answer, scope } of this.answers) {
      if (answer.kind !== kind) continue;
      const starts = answer.file.elementStarts(answer.key);
      answer.items.forEach((o, i) => {
        const path = `${answer.key}[${i}]`;
        if (!isObj(o)) {
          this.problem(answer.file, answer.file.offsetOf(answer.key), 'snapshot-shape', `${path} must be an object`);
          return;
        }
        out.push({ o, file: answer.file, path, offset: starts[i] ?? -1, scope, ...(answer.resource !== undefined ? { resource: answer.resource } : {}) });
      });
    }
    return out;
  }

  /** The files holding answers of this kind (to tell "no such call in the snapshot" from "an empty answer"). */
  answered(kind: Kind, filter: (a: ScopedAnswer) => boolean = () => true): ScopedAnswer[] {
    return this.answers.filter((a) => a.answer.kind === kind && filter(a));
  }

  note(level: NoteLevel, code: string, message: string, origin?: Origin): void {
    this.model.notes.push({ level, code, message, ...(origin ? { origin } : {}) });
  }

  problem(file: SnapshotFile, offset: number, code: string, message: string): void {
    const o = file.at(offset);
    this.problems.push({ code, message, file: o.file, ...(o.line ? { line: o.line, column: o.column } : {}) });
  }

  /** The VPC of a subnet; where the subnet is not in the snapshot, a placeholder that says so. */
  vpcOfSubnet(subnetId: string, origin?: Origin): string {
    const subnet = this.model.subnets.find((s) => s.id === subnetId);
    if (subnet) return subnet.vpcId;
    const placeholder = `${PLACEHOLDER_PREFIX}vpc-of:${subnetId}`;
    if (!this.model.unresolvedReferences.some((r) => r.placeholder === placeholder)) {
      this.model.unresolvedReferences.push({ placeholder, reason: `the VPC of subnet ${subnetId} is unknown: the subnet is not in the snapshot`, ...(origin ? { origin } : {}) });
    }
    return placeholder;
  }

  /** A required id that is missing: an input problem, and the element is skipped. */
  missingField(item: Item, field: string): void {
    this.problem(item.file, item.offset, 'snapshot-missing-field', `${item.path} has no ${field}`);
  }

  /** The origin of an element: where its id is written in it (else where it starts). */
  origin(item: Item, id?: string): Origin {
    const found = id === undefined ? -1 : item.file.offsetOf(id, Math.max(0, item.offset));
    return item.file.at(found >= 0 ? found : item.offset, item.path);
  }

  /** Where each element of the list `key` inside this element starts: the origins of rules, entries, routes. */
  childOrigins(item: Item, key: string): (index: number) => Origin {
    const starts = item.offset >= 0 ? item.file.elementStarts(key, item.offset) : [];
    return (j) => item.file.at(starts[j] ?? item.offset, `${item.path}.${key}[${j}]`);
  }

  /** Where `needle` is written inside the element (else where the element starts). */
  originIn(item: Item, needle: string, path: string): Origin {
    const found = item.file.offsetOf(needle, Math.max(0, item.offset));
    return item.file.at(found >= 0 ? found : item.offset, path);
  }
}
