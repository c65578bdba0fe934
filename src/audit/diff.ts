// `vpcpath diff`: the same audit on two versions of an estate; every workload-to-target pair whose outcome
// changes. A pair that reached its target before and no longer does breaks the change.
import type { Model } from '../model/index.js';
import { displayName } from '../model/index.js';
import { traceRequest } from '../sim/trace-request.js';
import type { Trace } from '../sim/trace.js';
import type { QueriedName } from '../sources/query-logs/read-query-logs.js';
import { eachPair, evaluateEstate, type Evaluation } from './evaluate.js';
import type { Finding, PairOutcome } from './finding.js';
import { matchQueriedVpcs } from './queried-vpcs.js';
import { estateTargets, type CheckUrl, type Target } from './targets.js';

export interface PairChange {
  readonly from: string;
  readonly vpc: string;
  readonly target: string;
  readonly host: string;
  readonly before: PairOutcome;
  readonly after: PairOutcome;
  /** Reached before, not after. */
  readonly broken: boolean;
  /** The after-side trace's cause, in words, and where. */
  readonly explanation: string;
  readonly location?: Finding['location'];
}

export interface DiffReport {
  readonly changes: PairChange[];
  readonly broken: number;
  /** Pairs compared (present on both sides). */
  readonly compared: number;
  /** Pairs only on one side (a workload or target added or removed). */
  readonly onlyBefore: number;
  readonly onlyAfter: number;
  readonly milliseconds: number;
}

export interface DiffOptions {
  readonly queried?: readonly QueriedName[];
  readonly checks?: readonly CheckUrl[];
  readonly exhaustive?: boolean;
}

/**
 * How a target is known on both sides: an API's own names by the API's name (ids made up from templates differ
 * between versions) and path; anything else by its URL. A queried name and a default URL of the same API are one.
 */
function targetKey(t: Target, e: Evaluation): string {
  if (t.apiId && t.spec.kind === 'http' && /\.execute-api\.[a-z0-9-]+\.amazonaws\.com$/.test(t.host) && !t.host.startsWith('d-')) {
    const api = e.index.apis.get(t.apiId);
    const name = api && !api.fromFacts ? (api.name ?? api.id) : t.apiId;
    const host = t.spec.url.hostname.replace(/^[a-z0-9]+(-vpce-[0-9a-z]+)?\./, `${name}$1.`);
    return `api:${host}${t.spec.url.pathname}`;
  }
  return `url:${t.key}`;
}

interface SeenPair { outcome: PairOutcome; from: string; workloadId: string; eni: string; vpc: string; target: Target; trace: Trace }

function outcomes(e: Evaluation): Map<string, SeenPair> {
  const out = new Map<string, SeenPair>();
  const vpcName = (id: string) => {
    const v = e.index.vpcs.get(id);
    return v ? displayName(v) : id;
  };
  for (const { placement, target, result } of eachPair(e)) {
    for (const w of placement.workloads) {
      out.set(`${w.name}|${targetKey(target, e)}`, { outcome: result.outcome, from: w.name, workloadId: w.id, eni: placement.networkInterfaceId, vpc: vpcName(placement.vpcId), target, trace: result.trace });
    }
  }
  return out;
}

const same = (a: PairOutcome, b: PairOutcome) => a.reached === b.reached && a.cause === b.cause && a.result === b.result && a.status === b.status;

export function diffEstates(before: Model, after: Model, options: DiffOptions = {}): DiffReport {
  const started = performance.now();
  const eo = options.exhaustive ? { exhaustive: true } : {};
  const side = (model: Model) => {
    const matched = matchQueriedVpcs(model, options.queried ?? []);
    return outcomes(evaluateEstate(model, estateTargets(model, { ...(options.checks ? { checks: options.checks } : {}), queried: matched.queried }), eo));
  };
  const b = side(before);
  const a = side(after);
  const changes: PairChange[] = [];
  let compared = 0;
  for (const [key, was] of b) {
    const now = a.get(key);
    if (!now) continue;
    compared += 1;
    if (same(was.outcome, now.outcome)) continue;
    // The class representative's trace names its own elements; the pair's own cause is traced again.
    const own = now.trace.source.networkInterfaceId === now.eni ? now.trace : traceRequest(after, now.workloadId, now.target.spec);
    const cause = ('error' in own ? now.trace : own).cause;
    changes.push({
      from: now.from, vpc: now.vpc, target: now.target.key.replace(/^GET /, ''), host: now.target.host,
      before: was.outcome, after: now.outcome, broken: was.outcome.reached && !now.outcome.reached,
      explanation: cause.explanation,
      ...(cause.origin ? { location: cause.origin } : {}),
    });
  }
  changes.sort((x, y) => Number(y.broken) - Number(x.broken) || x.host.localeCompare(y.host) || x.from.localeCompare(y.from));
  return {
    changes, broken: changes.filter((c) => c.broken).length, compared,
    onlyBefore: [...b.keys()].filter((k) => !a.has(k)).length, onlyAfter: [...a.keys()].filter((k) => !b.has(k)).length,
    milliseconds: performance.now() - started,
  };
}

/** The changes as findings (SARIF): one per host and outcome change, at the after-side cause's line. */
export function diffFindings(report: DiffReport): Finding[] {
  const groups = new Map<string, PairChange[]>();
  for (const c of report.changes) {
    const k = `${c.broken}|${c.host}|${JSON.stringify(c.before)}|${JSON.stringify(c.after)}|${c.location?.file ?? ''}:${c.location?.line ?? ''}`;
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  return [...groups.values()].map((cs) => {
    const c = cs[0]!;
    const vpcs = [...new Set(cs.map((x) => x.vpc))];
    return {
      kind: c.broken ? 'pair-broken' : 'pair-changed',
      severity: c.broken ? 'error' : 'note',
      title: c.broken
        ? `${c.host} no longer reached from ${vpcs.join(', ')}: now ${describe(c.after)}`
        : `${c.host} from ${vpcs.join(', ')}: ${describe(c.before)} -> ${describe(c.after)}`,
      message: `${cs.length} workload${cs.length === 1 ? '' : 's'} (${cs.map((x) => x.from).slice(0, 10).join(', ')}${cs.length > 10 ? ', ...' : ''}) ` +
        `calling ${c.target}: before ${describe(c.before)}, after ${describe(c.after)}. ${c.explanation}`,
      cause: c.after.cause,
      rules: [],
      ...(c.location ? { location: c.location } : {}),
      related: [],
      pairs: [{ from: cs.map((x) => x.from), vpcs, target: c.target, outcome: c.after, before: c.before }],
    } satisfies Finding;
  });
}

export function describe(o: PairOutcome): string {
  return o.reached ? 'reached' : `not reached (${o.cause}${o.status !== undefined ? `, ${o.status}` : ''})`;
}
