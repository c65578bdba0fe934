// Plain-words causes for requests that end before any front door: DNS failures and dropped packets.
import type { Origin } from '../../model/index.js';
import type { Cause, CauseCode, DnsResolution, Hop, MissingFact } from '../trace.js';

export function dnsFailureCause(host: string, dns: DnsResolution): Cause {
  const o = dns.outcome;
  const last = dns.steps[dns.steps.length - 1];
  if (o.kind === 'no-resolver') {
    return {
      code: 'vpc-dns-disabled',
      explanation: `${host} cannot be resolved: the VPC's DNS support (enableDnsSupport) is off, so the Amazon-provided resolver does not answer.`,
      fix: 'Set EnableDnsSupport: true on the VPC (and EnableDnsHostnames: true, which private DNS and private zones need).',
      ...(last?.origin ? { origin: last.origin } : {}),
      rules: ['R2'],
    };
  }
  if (o.kind === 'loop') {
    return {
      code: 'dns-loop',
      explanation: `${host} does not resolve: its CNAME chain loops (${o.names.join(' -> ')}), so the resolver gives up.`,
      fix: 'Break the loop: point one of these records at an address or at a name outside the chain.',
      ...(last?.origin ? { origin: last.origin } : {}),
      rules: [],
    };
  }
  const zone = last?.answeredBy ?? 'DNS';
  return {
    code: 'nxdomain',
    explanation: `${last?.name ?? host} does not exist as far as this VPC's resolver is concerned: ${zone} matches the name and holds no record for it, and a matching private zone never falls back to public DNS.`,
    fix: `Add a record for ${last?.name ?? host} to that zone, or narrow the zone so it no longer covers names it does not hold.`,
    ...(last?.origin ? { origin: last.origin } : {}),
    rules: ['R5'],
  };
}

const DROP_WORDS: Record<string, { code: CauseCode; what: string; fix: string; rules: string[] }> = {
  'security-group-denied': {
    code: 'security-group-denied', what: 'a security group drops it',
    fix: 'Allow the traffic in the security group named above (for an execute-api endpoint: inbound tcp/443 from the client).',
    rules: ['R22'],
  },
  'network-acl-denied': {
    code: 'network-acl-denied', what: 'a network ACL drops it',
    fix: 'Add an allow entry to the network ACL named above, in both directions (ACLs are stateless).',
    rules: [],
  },
  'no-route': {
    code: 'no-route', what: 'no route leads to the destination',
    fix: 'Add a route toward the destination (a NAT gateway for the internet from a private subnet, or the peering).',
    rules: ['R32'],
  },
  blackhole: {
    code: 'no-route', what: 'the route to it is a blackhole (its target is gone)',
    fix: 'Point the route at a target that exists.',
    rules: [],
  },
  'no-public-ip': {
    code: 'no-public-ip', what: 'the route leads to an internet gateway but the source has no public IP address',
    fix: 'Route the subnet to a NAT gateway (a Lambda function never gets a public IP), or give an instance a public or Elastic IP.',
    rules: ['R32'],
  },
};

export function droppedCause(dropCause: string, destination: string, hops: readonly Hop[]): Cause {
  const words = DROP_WORDS[dropCause] ?? DROP_WORDS['no-route']!;
  const decisive = [...hops].reverse().find((h) => h.verdict === 'drop');
  const origin: Origin | undefined = decisive?.origin;
  return {
    code: words.code,
    explanation: `The connection to ${destination} times out: ${words.what}${decisive ? ` (${decisive.at}: ${decisive.detail})` : ''}. Nothing answers, so the client sees no HTTP status.`,
    fix: words.fix,
    ...(origin ? { origin } : {}),
    rules: words.rules,
  };
}

export function missingFactsCause(missing: readonly MissingFact[]): Cause {
  const first = missing[0];
  return {
    code: 'missing-facts',
    explanation: `vpcpath cannot answer without guessing: the answer depends on ${missing.map((m) => m.fact).join('; ')}, which the model does not hold (see MISSING FACTS).`,
    fix: 'Load the stack that defines it, pass the parameter, or add it to facts (see scenario-format.md).',
    ...(first?.origin ? { origin: first.origin } : {}),
    rules: [],
  };
}
