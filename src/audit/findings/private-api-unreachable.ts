// A private API that no workload of the estate reaches by any of its names (default URL, {api-id}-{vpce-id}
// names, custom domains, checks): dead, or its policy or endpoints are wrong (R19..R25).
import type { CauseCode } from '../../sim/trace.js';
import type { Evaluation } from '../evaluate.js';
import type { AffectedPairs, Finding } from '../finding.js';
import { capPairs, pairsOf } from './pairs.js';

export function privateApiUnreachable(e: Evaluation): Finding[] {
  const reached = new Set<string>();
  const undecided = new Set<string>();
  const failures = new Map<string, { causes: Map<CauseCode, number>; pairs: AffectedPairs[] }>();
  e.targetClasses.forEach((tMembers, tc) => {
    const apiIds = [...new Set(tMembers.map((ti) => e.targets[ti]!.apiId).filter((x): x is string => x !== undefined))];
    const privateIds = apiIds.filter((id) => {
      const api = e.index.apis.get(id);
      return api?.endpointType === 'PRIVATE' && !api.fromFacts;
    });
    if (!privateIds.length) return;
    e.placementClasses.forEach((pMembers, pc) => {
      const result = e.results.get(`${pc},${tc}`);
      if (!result) return;
      for (const id of privateIds) {
        if (result.outcome.reached) reached.add(id);
        else if (result.outcome.result === 'unknown') undecided.add(id);
        else {
          const f = failures.get(id) ?? { causes: new Map<CauseCode, number>(), pairs: [] as AffectedPairs[] };
          f.causes.set(result.outcome.cause, (f.causes.get(result.outcome.cause) ?? 0) + 1);
          f.pairs.push(...pairsOf(e, pMembers, tc, result).filter((p) => tMembers.some((ti) => e.targets[ti]!.apiId === id && e.targets[ti]!.key.endsWith(p.target))));
          failures.set(id, f);
        }
      }
    });
  });
  const out: Finding[] = [];
  for (const [id, f] of failures) {
    if (reached.has(id) || undecided.has(id)) continue;
    const api = e.index.apis.get(id)!;
    const causes = [...f.causes.entries()].sort((a, b) => b[1] - a[1]);
    const { pairs, omitted } = capPairs(f.pairs);
    out.push({
      kind: 'private-api-unreachable',
      severity: 'warning',
      title: `no workload of the estate reaches the private API ${api.name ?? api.id} (${api.id})`,
      message: `Every workload was traced to every name of the API (default URL, {api-id}-{vpce-id} names, custom domains): none ` +
        `reaches it. Causes: ${causes.map(([c, n]) => `${c} (${n})`).join(', ')}. A private API is reached only through an ` +
        'execute-api VPC endpoint (R24) whose calls its resource policy allows (R19, R20).',
      cause: causes[0]![0],
      rules: ['R19', 'R20', 'R24'],
      ...(api.origin ? { location: api.origin } : {}),
      related: api.policyOrigin ? [{ message: 'its resource policy', origin: api.policyOrigin }] : [],
      pairs,
      ...(omitted ? { omittedPairs: omitted } : {}),
    });
  }
  return out;
}
