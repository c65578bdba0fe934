// Public APIs of the estate that some VPCs cannot call by their default URL, grouped by the change that would
// fix them: most often one execute-api endpoint with private DNS that answers *.execute-api (R4, R12).
import type { CauseCode } from '../../sim/trace.js';
import type { Evaluation } from '../evaluate.js';
import type { AffectedPairs, Finding, Severity } from '../finding.js';
import { CauseLocator, type CauseSite } from './locate.js';
import { capPairs, pairsOf, vpcNames } from './pairs.js';

/** How much it matters that a public default URL fails, by cause; absent: not a finding (the owner chose it). */
const SEVERITY: Partial<Record<CauseCode, Severity>> = {
  'public-api-via-vpc-endpoint': 'warning',
  nxdomain: 'warning',
  'dns-loop': 'warning',
  'vpc-dns-disabled': 'warning',
  'tls-name-mismatch': 'warning',
  'endpoint-policy-denied': 'warning',
  'security-group-denied': 'note',
  'network-acl-denied': 'note',
  'no-route': 'note',
  'no-public-ip': 'note',
};

const WHY: Partial<Record<CauseCode, string>> = {
  'public-api-via-vpc-endpoint': 'The VPC has an execute-api interface endpoint with private DNS on: its hidden zone answers ' +
    '*.execute-api.{region}.amazonaws.com with the endpoint\'s addresses, and the endpoint serves private APIs only, so ' +
    'calls to public APIs by their default URL get HTTP 403 (R3, R4, R12). Call them by an edge-optimized custom domain, ' +
    'or a Regional one behind a Route 53 alias (R29), or turn private DNS off (R30).',
  nxdomain: 'A private hosted zone (or Resolver rule) of the VPC covers the name but holds no record for it: NXDOMAIN, no fallback to public DNS (R5b).',
  'no-route': 'The subnet\'s route table has no route toward API Gateway\'s public addresses (R32).',
  'no-public-ip': 'The route leads to an internet gateway but the workload has no public IP (a Lambda function never has one): it needs a NAT gateway (R32).',
  'security-group-denied': 'A security group drops the request.',
  'network-acl-denied': 'A network ACL drops the request or its reply.',
};

interface Group { site: CauseSite; cause: CauseCode; severity: Severity; pairs: AffectedPairs[]; apis: Set<string>; vpcs: Set<string> }

export function publicApiDefaultUrlUnreachable(e: Evaluation): Finding[] {
  const locator = new CauseLocator(e);
  const groups = new Map<string, Group>();
  e.targetClasses.forEach((tMembers, tc) => {
    const target = e.targets[tMembers[0]!]!;
    if (target.kind !== 'default-url' || !target.apiId) return;
    const api = e.index.apis.get(target.apiId);
    if (!api || api.endpointType === 'PRIVATE' || typeof api.endpointType !== 'string') return;
    e.placementClasses.forEach((pMembers, pc) => {
      const result = e.results.get(`${pc},${tc}`);
      if (!result || result.outcome.reached) return;
      const severity = SEVERITY[result.outcome.cause];
      if (!severity) return;
      // One site per VPC of the class: each VPC has its own endpoint (or route table) to change.
      const byVpc = new Map<string, number[]>();
      for (const i of pMembers) byVpc.set(e.placements[i]!.vpcId, [...(byVpc.get(e.placements[i]!.vpcId) ?? []), i]);
      for (const [vpcId, members] of byVpc) {
        const placement = e.placements[members[0]!]!;
        const site = locator.site(placement, target, result);
        let g = groups.get(site.key);
        if (!g) {
          g = { site, cause: result.outcome.cause, severity, pairs: [], apis: new Set(), vpcs: new Set() };
          groups.set(site.key, g);
        }
        g.vpcs.add(vpcId);
        for (const ti of tMembers) g.apis.add(e.targets[ti]!.apiId ?? '');
        g.pairs.push(...pairsOf(e, members, tc, result));
      }
    });
  });
  return [...groups.values()].map((g) => {
    const { pairs, omitted, total } = capPairs(g.pairs);
    const vpcs = [...g.vpcs];
    return {
      kind: 'public-api-default-url-unreachable',
      severity: g.severity,
      title: `${g.apis.size} public API${g.apis.size === 1 ? '' : 's'} cannot be called by the default URL from ${vpcs.length === 1 ? vpcNames(e, vpcs) : `${vpcs.length} VPCs`}: ${g.cause} at ${g.site.element}`,
      message: `${WHY[g.cause] ?? `The request ends with ${g.cause}.`} ${total} workload-to-URL pair${total === 1 ? '' : 's'} affected` +
        `${omitted ? ` (${omitted} more URLs not listed)` : ''}.`,
      cause: g.cause,
      rules: g.cause === 'public-api-via-vpc-endpoint' ? ['R3', 'R4', 'R12', 'R29', 'R30'] : ['R32'],
      ...(g.site.origin ? { location: g.site.origin } : {}),
      related: [],
      pairs,
      ...(omitted ? { omittedPairs: omitted } : {}),
    } satisfies Finding;
  });
}
