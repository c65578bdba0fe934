// The Route 53 Resolver of a VPC: the most specific of its rules and private zones answers, else public DNS (R1-R6).
import type { Vpc } from '../../model/index.js';
import { isUnknown, nameAndId } from '../../model/index.js';
import type { Confidence } from '../trace.js';
import type { Answer, Ctx } from './context.js';
import { weaker } from './context.js';
import { annotate, pushStep, unknownAnswer } from './context.js';
import type { Candidate, Precedence } from './candidates.js';
import { candidatesAt, describe } from './candidates.js';
import { forward } from './forward.js';
import { answerFromHiddenZone } from './hidden-zones.js';
import { answerPublic } from './public-dns.js';
import { answerFromZone, zoneLabel } from './route53-answer.js';

export function answerAtVpcResolver(ctx: Ctx, vpc: Vpc, name: string, visited: ReadonlySet<string>): Answer {
  // R2: with DNS support off, the Amazon-provided DNS server does not answer at all.
  if (isUnknown(vpc.enableDnsSupport)) {
    return unknownAnswer(`EnableDnsSupport of ${nameAndId(vpc)}`, vpc.enableDnsSupport.reason, vpc.dnsSupportOrigin ?? vpc.origin);
  }
  if (vpc.enableDnsSupport === false) {
    pushStep(ctx, {
      name, recordType: 'NONE', answer: [], source: 'no-resolver', answeredBy: `the Route 53 Resolver of ${nameAndId(vpc)}`,
      why: `${nameAndId(vpc)} has EnableDnsSupport false: the Amazon-provided DNS server does not answer`,
      origin: vpc.dnsSupportOrigin ?? vpc.origin, rules: ['R2'], confidence: 'documented',
    });
    return { kind: 'no-resolver' };
  }
  const candidates = candidatesAt(ctx, vpc, name);
  if (candidates.missing.length > 0) return { kind: 'unknown', missing: candidates.missing };
  const { winner, precedence } = choose(candidates.list);
  const from = ctx.steps.length;
  let answer: Answer;
  switch (winner?.kind) {
    case 'rule':
      answer = forward(ctx, {
        rule: winner.rule, domain: winner.domain, name, visited, precedence,
        resolveIn: (next) => answerAtVpcResolver(ctx, next, name, new Set([...visited, next.id])),
      });
      break;
    case 'zone':
      // R5a: the most specific associated private zone answers alone.
      answer = answerFromZone(ctx, winner.zone, winner.domain, name, {
        source: 'private-zone', answeredBy: zoneLabel(winner.zone), zone: winner.zone, origin: winner.zone.origin,
        why: `${winner.domain} is the most specific private hosted zone associated with ${nameAndId(vpc)} that matches ${name}` +
          (precedence ? `; ${precedence.text}` : ''),
        rules: ['R5'], confidence: precedence?.confidence ?? 'documented',
      });
      break;
    case 'hidden':
      answer = answerFromHiddenZone(ctx, winner.hidden, name, { vpc, viaCname: ctx.namesAsked > 1, precedence });
      break;
    default:
      // R5c: no private zone matches, so the name is resolved publicly.
      answer = answerPublic(ctx, name);
      if (precedence) annotate(ctx, from, precedence.text, ['R6'], weaker(precedence.confidence, ctx.steps[from]?.confidence ?? 'documented'));
  }
  if (candidates.ignored) annotate(ctx, from, candidates.ignored, ['R2'], 'inferred');
  return answer;
}

/**
 * The candidate that answers, and why it won over the others that match. A SYSTEM rule makes the resolver answer
 * the name itself (its private zones, else public DNS) even under a FORWARD rule for a parent domain (R6).
 */
function choose(list: readonly Candidate[]): { winner?: Candidate | undefined; precedence?: Precedence | undefined } {
  const first = list[0];
  if (!first) return {};
  const system = first.kind === 'rule' && first.rule.ruleType !== 'FORWARD' ? first : undefined;
  const winner = system ? list.find((c) => c.kind !== 'rule') : first;
  const beaten = list.filter((c) => c !== winner && c.kind !== 'hidden' && !(c.kind === 'rule' && c.rule.ruleType !== 'FORWARD'));
  const hidden = list.filter((c) => c !== winner && c.kind === 'hidden');
  const notes: string[] = [];
  let confidence: Confidence = 'documented';
  if (system && beaten.length > 0) {
    notes.push(`${describe(system)} is more specific than ${beaten.map(describe).join(', ')}, so the resolver answers the name itself (R6)`);
  } else if (beaten.length > 0) {
    notes.push(`chosen over ${beaten.map(describe).join(', ')}: the most specific domain wins, and at the same domain a ` +
      'forwarding rule wins over a private zone (R5a, R5d, R6)');
  }
  // Q4: whether the hidden zone competes like a customer zone is not documented (R5 modeling assumption).
  const q4 = 'assuming the endpoint\'s hidden zone follows the same precedence as a customer private zone ' +
    '(R5 modeling assumption, open question Q4)';
  if (winner?.kind === 'hidden' && beaten.length > 0) {
    notes.push(`the endpoint's private DNS is the most specific match, ${q4}`);
    confidence = 'inferred';
  } else if (hidden.length > 0) {
    const tie = winner?.kind === 'zone' && hidden.some((h) => h.domain === winner.domain)
      ? ' (AWS normally refuses to turn private DNS on while a private zone of the same name is associated with the VPC)' : '';
    notes.push(`${describe(winner ?? first)} takes precedence over ${hidden.map(describe).join(', ')}${tie}, ${q4}`);
    confidence = 'inferred';
  }
  return { winner, precedence: notes.length > 0 ? { text: notes.join('; '), confidence } : undefined };
}
