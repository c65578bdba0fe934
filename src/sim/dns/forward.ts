// A Resolver FORWARD rule: to an inbound endpoint in the model (that VPC's resolver answers), or to a server outside.
import type { ResolverRule, Vpc } from '../../model/index.js';
import { isKnown, isUnknown, nameAndId } from '../../model/index.js';
import type { Answer, Ctx } from './context.js';
import { pushStep, unknownAnswer } from './context.js';
import { answerFromFacts } from './public-dns.js';
import type { Precedence } from './candidates.js';

export interface ForwardInput {
  readonly rule: ResolverRule;
  readonly domain: string;
  readonly name: string;
  /** VPCs whose resolvers this query has already passed (a forwarding loop guard). */
  readonly visited: ReadonlySet<string>;
  /** Why the rule won over other candidates, if it competed. */
  readonly precedence?: Precedence | undefined;
  /** Resolve the name at another VPC's resolver (the VPC of an inbound endpoint). */
  readonly resolveIn: (vpc: Vpc) => Answer;
}

export function forward(ctx: Ctx, input: ForwardInput): Answer {
  const { rule, domain, name } = input;
  const ruleLabel = `Resolver rule ${nameAndId(rule)}`;
  const unknownTarget = rule.targetIps.find(isUnknown);
  if (unknownTarget) return unknownAnswer(`target IPs of ${ruleLabel}`, unknownTarget.reason, rule.origin);
  const targets = rule.targetIps.filter(isKnown);
  if (targets.length === 0) return unknownAnswer(`target IPs of ${ruleLabel}`, `${ruleLabel} names no target IP`, rule.origin);
  const forwarded = `${domain || '.'} is forwarded by ${ruleLabel} to ${targets.join(', ')}`;
  const precedence = input.precedence ? `; ${input.precedence.text}` : '';
  const confidence = input.precedence?.confidence ?? 'documented';

  // The first INBOUND endpoint, in model order, that holds any of the targets.
  const inbound = ctx.index.inboundResolverEndpoint(targets);
  if (inbound) {
    const vpc = isKnown(inbound.vpcId) ? ctx.index.vpcs.get(inbound.vpcId) : undefined;
    if (!vpc) {
      return unknownAnswer(`VPC of Resolver endpoint ${nameAndId(inbound)}`,
        isUnknown(inbound.vpcId) ? inbound.vpcId.reason : `${inbound.vpcId} is not in the model`, inbound.origin);
    }
    // R9: an inbound endpoint hands the query to its VPC's Route 53 Resolver, with that VPC's zones and endpoints.
    pushStep(ctx, {
      name, recordType: 'NONE', answer: [], source: 'resolver-rule', answeredBy: ruleLabel, origin: rule.origin,
      why: `${forwarded}, the Route 53 Resolver inbound endpoint ${nameAndId(inbound)}: the resolver of ${nameAndId(vpc)} ` +
        `answers${precedence}`,
      rules: ['R5', 'R6', 'R9'], confidence,
    });
    if (input.visited.has(vpc.id)) return { kind: 'loop', names: [name] };
    return input.resolveIn(vpc);
  }
  // A server outside the model: we can only take facts.dns as what it answers.
  const fact = answerFromFacts(ctx, name, {
    source: 'resolver-rule', answeredBy: `the DNS server ${targets.join(', ')} that ${ruleLabel} forwards to`,
    why: `${forwarded}${precedence}; it is outside the model, so we assume it answers as facts.dns says`,
    rules: ['R5', 'R6'], confidence: 'inferred', origin: rule.origin,
  });
  return fact ?? unknownAnswer(`facts.dns record for ${name}`,
    `${ruleLabel} forwards ${domain || '.'} to ${targets.join(', ')}, a DNS server outside the model: ` +
    `add what it answers for ${name} to facts.dns${precedence}`, rule.origin);
}
