// The verifier: apply the change to a copy of the model, simulate again, keep it only if the request now reaches its API.
import { ModelIndex, type Model } from '../model/index.js';
import { traceRequest } from '../sim/trace-request.js';
import type { Trace } from '../sim/trace.js';
import type { Candidate, FixContext } from './types.js';

export interface Verification {
  readonly model: Model;
  readonly trace: Trace;
}

/** The changed model and the trace of the (possibly rewritten) request on it; undefined when it does not reach. */
export function verify(ctx: FixContext, candidate: Candidate): Verification | undefined {
  let model: Model;
  try {
    model = candidate.apply(ctx.model);
  } catch {
    return undefined;
  }
  const request = candidate.request ?? ctx.request;
  const trace = traceRequest(model, ctx.from, request, { index: new ModelIndex(model) });
  if ('error' in trace) return undefined;
  return trace.reached && trace.cause.code === 'ok' && trace.answer.result === 'reached' ? { model, trace } : undefined;
}
