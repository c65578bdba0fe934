// The state one name resolution carries: the model, the address book, the steps so far, and what a stage answers.
import type { Maybe, ModelIndex, Origin, Vpc } from '../../model/index.js';
import { isUnknown } from '../../model/index.js';
import type { AddressBook } from '../address-book.js';
import type { Confidence, DnsSource, DnsStep, MissingFact } from '../trace.js';

/** CNAME hops (and alias hops inside Route 53) beyond this count are treated as a loop. */
export const MAX_HOPS = 16;

/** What asking one server about one name gives. A CNAME sends the client's resolver back to the start (R29). */
export type Answer =
  | { readonly kind: 'addresses'; readonly addresses: string[]; readonly source: DnsSource }
  | { readonly kind: 'cname'; readonly target: string }
  | { readonly kind: 'nxdomain'; readonly source: DnsSource }
  | { readonly kind: 'no-resolver' }
  | { readonly kind: 'loop'; readonly names: string[] }
  | { readonly kind: 'unknown'; readonly missing: MissingFact[] };

/** Where a query is answered: a VPC's Route 53 Resolver (R1), or a DNS server that sees public DNS only (R7). */
export type ResolverAt =
  | { readonly kind: 'vpc'; readonly vpc: Vpc }
  | { readonly kind: 'public-only'; readonly label: string };

export interface Ctx {
  readonly index: ModelIndex;
  readonly book: AddressBook;
  readonly steps: DnsStep[];
  /** The client VPC's resolver: a CNAME target is asked again here. */
  readonly start: ResolverAt;
  /** Alias targets Route 53 has resolved for the current name (loop guard). */
  aliasDepth: number;
  /** How many names the client's resolver has asked so far (1 for the URL's host). */
  namesAsked: number;
}

export interface StepInput {
  readonly name: string;
  readonly recordType: DnsStep['recordType'];
  readonly answer: string[];
  readonly source: DnsSource;
  readonly answeredBy: string;
  readonly why: string;
  readonly origin?: Origin | undefined;
  readonly rules: string[];
  readonly confidence: Confidence;
}

export function pushStep(ctx: Ctx, input: StepInput): void {
  const { origin, ...rest } = input;
  ctx.steps.push(origin ? { ...rest, origin } : rest);
}

/** Adds a caveat to the first step recorded since `from` (the step the caveat is about). */
export function annotate(ctx: Ctx, from: number, note: string, rules: string[] = [], confidence?: Confidence): void {
  const step = ctx.steps[from];
  if (!step) return;
  ctx.steps[from] = {
    ...step,
    why: `${step.why}; ${note}`,
    rules: [...new Set([...step.rules, ...rules])],
    confidence: confidence ?? step.confidence,
  };
}

export function missing(fact: string, reason: string, origin?: Origin): MissingFact {
  return origin ? { fact, reason, origin } : { fact, reason };
}

export function unknownAnswer(fact: string, reason: string, origin?: Origin): Answer {
  return { kind: 'unknown', missing: [missing(fact, reason, origin)] };
}

/**
 * Is the id `ref` (a VPC id a zone, rule or endpoint names) the VPC `vpcId`? A value the input could not tell,
 * or a placeholder for an unresolved reference, gives the missing fact instead of a guess.
 */
export function refersTo(ctx: Ctx, ref: Maybe<string>, vpcId: string, what: string, origin?: Origin): boolean | MissingFact {
  if (isUnknown(ref)) return missing(what, ref.reason, ref.origin ?? origin);
  const unresolved = ctx.index.unresolvedReason(ref);
  if (unresolved) return missing(what, unresolved.reason, unresolved.origin ?? origin);
  return ref === vpcId;
}

const STRENGTH: Record<Confidence, number> = { documented: 2, observed: 1, inferred: 0 };

/** The weaker of two confidences: a conclusion is only as sure as its least sure premise. */
export function weaker(a: Confidence, b: Confidence): Confidence {
  return STRENGTH[a] <= STRENGTH[b] ? a : b;
}
