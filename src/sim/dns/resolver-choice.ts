// Which DNS server an ENI in the VPC asks: the VPC resolver at VPC+2 (R1), or the server its DHCP options name (R7).
import ipaddr from 'ipaddr.js';
import type { ModelIndex, Vpc } from '../../model/index.js';
import { isKnown, nameAndId } from '../../model/index.js';
import type { Confidence, MissingFact } from '../trace.js';
import type { ResolverAt } from './context.js';
import { missing } from './context.js';

export interface ResolverChoice {
  /** For the trace: `Route 53 Resolver of Vpc (vpc-...) (10.0.0.2)`. */
  readonly label: string;
  readonly at: ResolverAt;
  /** Said in the first step's `why` when the choice is not the plain VPC resolver. */
  readonly note?: { readonly text: string; readonly rules: string[]; readonly confidence: Confidence } | undefined;
  /** The server is an inbound endpoint whose VPC the model does not hold. */
  readonly missing?: MissingFact | undefined;
}

/** R1: the resolver listens at the primary IPv4 CIDR's base address plus two. */
export function vpcPlusTwo(vpc: Vpc): string | undefined {
  const primary = vpc.cidrBlocks[0];
  if (!isKnown(primary) || !ipaddr.IPv4.isValidCIDR(primary)) return undefined;
  const [address, bits] = ipaddr.IPv4.parseCIDR(primary);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  const base = (address.toByteArray().reduce((n, b) => n * 256 + b, 0) & mask) >>> 0;
  const plus2 = (base + 2) >>> 0;
  return [24, 16, 8, 0].map((s) => (plus2 >>> s) & 255).join('.');
}

const AMAZON_RESOLVER_ADDRESSES = ['169.254.169.253', 'fd00:ec2::253'];

export function chooseResolver(index: ModelIndex, vpc: Vpc): ResolverChoice {
  const plus2 = vpcPlusTwo(vpc);
  const own: ResolverChoice = {
    label: `Route 53 Resolver of ${nameAndId(vpc)} (${plus2 ?? 'VPC+2'})`, at: { kind: 'vpc', vpc },
  };
  const options = index.dhcpOptionsOf(vpc);
  // Clients use the first server listed; the others only when it does not answer.
  const first = options?.domainNameServers[0]?.trim();
  if (!options || !first || first.toLowerCase() === 'amazonprovideddns' || first === plus2 ||
    AMAZON_RESOLVER_ADDRESSES.includes(first.toLowerCase())) {
    return own;
  }
  const optionsLabel = `DHCP options ${nameAndId(options)}`;
  // A server that is a Resolver inbound endpoint answers as that endpoint's VPC resolver (scenario-format.md, R9).
  const inbound = index.inboundResolverEndpoint([first]);
  const inboundVpc = inbound && isKnown(inbound.vpcId) ? index.vpcs.get(inbound.vpcId) : undefined;
  if (inbound && inboundVpc) {
    return {
      label: `Route 53 Resolver inbound endpoint ${nameAndId(inbound)} (${first}) of ${nameAndId(inboundVpc)}`,
      at: { kind: 'vpc', vpc: inboundVpc },
      note: {
        text: `${optionsLabel} names ${first}, a Route 53 Resolver inbound endpoint of ${nameAndId(inboundVpc)}, ` +
          `so the resolver of ${nameAndId(inboundVpc)} answers, with its private zones and endpoints (R9)`,
        rules: ['R9'], confidence: 'documented',
      },
    };
  }
  if (inbound) {
    const reason = isKnown(inbound.vpcId) ? `${inbound.vpcId} is not in the model` : inbound.vpcId.reason;
    return { ...own, missing: missing(`VPC of Resolver endpoint ${nameAndId(inbound)}`, reason, inbound.origin) };
  }
  // R7: only the Amazon-provided DNS path sees private zones and endpoint private DNS.
  const label = `custom DNS server ${first} (${optionsLabel})`;
  return {
    label, at: { kind: 'public-only', label },
    note: {
      text: `${optionsLabel} names the DNS server ${first}, which is taken to answer from public DNS only: it sees neither ` +
        `the private zones of ${nameAndId(vpc)} nor endpoint private DNS (R7; scenario-format.md)`,
      rules: ['R7'], confidence: 'inferred',
    },
  };
}
