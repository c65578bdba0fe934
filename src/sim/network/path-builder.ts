// Collects a path's hops, the forwarding components passed, and the facts found missing along the way.
import type { Component, Hop, MissingFact } from '../trace.js';
import type { DropCause, NetworkPath, PathEnd } from './types.js';

/** The outcome of one check on the path: its hop, and what it means for the packet. */
export type Check =
  | { readonly verdict: 'pass'; readonly hop: Hop }
  | { readonly verdict: 'drop'; readonly hop: Hop; readonly cause: DropCause }
  | { readonly verdict: 'unknown'; readonly hop: Hop; readonly missing: MissingFact[] };

export class PathBuilder {
  private readonly hops: Hop[] = [];
  private readonly via: Component[] = [];
  private readonly missing: MissingFact[] = [];

  add(hop: Hop): void {
    this.hops.push(hop);
    if (hop.component && this.via[this.via.length - 1] !== hop.component) this.via.push(hop.component);
  }

  /**
   * Records a check. A pass or an unknown filter lets the walk go on (a later certain drop still decides the
   * outcome); a drop ends the path, returned so the caller can stop.
   */
  check(check: Check): NetworkPath | undefined {
    this.add(check.hop);
    if (check.verdict === 'unknown') this.missing.push(...check.missing);
    if (check.verdict === 'drop') return this.end({ kind: 'dropped', cause: check.cause });
    return undefined;
  }

  /** Runs the checks in order, stopping at the first drop. */
  checkAll(checks: readonly (Check | undefined)[]): NetworkPath | undefined {
    for (const c of checks) {
      if (!c) continue;
      const stopped = this.check(c);
      if (stopped) return stopped;
    }
    return undefined;
  }

  /** Ends with an unknown that stops the walk (the next hop itself cannot be known). */
  unknown(hop: Hop, missing: MissingFact[]): NetworkPath {
    this.add(hop);
    this.missing.push(...missing);
    return this.end({ kind: 'unknown', missing: [] });
  }

  drop(hop: Hop, cause: DropCause): NetworkPath {
    this.add(hop);
    return this.end({ kind: 'dropped', cause });
  }

  /** A delivery or exit is only certain when no check along the way was unknown; a drop always is. */
  end(end: PathEnd): NetworkPath {
    const missing = dedupe([...this.missing, ...(end.kind === 'unknown' ? end.missing : [])]);
    const final: PathEnd = end.kind === 'dropped' || missing.length === 0 ? end : { kind: 'unknown', missing };
    return { hops: [...this.hops], via: [...this.via], end: final };
  }
}

function dedupe(facts: MissingFact[]): MissingFact[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    const key = `${f.fact}\u0000${f.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
