// Public DNS as seen from the model: public hosted zones, then facts.dns, then names AWS itself answers (R1, R5c).
import type { HostedZone } from '../../model/index.js';
import { isKnown } from '../../model/index.js';
import type { Answer, Ctx } from './context.js';
import { pushStep, unknownAnswer } from './context.js';
import { awsOwnedName } from './aws-names.js';
import { factAddresses, factRecords } from './facts.js';
import { isAtOrBelow, labelCount, patternMatches } from './names.js';
import type { Holder } from './route53-answer.js';
import { answerFromZone, answerOwned, resolveAlias, zoneLabel } from './route53-answer.js';

const FACTS: Holder = { source: 'public', answeredBy: 'facts.dns', why: 'public DNS, as facts.dns gives it', rules: ['R1'], confidence: 'documented' };

/** What a resolver that recurses on the internet gets for `name` (R1: "recursive lookups against public name servers"). */
export function answerPublic(ctx: Ctx, name: string): Answer {
  const zone = publicZoneFor(ctx, name);
  if (zone && !zone.zone.external) {
    return answerFromZone(ctx, zone.zone, zone.zoneName, name, {
      source: 'public', answeredBy: zoneLabel(zone.zone), zone: zone.zone, origin: zone.zone.origin,
      why: `${zone.zoneName} is the public hosted zone in the model that holds ${name}`, rules: ['R1'], confidence: 'documented',
    });
  }
  const fact = answerFromFacts(ctx, name, zone
    ? { ...FACTS, why: `${FACTS.why} (${zoneLabel(zone.zone)} is not in the model; taken to be public)`, confidence: 'inferred' }
    : FACTS);
  if (fact) return fact;
  if (zone) {
    return unknownAnswer(`hosted zone ${zone.zone.id}`,
      `${name} is in hosted zone ${zone.zone.id}, which is not in the model: whether it is public, or private and associated ` +
      `with this VPC, decides the answer. Load the stack that creates it, or add ${name} to facts.dns`, zone.zone.origin);
  }
  const owned = awsOwnedName(ctx, name);
  if (owned) return answerOwned(ctx, name, owned);
  return unknownAnswer(`facts.dns record for ${name}`, missingReason(ctx, name));
}

/** facts.dns: A/AAAA, a CNAME for the client to follow, or a Route 53 alias in a public zone (R29). */
export function answerFromFacts(ctx: Ctx, name: string, holder: Holder): Answer | undefined {
  const records = factRecords(ctx.index, name);
  const first = records[0];
  if (!first) return undefined;
  const base = { name, source: holder.source, answeredBy: holder.answeredBy, rules: holder.rules, confidence: holder.confidence };
  const addresses = factAddresses(records);
  if (addresses.length > 0) {
    pushStep(ctx, { ...base, recordType: 'A', answer: addresses, why: `${holder.why}: ${first.name} ${first.type}`, origin: first.origin });
    return { kind: 'addresses', addresses, source: holder.source };
  }
  const alias = records.find((r) => r.type === 'ALIAS');
  if (alias) {
    return resolveAlias(ctx, name, { dnsName: alias.value },
      { ...holder, why: `${holder.why}: ${alias.name} is a Route 53 alias in a public zone`, origin: alias.origin });
  }
  const cname = records.find((r) => r.type === 'CNAME');
  if (!cname) return undefined;
  const target = cname.value.trim().toLowerCase().replace(/\.$/, '');
  pushStep(ctx, { ...base, recordType: 'CNAME', answer: [target], origin: cname.origin,
    why: `${holder.why}: ${cname.name} CNAME ${target}; the client's resolver asks for the target from the start` });
  return { kind: 'cname', target };
}

/** The most specific public zone of the model for the name; zones whose privacy is unknown (external) count too. */
function publicZoneFor(ctx: Ctx, name: string): { zone: HostedZone; zoneName: string } | undefined {
  let best: { zone: HostedZone; zoneName: string } | undefined;
  // The index gives the public and external zones named `name` or a domain above it, and those whose name is
  // unknown, in model order (ties go to the first); each is tested below as before.
  for (const zone of ctx.index.publicZoneCandidates(name)) {
    if (zone.private && !zone.external) continue;
    let zoneName: string | undefined;
    if (isKnown(zone.zoneName)) {
      zoneName = zone.zoneName.toLowerCase();
      if (!isAtOrBelow(name, zoneName)) continue;
    } else if (zone.external && zone.records.some((r) => isKnown(r.name) && patternMatches(r.name.toLowerCase(), name))) {
      zoneName = name;
    } else {
      continue;
    }
    if (!best || labelCount(zoneName) > labelCount(best.zoneName)) best = { zone, zoneName };
  }
  return best;
}

function missingReason(ctx: Ctx, name: string): string {
  const domain = ctx.index.domainNamesNamed(name)[0];
  const target = domain?.distributionDomainName ?? domain?.regionalDomainName;
  if (domain && target) {
    return `${name} is a custom domain name in the model, but its DNS record is not: add it to facts.dns, e.g. ` +
      `{ name: ${name}, type: ${domain.distributionDomainName ? 'CNAME' : 'ALIAS'}, value: ${target} }`;
  }
  return `no hosted zone in the model, no facts.dns record and no AWS-owned name answers ${name}: ` +
    'add what public DNS answers for it (A, CNAME or ALIAS) to facts.dns';
}
