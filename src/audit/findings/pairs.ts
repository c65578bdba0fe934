// Shared by the finding kinds: affected pairs grouped and capped, and where a cause lives in a given VPC.
import { displayName, isKnown, type Origin, type VpcEndpoint } from '../../model/index.js';
import { traceRequest } from '../../sim/trace-request.js';
import type { Trace } from '../../sim/trace.js';
import type { Evaluation, PairResult } from '../evaluate.js';
import type { AffectedPairs } from '../finding.js';
import type { Placement } from '../placements.js';
import type { Target } from '../targets.js';

/** A finding lists at most this many affected pairs; the rest are counted. */
export const MAX_LISTED_PAIRS = 25;

/** The audited pairs of one target class and some placements (of one class), as AffectedPairs per target. */
export function pairsOf(e: Evaluation, members: readonly number[], tc: number, result: PairResult): AffectedPairs[] {
  const placements = members.map((i) => e.placements[i]!);
  return e.targetClasses[tc]!.map((ti) => e.targets[ti]!).map((t) => {
    const ps = t.fromVpcs ? placements.filter((p) => t.fromVpcs!.has(p.vpcId)) : placements;
    return {
      from: ps.flatMap((p) => p.workloads.map((w) => w.name)),
      vpcs: [...new Set(ps.map((p) => p.vpcId))],
      target: t.key.replace(/^GET /, ''),
      outcome: result.outcome,
    };
  }).filter((p) => p.from.length > 0);
}

/** Merges pairs of the same target and caps the list. */
export function capPairs(pairs: AffectedPairs[]): { pairs: AffectedPairs[]; omitted: number; total: number } {
  const byTarget = new Map<string, AffectedPairs>();
  let total = 0;
  for (const p of pairs) {
    total += p.from.length;
    const seen = byTarget.get(p.target);
    byTarget.set(p.target, seen
      ? { ...seen, from: [...new Set([...seen.from, ...p.from])], vpcs: [...new Set([...seen.vpcs, ...p.vpcs])] }
      : p);
  }
  const merged = [...byTarget.values()];
  return { pairs: merged.slice(0, MAX_LISTED_PAIRS), omitted: Math.max(0, merged.length - MAX_LISTED_PAIRS), total };
}

/** The execute-api interface endpoints of a VPC whose private DNS answers *.execute-api (R3, R4). */
export function capturingEndpoints(e: Evaluation, vpcId: string): VpcEndpoint[] {
  return e.model.vpcEndpoints.filter((x) => x.vpcId === vpcId && x.type === 'Interface' && x.privateDnsEnabled &&
    isKnown(x.serviceName) && x.serviceName.endsWith('.execute-api'));
}

/**
 * The trace of this very pair: the class representative's trace when it is this pair, else traced again (the
 * cause's element, and so its line, is the pair's own, not the representative's).
 */
export function ownTrace(e: Evaluation, placement: Placement, target: Target, result: PairResult): Trace {
  const url = target.spec.kind === 'http' ? target.spec.url.toString() : '';
  if (result.trace.source.networkInterfaceId === placement.networkInterfaceId && result.trace.request.url === url) return result.trace;
  const t = traceRequest(e.model, placement.workloads[0]!.id, target.spec, { index: e.index });
  return 'error' in t ? result.trace : t;
}

export function originKey(o: Origin | undefined): string {
  return o ? `${o.file}:${o.line ?? 0}:${o.column ?? 0}` : '';
}

/** `Vpc (vpc-0a1b...), Shared (vpc-...)`: VPCs as a person knows them. */
export function vpcNames(e: Evaluation, ids: readonly string[]): string {
  return [...new Set(ids)].map((id) => {
    const v = e.index.vpcs.get(id);
    return v && v.name ? `${displayName(v)} (${id})` : id;
  }).join(', ');
}
