// Side effects: every other request of the model (and of the --checks files) whose outcome the change alters.
import { ModelIndex, type Model } from '../model/index.js';
import { traceRequest } from '../sim/trace-request.js';
import { outcomeOf, requestLine, sameRequest, type NamedRequest } from './requests.js';
import type { Outcome, Probe, SideEffect } from './types.js';

/** Outcomes of a request set on one model, computed once and reused for every candidate. */
export function outcomes(model: Model, requests: readonly NamedRequest[]): (Outcome | undefined)[] {
  const index = new ModelIndex(model);
  return requests.map((r) => {
    const t = traceRequest(model, r.from, r.spec, { index });
    return 'error' in t ? undefined : outcomeOf(t);
  });
}

const sameHost = (a: NamedRequest['spec'], b: NamedRequest['spec']): boolean =>
  a.kind === 'http' && b.kind === 'http' && a.url.host === b.url.host;

const differs = (a: Outcome, b: Outcome): boolean =>
  a.reached !== b.reached || a.cause !== b.cause || a.status !== b.status || a.result !== b.result;

export function sideEffects(
  requests: readonly NamedRequest[], before: readonly (Outcome | undefined)[], after: Model,
  fixed: { from: string; spec: NamedRequest['spec'] }[],
): SideEffect[] {
  const afterOutcomes = outcomes(after, requests);
  const out: SideEffect[] = [];
  requests.forEach((r, i) => {
    // The fixed request itself, or another path of the same host from the same workload, is not a side effect.
    if (fixed.some((f) => sameRequest(r, f) || (r.from === f.from && sameHost(r.spec, f.spec)))) return;
    const b = before[i];
    const a = afterOutcomes[i];
    if (!b || !a || !differs(b, a)) return;
    out.push({ from: r.from, request: r.label ? `${r.label}: ${requestLine(r.spec)}` : requestLine(r.spec), before: b, after: a });
  });
  return out;
}

/** Side effects on stand-in requests: each probe traced on its stand-in model, before and after the change. */
export function probeSideEffects(probes: readonly Probe[], before: Model, after: Model): SideEffect[] {
  const out: SideEffect[] = [];
  for (const p of probes) {
    const [b] = outcomes(p.add(before), [p]);
    const [a] = outcomes(p.add(after), [p]);
    if (!b || !a || !differs(b, a)) continue;
    out.push({ from: p.from, request: p.shown, before: b, after: a, hypothetical: p.why });
  }
  return out;
}
