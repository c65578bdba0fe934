// What the VPC resolver may answer a name from: Resolver rules, private hosted zones, endpoints' hidden zones.
import type { HostedZone, Maybe, Origin, ResolverRule, Vpc } from '../../model/index.js';
import { isUnknown, nameAndId } from '../../model/index.js';
import type { Confidence, MissingFact } from '../trace.js';
import type { Ctx } from './context.js';
import { missing, refersTo } from './context.js';
import type { HiddenZone } from './hidden-zones.js';
import { hiddenZonesOf } from './hidden-zones.js';
import { isAtOrBelow, labelCount, normalizeName } from './names.js';

export type Candidate =
  | { readonly kind: 'rule'; readonly domain: string; readonly rule: ResolverRule }
  | { readonly kind: 'zone'; readonly domain: string; readonly zone: HostedZone }
  | { readonly kind: 'hidden'; readonly domain: string; readonly hidden: HiddenZone };

export interface Candidates {
  /** Most specific first; at the same domain a FORWARD rule, then other rules, then zones, then hidden zones. */
  readonly list: Candidate[];
  readonly missing: MissingFact[];
  /** Zones that would match but do not apply (R2), said in the answer's `why`. */
  readonly ignored?: string | undefined;
}

/** Why the answering candidate won over the others that match the name. */
export interface Precedence {
  readonly text: string;
  readonly confidence: Confidence;
}

/** R6: a forwarding rule overrides the autodefined rule of a private zone for the same domain (R5d). */
function rank(c: Candidate): number {
  if (c.kind === 'rule') return c.rule.ruleType === 'FORWARD' ? 0 : 1;
  return c.kind === 'zone' ? 2 : 3;
}

export function candidatesAt(ctx: Ctx, vpc: Vpc, name: string): Candidates {
  const found: Candidate[] = [];
  const facts: MissingFact[] = [];
  const associated = (ids: readonly Maybe<string>[], what: string, origin?: Origin) => {
    const results = ids.map((id) => refersTo(ctx, id, vpc.id, what, origin));
    if (results.includes(true)) return true;
    return results.find((r): r is MissingFact => typeof r === 'object') ?? false;
  };

  // The index gives the rules and zones whose associations `refersTo` can tie to this VPC (those naming it, and
  // those with an unknown or unresolved association), in model order; each is tested below as before.
  for (const rule of ctx.index.resolverRuleCandidates(vpc.id)) {
    const assoc = associated(rule.vpcIds, `VPC associations of Resolver rule ${nameAndId(rule)}`, rule.origin);
    if (assoc === false) continue;
    if (isUnknown(rule.domainName)) {
      facts.push(missing(`domain name of Resolver rule ${nameAndId(rule)}`, rule.domainName.reason, rule.origin));
      continue;
    }
    const domain = normalizeName(rule.domainName);
    if (!isAtOrBelow(name, domain)) continue;
    if (assoc === true) found.push({ kind: 'rule', domain, rule });
    else facts.push(assoc);
  }

  const zoneLike: Candidate[] = [];
  for (const zone of ctx.index.privateZoneCandidates(vpc.id)) {
    if (!zone.private || zone.external) continue;
    const assoc = associated(zone.vpcs.map((v) => v.vpcId), `VPC associations of hosted zone ${nameAndId(zone)}`, zone.origin);
    if (assoc === false) continue;
    if (isUnknown(zone.zoneName)) {
      if (assoc === true) facts.push(missing(`name of private hosted zone ${nameAndId(zone)}`, zone.zoneName.reason, zone.origin));
      continue;
    }
    const domain = normalizeName(zone.zoneName);
    if (!isAtOrBelow(name, domain)) continue;
    if (assoc === true) zoneLike.push({ kind: 'zone', domain, zone });
    else facts.push(assoc);
  }
  const hidden = hiddenZonesOf(ctx, vpc);
  for (const hz of hidden.zones) {
    if (isAtOrBelow(name, hz.zoneName)) zoneLike.push({ kind: 'hidden', domain: hz.zoneName, hidden: hz });
  }
  // Only AWS service names (`*.amazonaws.com`) can be under an endpoint's hidden zone.
  if (name.endsWith('.amazonaws.com')) facts.push(...hidden.unsure.map((u) => u.fact));

  // R2: private zones, the hidden ones included, apply only with both DNS attributes on.
  let ignored: string | undefined;
  if (zoneLike.length > 0) {
    if (isUnknown(vpc.enableDnsHostnames)) {
      facts.push(missing(`EnableDnsHostnames of ${nameAndId(vpc)}`, vpc.enableDnsHostnames.reason, vpc.dnsHostnamesOrigin ?? vpc.origin));
    } else if (vpc.enableDnsHostnames !== true) {
      ignored = `${zoneLike.map(describe).join(', ')} would answer ${name}, but ${nameAndId(vpc)} has EnableDnsHostnames false, ` +
        'and private DNS needs both DNS attributes on, so it does not apply (R2; what AWS does then is open, Q6)';
    } else {
      found.push(...zoneLike);
    }
  }
  found.sort((a, b) => labelCount(b.domain) - labelCount(a.domain) || rank(a) - rank(b));
  return { list: found, missing: facts, ignored };
}

export function describe(c: Candidate): string {
  switch (c.kind) {
    case 'rule': return `Resolver ${c.rule.ruleType} rule ${nameAndId(c.rule)} for ${c.domain || '.'}`;
    case 'zone': return `private hosted zone ${c.domain} (${c.zone.name ?? c.zone.id})`;
    case 'hidden': return `the private DNS of ${nameAndId(c.hidden.endpoint)} (${c.hidden.wildcard ? '*.' : ''}${c.domain})`;
  }
}
