// Collects the front door's hops, caveats, rules and missing facts, and closes them into a FrontDoorResult.
import type { Answer, Cause, Component, Confidence, Hop, MissingFact } from '../trace.js';
import { cannotTell } from './answers.js';
import { frontDoorMissingFacts } from './causes-routing.js';
import type { FrontDoorResult } from './types.js';

const RANK: Record<Confidence, number> = { documented: 2, observed: 1, inferred: 0 };

/** The weaker of two confidences. */
export function weaker(a: Confidence, b: Confidence): Confidence {
  return RANK[a] <= RANK[b] ? a : b;
}

export class Recorder {
  private readonly hops: Hop[] = [];
  private readonly caveats: string[] = [];
  private readonly rules = new Set<string>();
  private readonly missing: MissingFact[] = [];

  add(hop: Hop): void {
    this.hops.push(hop);
    for (const r of hop.rules ?? []) this.rules.add(r);
  }

  /** A sentence about an inferred, observed or open rule the answer relies on. */
  caveat(text: string, ...rules: string[]): void {
    if (!this.caveats.includes(text)) this.caveats.push(text);
    for (const r of rules) this.rules.add(r);
  }

  lack(...facts: MissingFact[]): void {
    for (const f of facts) {
      if (!this.missing.some((m) => m.fact === f.fact && m.reason === f.reason)) this.missing.push(f);
    }
  }

  /** The weakest confidence of the hops so far (documented when there are none). */
  confidence(): Confidence {
    return this.hops.reduce<Confidence>((c, h) => weaker(c, h.confidence ?? 'documented'), 'documented');
  }

  /** Stops with result `unknown`: the hop that could not be decided, the facts it needs, and how to supply them. */
  unknown(hop: Hop, facts: MissingFact[], fix: string): FrontDoorResult {
    this.add({ ...hop, verdict: 'unknown' });
    this.lack(...facts);
    return this.finish(cannotTell('nobody can say yet: a fact is missing'), frontDoorMissingFacts(facts, fix));
  }

  finish(answer: Answer, cause: Cause): FrontDoorResult {
    for (const r of cause.rules) this.rules.add(r);
    const via: Component[] = [];
    for (const hop of this.hops) if (hop.component && !via.includes(hop.component)) via.push(hop.component);
    return {
      hops: [...this.hops],
      via,
      answer,
      cause,
      reached: answer.result === 'reached',
      missing: [...this.missing],
      caveats: [...this.caveats],
      rules: [...this.rules],
    };
  }
}
