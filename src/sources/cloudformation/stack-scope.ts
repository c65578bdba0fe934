// What a resource handler may ask of the stack it is built in.
import type { NoteLevel, Origin } from '../../model/index.js';
import type { MadeUpIds } from './made-up-ids.js';
import type { ModelBuilder } from './model-builder.js';
import type { Loc, Val } from './val.js';

export interface StackScope {
  readonly file: string;
  readonly stack: string;
  readonly region: string;
  readonly account: string;
  readonly builder: ModelBuilder;
  readonly ids: MadeUpIds;
  /** An origin in this stack's file (positions shifted by the scenario offsets). */
  origin(loc: Loc | undefined, logicalId?: string): Origin;
  problem(code: string, message: string, loc: Loc | undefined): void;
  note(level: NoteLevel, code: string, message: string, loc?: Loc, logicalId?: string): void;
  /** A made-up id was used in this stack: one `made-up-id` note per stack. */
  madeUpUsed(): void;
  /** Runs after every resource of the stack is built; phase 1 runs after phase 0 (SAM events, then APIs). */
  defer(fn: () => void, phase?: 0 | 1): void;
  /** The type of a resource of this stack, by logical id. */
  typeOf(logicalId: string): string | undefined;
  /** Registers a resource SAM generates (`MyApiProdStage`) so that `${...}` substitution finds it. */
  addGenerated(logicalId: string, type: string, ref: string, loc: Loc | undefined): void;
  /** Evaluates one property of a resource as written (SAM Events, read after every resource is built). */
  evaluateProperty(logicalId: string, key: string): Val | undefined;
  /** Per-stack shared state of handlers (SAM API definitions, by logical id). */
  readonly shared: Map<string, unknown>;
}
