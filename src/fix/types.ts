// The shapes of a fix: a remedy (one per file), the candidates it proposes, patches and verified fixes.
import type { Model } from '../model/index.js';
import type { RequestSpec } from '../sim/request.js';
import type { CauseCode, Trace } from '../sim/trace.js';
import type { TemplateTexts } from './template-text.js';

/** One edit to a template's text; `line` is 1-based in the template text itself. */
export type TextEdit =
  | { readonly kind: 'replace'; readonly file: string; readonly line: number; readonly from: string; readonly to: string }
  | { readonly kind: 'insert'; readonly file: string; readonly afterLine: number; readonly lines: string[] };

/**
 * The change as the user applies it: edits to their template, AWS CLI commands (snapshots), facts to add, or a
 * different request to make (a URL to call instead).
 */
export interface Patch {
  readonly edits: TextEdit[];
  readonly commands: string[];
  /** YAML to add to the facts file (a DNS record at an outside provider, a partner's domain). */
  readonly facts?: string;
  /** The request to make instead, when the fix is (also) to call a different URL. */
  readonly request?: string;
  /** Why no template patch could be written (a JSON template, an element without a template origin). */
  readonly note?: string;
}

export interface Candidate {
  /** Stable id, e.g. `private-dns-off:ApiEndpoint`. */
  readonly id: string;
  readonly title: string;
  /** What to change, in plain words. */
  readonly description: string;
  /** A changed copy of the model; never mutates its argument. */
  apply(model: Model): Model;
  /** The request to re-trace after the change; absent: the same request. */
  readonly request?: RequestSpec;
  readonly patch: Patch;
  readonly assumes: string[];
  /** Set when the API is not the user's (facts.apis): the change is for its owner to make. */
  readonly ownerAction?: string;
  /** Requests the input does not hold but the change plainly affects, judged for side effects too. */
  readonly probes?: Probe[];
}

/**
 * A stand-in request: "any private API called by its default URL" when the input holds none. It is simulated
 * on the model with a stand-in element added, before and after the change, like any other side effect.
 */
export interface Probe {
  /** Why it is listed although the input holds no such request. */
  readonly why: string;
  /** The model with the stand-in element added. */
  add(model: Model): Model;
  readonly from: string;
  readonly spec: RequestSpec;
  /** The request line as shown, with the stand-in's made-up parts as placeholders. */
  readonly shown: string;
}

export interface FixContext {
  readonly model: Model;
  readonly from: string;
  readonly request: RequestSpec;
  readonly trace: Trace;
  readonly texts: TemplateTexts;
  readonly region: string;
  readonly account: string;
}

export interface Remedy {
  readonly id: string;
  readonly title: string;
  /** The behavior rule of shared/spec/aws-behavior.md it implements. */
  readonly rule: string;
  readonly causes: readonly CauseCode[];
  propose(ctx: FixContext): Candidate[];
}

export interface SideEffect {
  readonly from: string;
  readonly request: string;
  readonly before: Outcome;
  readonly after: Outcome;
  /** Set for a stand-in request (a Probe): why it is listed although the input holds no such request. */
  readonly hypothetical?: string;
}

export interface Outcome {
  readonly reached: boolean;
  readonly cause: CauseCode;
  readonly status?: number;
  readonly result: string;
}

export interface VerifiedFix {
  readonly id: string;
  readonly title: string;
  readonly rule: string;
  readonly description: string;
  readonly verified: true;
  readonly request: string;
  readonly after: Outcome;
  readonly trace: Trace;
  readonly sideEffects: SideEffect[];
  readonly patch: Patch;
  readonly assumes: string[];
  readonly ownerAction?: string;
}
