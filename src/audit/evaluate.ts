// Every placement against every target, traced once per pair of equivalence classes (or per pair, exhaustively).
import { ModelIndex, type Model } from '../model/index.js';
import { traceRequest } from '../sim/trace-request.js';
import type { Trace } from '../sim/trace.js';
import { EstateNames, placementSignature, targetSignature, type VpcContent } from './equivalence.js';
import type { PairOutcome } from './finding.js';
import { placementsOf, type Placement } from './placements.js';
import type { Target } from './targets.js';

export interface PairResult {
  readonly outcome: PairOutcome;
  /** The trace of the class's representative pair. */
  readonly trace: Trace;
}

export interface Evaluation {
  readonly model: Model;
  readonly index: ModelIndex;
  readonly placements: Placement[];
  readonly targets: Target[];
  /** Members (indexes into placements / targets) of each class. */
  readonly placementClasses: number[][];
  readonly targetClasses: number[][];
  /** `placementClass,targetClass` -> the outcome; absent where no member pair is audited (query-log names). */
  readonly results: Map<string, PairResult>;
  /** Traces run, and pairs they answer. */
  readonly traced: number;
  readonly pairs: number;
}

export interface EvaluateOptions {
  /** Trace every pair; no equivalence classes. */
  readonly exhaustive?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

export function outcomeOf(trace: Trace): PairOutcome {
  return {
    reached: trace.reached, result: trace.answer.result, cause: trace.cause.code,
    ...(trace.answer.status !== undefined ? { status: trace.answer.status } : {}),
  };
}

function classes<T>(items: readonly T[], signature: (item: T, i: number) => string): number[][] {
  const bySig = new Map<string, number[]>();
  items.forEach((item, i) => {
    const s = signature(item, i);
    const list = bySig.get(s);
    if (list) list.push(i);
    else bySig.set(s, [i]);
  });
  return [...bySig.values()];
}

export function evaluateEstate(model: Model, targets: Target[], options: EvaluateOptions = {}): Evaluation {
  const index = new ModelIndex(model);
  const placements = placementsOf(index);
  const names = new EstateNames(model);
  const cache = new Map<string, VpcContent>();
  const placementClasses = options.exhaustive
    ? placements.map((_, i) => [i])
    : classes(placements, (p) => placementSignature(index, p, names, cache));
  const targetClasses = options.exhaustive
    ? targets.map((_, i) => [i])
    : classes(targets, (t) => targetSignature(t, t.apiId ? index.apis.get(t.apiId) : undefined, names));
  const results = new Map<string, PairResult>();
  let traced = 0;
  let pairs = 0;
  const total = placementClasses.length * targetClasses.length;
  let done = 0;
  targetClasses.forEach((tMembers, tc) => {
    const target = targets[tMembers[0]!]!;
    placementClasses.forEach((pMembers, pc) => {
      done += 1;
      if (options.onProgress && done % 500 === 0) options.onProgress(done, total);
      // A name seen in query logs is audited only from the VPCs that asked it.
      const asked = target.fromVpcs;
      const members = asked ? pMembers.filter((i) => asked.has(placements[i]!.vpcId)) : pMembers;
      if (!members.length) return;
      const placement = placements[members[0]!]!;
      const trace = traceRequest(model, placement.workloads[0]!.id, target.spec, { index });
      if ('error' in trace) return;
      traced += 1;
      pairs += members.length * tMembers.length;
      results.set(`${pc},${tc}`, { outcome: outcomeOf(trace), trace });
    });
  });
  return { model, index, placements, targets, placementClasses, targetClasses, results, traced, pairs };
}

/** Each audited pair, expanded from the classes: (placement, target, result). Use sparingly on large estates. */
export function* eachPair(e: Evaluation): Generator<{ placement: Placement; target: Target; result: PairResult }> {
  for (let tc = 0; tc < e.targetClasses.length; tc++) {
    for (let pc = 0; pc < e.placementClasses.length; pc++) {
      const result = e.results.get(`${pc},${tc}`);
      if (!result) continue;
      for (const ti of e.targetClasses[tc]!) {
        const target = e.targets[ti]!;
        for (const pi of e.placementClasses[pc]!) {
          const placement = e.placements[pi]!;
          if (target.fromVpcs && !target.fromVpcs.has(placement.vpcId)) continue;
          yield { placement, target, result };
        }
      }
    }
  }
}
