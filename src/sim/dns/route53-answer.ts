// How Route 53 answers from a hosted zone: records, CNAMEs for the client to follow, aliases it resolves itself.
import type { AliasTarget, HostedZone, Maybe, Origin } from '../../model/index.js';
import { isKnown, isUnknown } from '../../model/index.js';
import type { Confidence, DnsSource } from '../trace.js';
import type { Answer, Ctx } from './context.js';
import { MAX_HOPS, pushStep, unknownAnswer, weaker } from './context.js';
import type { OwnedResult } from './aws-names.js';
import { awsOwnedName } from './aws-names.js';
import { factAddresses, factRecords } from './facts.js';
import { isAtOrBelow, normalizeName } from './names.js';
import { lookupRecord } from './zone-lookup.js';

/** Who answers, and why that server or zone is the one asked. */
export interface Holder {
  readonly source: DnsSource;
  readonly answeredBy: string;
  readonly why: string;
  readonly rules: string[];
  readonly confidence: Confidence;
  readonly origin?: Origin | undefined;
  /** The zone holding the record: an alias may point at another record in it. */
  readonly zone?: HostedZone | undefined;
}

export function zoneLabel(zone: HostedZone): string {
  const name = isKnown(zone.zoneName) ? zone.zoneName : '(name unknown)';
  return `${zone.external ? '' : zone.private ? 'private ' : 'public '}hosted zone ${name} (${zone.name ?? zone.id})`;
}

/** R5a/R5b: the matching zone answers alone; a name it does not hold is NXDOMAIN there. */
export function answerFromZone(ctx: Ctx, zone: HostedZone, zoneName: string, name: string, holder: Holder): Answer {
  const match = lookupRecord(zone.records, zoneName, name, zoneLabel(zone));
  const base = { name, source: holder.source, answeredBy: holder.answeredBy, rules: holder.rules, confidence: holder.confidence };
  switch (match.kind) {
    case 'a': {
      const wild = match.owner !== name ? ' (wildcard)' : '';
      pushStep(ctx, { ...base, recordType: 'A', answer: match.values, why: `${holder.why}; record ${match.owner} A${wild}`,
        origin: match.record.origin ?? holder.origin });
      return { kind: 'addresses', addresses: match.values, source: holder.source };
    }
    case 'cname':
      pushStep(ctx, { ...base, recordType: 'CNAME', answer: [match.target], origin: match.record.origin ?? holder.origin,
        why: `${holder.why}; record ${match.owner} CNAME ${match.target}: the client's resolver asks for the target from the start` });
      return { kind: 'cname', target: normalizeName(match.target) };
    case 'alias':
      return resolveAlias(ctx, name, match.target,
        { ...holder, why: match.owner === name ? holder.why : `${holder.why}; wildcard record ${match.owner}`,
          origin: match.record.origin ?? holder.origin, zone });
    case 'nxdomain': {
      const privateNote = holder.source === 'public' ? '' : ', with no fallback to public DNS (R5b)';
      pushStep(ctx, { ...base, recordType: 'NXDOMAIN', answer: [], why: `${holder.why}; ${match.why}: NXDOMAIN${privateNote}`,
        origin: zone.origin });
      return { kind: 'nxdomain', source: holder.source };
    }
    case 'unknown':
      return match;
  }
}

/**
 * R29: an alias is answered by the zone that holds it. Route 53 resolves the target itself and returns its
 * addresses; the client's resolver never asks for the target name (so no private zone of the VPC sees it).
 */
export function resolveAlias(ctx: Ctx, name: string, target: AliasTarget, holder: Holder): Answer {
  if (isUnknown(target.dnsName)) return unknownAnswer(`alias target of ${name}`, target.dnsName.reason, holder.origin);
  const t = normalizeName(target.dnsName);
  pushStep(ctx, {
    name, recordType: 'ALIAS', answer: [t], source: holder.source, answeredBy: holder.answeredBy, origin: holder.origin,
    why: `${holder.why}; alias to ${t}: Route 53 answers with the target's addresses itself, the client's resolver never asks for ${t}`,
    rules: [...new Set([...holder.rules, 'R29'])], confidence: holder.confidence,
  });
  ctx.aliasDepth += 1;
  if (ctx.aliasDepth > MAX_HOPS) return { kind: 'loop', names: [name, t] };
  const next: Holder = { ...holder, why: `Route 53 resolves the alias target ${t}` };
  const zone = aliasZone(ctx, t, target.hostedZoneId, holder.zone);
  if (zone && isKnown(zone.zoneName)) return answerFromZone(ctx, zone, zone.zoneName, t, { ...next, zone });
  const owned = awsOwnedName(ctx, t);
  if (owned) return answerOwned(ctx, t, owned, next);
  const facts = factRecords(ctx.index, t);
  const addresses = factAddresses(facts);
  if (addresses.length > 0) {
    pushStep(ctx, { name: t, recordType: 'A', answer: addresses, source: holder.source, answeredBy: holder.answeredBy,
      why: `${next.why}; its addresses from facts.dns`, origin: facts[0]?.origin, rules: holder.rules, confidence: holder.confidence });
    return { kind: 'addresses', addresses, source: holder.source };
  }
  const alias = facts.find((r) => r.type === 'ALIAS');
  if (alias) return resolveAlias(ctx, t, { dnsName: alias.value }, { ...next, origin: alias.origin, zone: undefined });
  return unknownAnswer(`facts.dns A record for ${t}`,
    `${t} is the alias target of ${name}; Route 53 answers with its addresses, which the model does not hold: add them to facts.dns`,
    holder.origin);
}

/** The zone an alias target is looked up in: the one its hosted zone id names, else the zone holding the alias. */
function aliasZone(ctx: Ctx, t: string, hostedZoneId: Maybe<string> | undefined, holding?: HostedZone): HostedZone | undefined {
  const contains = (z: HostedZone) => isKnown(z.zoneName) && isAtOrBelow(t, z.zoneName);
  if (isKnown(hostedZoneId)) {
    const id = hostedZoneId.replace(/^\/?hostedzone\//, '');
    const named = ctx.index.hostedZone(id);
    // An id that is not a zone of the model is one of AWS's (API Gateway's, CloudFront's, the endpoint's).
    return named && contains(named) ? named : undefined;
  }
  return holding && contains(holding) ? holding : undefined;
}

/** Records the answer public DNS gives for an AWS-owned name (aws-names.ts) as a step. */
export function answerOwned(ctx: Ctx, name: string, owned: OwnedResult, holder?: Holder): Answer {
  if (owned.kind === 'unknown') return owned;
  const source = holder?.source ?? 'public';
  const common = {
    name, source, answeredBy: holder?.answeredBy ?? (owned.kind === 'addresses' ? owned.answeredBy : 'public DNS'),
    why: holder ? `${holder.why}: ${owned.why}` : owned.why,
    rules: [...new Set([...(holder?.rules ?? []), ...owned.rules])],
    confidence: holder ? weaker(holder.confidence, owned.confidence) : owned.confidence,
  };
  if (owned.kind === 'nxdomain') {
    pushStep(ctx, { ...common, recordType: 'NXDOMAIN', answer: [] });
    return { kind: 'nxdomain', source };
  }
  pushStep(ctx, { ...common, recordType: 'A', answer: owned.addresses, origin: owned.origin });
  return { kind: 'addresses', addresses: owned.addresses, source };
}
