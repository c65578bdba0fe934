// The DNS stage: the chain of answers a client in a VPC gets for a host name, from its resolver to the addresses.
import type { ModelIndex, Vpc } from '../../model/index.js';
import type { AddressBook } from '../address-book.js';
import type { DnsOutcome, DnsResolution } from '../trace.js';
import type { Answer, Ctx } from './context.js';
import { annotate, MAX_HOPS } from './context.js';
import { normalizeName } from './names.js';
import { answerPublic } from './public-dns.js';
import { chooseResolver } from './resolver-choice.js';
import { answerAtVpcResolver } from './vpc-resolver.js';

/**
 * Resolves `name` as an ENI in `vpc` would: through the VPC's Route 53 Resolver or the DNS server its DHCP
 * options name, following CNAMEs from the start (R29) until addresses, NXDOMAIN, a loop, or an unknown fact.
 */
export function resolveName(index: ModelIndex, vpc: Vpc, name: string, book: AddressBook): DnsResolution {
  const choice = chooseResolver(index, vpc);
  const ctx: Ctx = { index, book, steps: [], start: choice.at, aliasDepth: 0, namesAsked: 0 };
  if (choice.missing) return { resolver: choice.label, steps: [], outcome: { kind: 'unknown', missing: [choice.missing] } };
  const asked: string[] = [];
  let current = normalizeName(name);
  let outcome: DnsOutcome | undefined;
  while (!outcome) {
    if (asked.includes(current) || asked.length >= MAX_HOPS) {
      outcome = { kind: 'loop', names: [...asked, current] };
      break;
    }
    asked.push(current);
    ctx.namesAsked = asked.length;
    ctx.aliasDepth = 0;
    const answer = ask(ctx, current);
    if (answer.kind === 'cname') current = normalizeName(answer.target);
    else outcome = toOutcome(answer);
  }
  if (choice.note) annotate(ctx, 0, choice.note.text, choice.note.rules, choice.note.confidence);
  return { resolver: choice.label, steps: ctx.steps, outcome };
}

/** Every name of the chain, a CNAME target included, is asked again at the client's own resolver. */
function ask(ctx: Ctx, name: string): Answer {
  return ctx.start.kind === 'vpc'
    ? answerAtVpcResolver(ctx, ctx.start.vpc, name, new Set([ctx.start.vpc.id]))
    : answerPublic(ctx, name);
}

function toOutcome(answer: Exclude<Answer, { kind: 'cname' }>): DnsOutcome {
  switch (answer.kind) {
    case 'addresses': return { kind: 'addresses', addresses: answer.addresses, source: answer.source };
    case 'nxdomain': return { kind: 'nxdomain', source: answer.source };
    case 'no-resolver': return { kind: 'no-resolver' };
    case 'loop': return { kind: 'loop', names: answer.names };
    case 'unknown': return { kind: 'unknown', missing: answer.missing };
  }
}
