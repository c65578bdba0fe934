// Names the workloads actually ask for (Resolver query logs) that the VPC's DNS sends to an execute-api endpoint
// although their API is public: every such call is answered 403 by the endpoint (R4, R12). This is the outage
// of the motivating story, seen from the logs.
import type { Evaluation } from '../evaluate.js';
import type { Finding } from '../finding.js';
import { CauseLocator } from './locate.js';
import { capPairs, pairsOf, vpcNames } from './pairs.js';

const EXECUTE_API_DEFAULT = /^[a-z0-9]+\.execute-api\.[a-z0-9-]+\.amazonaws\.com$/;

export function queriedPublicApiCaptured(e: Evaluation): Finding[] {
  const locator = new CauseLocator(e);
  const out = new Map<string, Finding>();
  e.targetClasses.forEach((tMembers, tc) => {
    const target = e.targets[tMembers[0]!]!;
    if (target.kind !== 'queried-name') return;
    e.placementClasses.forEach((pMembers, pc) => {
      const result = e.results.get(`${pc},${tc}`);
      if (!result) return;
      const dns = result.trace.dns?.outcome;
      if (!dns || dns.kind !== 'addresses' || dns.source !== 'endpoint-private-dns') return;
      const members = pMembers.filter((i) => target.fromVpcs?.has(e.placements[i]!.vpcId) ?? true);
      if (!members.length) return;
      const placement = e.placements[members[0]!]!;
      const asked = (target.queried ?? []).filter((q) => members.some((i) => e.placements[i]!.vpcId === q.vpcId));
      const related = asked.map((q) => ({
        message: `asked ${q.count} time${q.count === 1 ? '' : 's'} from ${q.vpcId}${q.instances.length ? ` by ${q.instances.join(', ')}` : ''}`,
        origin: { file: q.file, line: q.line, column: 1 },
      }));
      const { pairs } = capPairs(pairsOf(e, members, tc, result));
      const captured = result.outcome.cause === 'public-api-via-vpc-endpoint';
      const unknownApi = result.outcome.cause === 'missing-facts' && EXECUTE_API_DEFAULT.test(target.host);
      if (!captured && !unknownApi) return;
      const site = locator.site(placement, target, { ...result, outcome: { ...result.outcome, cause: 'public-api-via-vpc-endpoint' } });
      const key = `${target.host}|${site.key}`;
      const seen = out.get(key);
      if (seen) {
        out.set(key, { ...seen, pairs: capPairs([...seen.pairs, ...pairs]).pairs, related: dedupeRelated([...seen.related, ...related]) });
        return;
      }
      out.set(key, {
        kind: 'queried-public-api-captured',
        severity: captured ? 'error' : 'warning',
        title: captured
          ? `${target.host} is asked for from ${vpcNames(e, pairs.flatMap((p) => p.vpcs))} and answered by ${site.element}: its API is public, so every call gets 403`
          : `${target.host} is asked for and answered by ${site.element}; whether its API is public is not known`,
        message: captured
          ? `Resolver query logs show workloads asking for ${target.host}. In this VPC the execute-api endpoint's private DNS answers ` +
            `*.execute-api with the endpoint's addresses (R3, R4), and the endpoint serves private APIs only: the public API behind ` +
            `this name answers 403 ForbiddenException (R12, R13). Fix: call it through an edge-optimized custom domain or a Regional ` +
            'one behind a Route 53 alias (R29), or turn private DNS off on the endpoint and call private APIs by {api-id}-{vpce-id} names (R30).'
          : `The endpoint's private DNS answers ${target.host} (R4). If its API is public, every call gets 403 (R12); if it is a private ` +
            'API that admits this endpoint, it works. Add the API to facts.apis (its endpoint type) to decide.',
        cause: captured ? 'public-api-via-vpc-endpoint' : 'missing-facts',
        rules: ['R3', 'R4', 'R12', 'R13', 'R29', 'R30'],
        ...(site.origin ? { location: site.origin } : {}),
        related,
        pairs,
      });
    });
  });
  return [...out.values()];
}

function dedupeRelated(r: Finding['related']): Finding['related'] {
  const seen = new Set<string>();
  return r.filter((x) => {
    const k = `${x.message}|${x.origin.file}:${x.origin.line ?? 0}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
