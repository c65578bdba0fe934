// The fix engine: candidates for the trace's cause, each verified by simulation, with side effects, ranked.
import type { Model } from '../model/index.js';
import { traceRequest } from '../sim/trace-request.js';
import type { RequestSpec } from '../sim/request.js';
import { patchSize } from './model-edit.js';
import { REMEDIES } from './remedies/index.js';
import { modelRequests, outcomeOf, requestLine, sameRequest, type NamedRequest } from './requests.js';
import { outcomes, probeSideEffects, sideEffects } from './side-effects.js';
import type { TemplateTexts } from './template-text.js';
import type { FixContext, VerifiedFix } from './types.js';
import { verify } from './verify.js';

export interface FixInput {
  readonly model: Model;
  readonly from: string;
  readonly request: RequestSpec;
  readonly texts: TemplateTexts;
  readonly region: string;
  readonly account: string;
  /** Checks of scenario files (--checks, or the scenario's own), judged for side effects too. */
  readonly checks?: readonly NamedRequest[];
}

/** Verified fixes for a request that does not reach its API, fewest side effects first, then smallest change. */
export function proposeFixes(input: FixInput): VerifiedFix[] {
  const trace = traceRequest(input.model, input.from, input.request);
  if ('error' in trace || trace.reached) return [];
  const ctx: FixContext = { ...input, trace };
  const requests = dedupe([...modelRequests(input.model), ...(input.checks ?? [])]);
  const before = outcomes(input.model, requests);
  const fixes: (VerifiedFix & { size: number })[] = [];
  for (const remedy of REMEDIES) {
    if (!remedy.causes.includes(trace.cause.code)) continue;
    for (const candidate of remedy.propose(ctx)) {
      if (fixes.some((f) => f.id === candidate.id)) continue;
      const v = verify(ctx, candidate);
      if (!v) continue;
      const fixed = [{ from: input.from, spec: input.request }, ...(candidate.request ? [{ from: input.from, spec: candidate.request }] : [])];
      const effects = [...sideEffects(requests, before, v.model, fixed), ...probeSideEffects(candidate.probes ?? [], input.model, v.model)];
      fixes.push({
        id: candidate.id, title: candidate.title, rule: remedy.rule, description: candidate.description, verified: true,
        request: requestLine(candidate.request ?? input.request), after: outcomeOf(v.trace), trace: v.trace,
        sideEffects: effects, patch: candidate.patch, assumes: candidate.assumes,
        ...(candidate.ownerAction ? { ownerAction: candidate.ownerAction } : {}),
        size: patchSize(candidate.patch),
      });
    }
  }
  fixes.sort((a, b) => a.sideEffects.length - b.sideEffects.length || a.size - b.size);
  return fixes.map(({ size: _size, ...f }) => f);
}

function dedupe(requests: NamedRequest[]): NamedRequest[] {
  const out: NamedRequest[] = [];
  for (const r of requests) if (!out.some((o) => sameRequest(o, r) && o.label === r.label)) out.push(r);
  return out;
}
