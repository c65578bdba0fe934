// What a simulation produces: the DNS chain, the hops with their decisions, and the outcome AWS would give.
import type { Origin } from '../model/index.js';

/** Who answered the name the client finally connects to (scenario-format.md vocabulary). */
export type DnsSource = 'endpoint-private-dns' | 'private-zone' | 'resolver-rule' | 'public' | 'nxdomain' | 'no-resolver';

export type Result =
  | 'reached' | 'http' | 'timeout' | 'dns-failure' | 'tls-failure' | 'delivered' | 'exits-network' | 'unknown';

/** Forwarding components a path can pass (scenario-format.md `via`). */
export type Component =
  | 'vpc-endpoint' | 'internet-gateway' | 'nat-gateway' | 'vpc-peering' | 'transit-gateway' | 'cloudfront' | 'api-gateway';

export type CauseCode =
  | 'ok'
  | 'public-api-via-vpc-endpoint'
  | 'private-api-outside-endpoint'
  | 'resource-policy-denied'
  | 'endpoint-policy-denied'
  | 'domain-not-associated'
  | 'default-endpoint-disabled'
  | 'stage-or-path-not-found'
  | 'no-route'
  | 'no-public-ip'
  | 'security-group-denied'
  | 'network-acl-denied'
  | 'nxdomain'
  | 'vpc-dns-disabled'
  | 'missing-facts'
  | 'dns-loop'
  | 'tls-name-mismatch';

/** How sure AWS's sources make us (aws-behavior.md confidence labels). */
export type Confidence = 'documented' | 'observed' | 'inferred';

/** A fact the answer depends on that the model does not hold. */
export interface MissingFact {
  /** What is missing, named so a person can supply it (`facts.apis entry for a1b2c3d4e5`, `ImportValue SharedVpcId`). */
  readonly fact: string;
  readonly reason: string;
  readonly origin?: Origin;
}

export interface DnsStep {
  /** The name asked. */
  readonly name: string;
  /** The record that answered: A (addresses), CNAME (a name to ask again), ALIAS (Route 53 alias, answered in-zone). */
  readonly recordType: 'A' | 'AAAA' | 'CNAME' | 'ALIAS' | 'NXDOMAIN' | 'NONE';
  /** Addresses, or the CNAME/alias target name. */
  readonly answer: string[];
  readonly source: DnsSource;
  /** Who answered, for a person: `the private DNS of ApiEndpoint (vpce-0a1b...)`. */
  readonly answeredBy: string;
  /** Why this source answered: `*.execute-api.ap-northeast-1.amazonaws.com, PrivateDnsEnabled: true`. */
  readonly why: string;
  readonly origin?: Origin;
  readonly rules: string[];
  readonly confidence: Confidence;
}

/** What the final addresses belong to: the simulation needs to know who answers there. */
export type Destination =
  | { readonly kind: 'network-interface'; readonly networkInterfaceId: string }
  | { readonly kind: 'api-gateway-regional'; readonly region: string }
  | { readonly kind: 'cloudfront'; readonly distributionDomainName: string }
  | { readonly kind: 'internet'; readonly description: string };

export type DnsOutcome =
  | { readonly kind: 'addresses'; readonly addresses: string[]; readonly source: DnsSource }
  | { readonly kind: 'nxdomain'; readonly source: DnsSource }
  | { readonly kind: 'no-resolver' }
  | { readonly kind: 'loop'; readonly names: string[] }
  | { readonly kind: 'unknown'; readonly missing: MissingFact[] };

export interface DnsResolution {
  /** The resolver that was asked: `Route 53 Resolver of Vpc (10.0.0.2)` or a custom DNS server (R1, R7). */
  readonly resolver: string;
  readonly steps: DnsStep[];
  readonly outcome: DnsOutcome;
}

export type HopVerdict = 'pass' | 'drop' | 'answer' | 'info' | 'unknown';

export interface Hop {
  /** The element, as a person knows it: logical id or name, else id. */
  readonly at: string;
  readonly elementId?: string;
  /** What was checked: `egress`, `nacl-out`, `route`, `nat`, `internet-gateway`, `nacl-in`, `ingress`, `tls`,
   * `endpoint-policy`, `select-api`, `endpoint-type`, `resource-policy`, `stage`, `method`, `integration` ... */
  readonly action: string;
  readonly verdict: HopVerdict;
  /** The rule that decided, in words: `AppSecurityGroup: all traffic allowed (default egress)`. */
  readonly detail: string;
  /** The forwarding component this hop passes, for `via`. */
  readonly component?: Component;
  readonly origin?: Origin;
  readonly rules?: string[];
  readonly confidence?: Confidence;
}

export interface Answer {
  readonly result: Result;
  readonly status?: number;
  readonly errorType?: string;
  readonly body?: string;
  /** Who gave the answer: `the execute-api VPC endpoint`, `API Gateway`, `the client (connect timed out)`. */
  readonly answeredBy: string;
  readonly confidence: Confidence;
}

export interface Cause {
  readonly code: CauseCode;
  /** A few plain sentences: what happened and why. */
  readonly explanation: string;
  /** What to change, in words; `origin` points at the line. */
  readonly fix?: string;
  readonly origin?: Origin;
  readonly rules: string[];
}

export interface Trace {
  readonly request: TraceRequest;
  readonly source: TraceSource;
  readonly dns?: DnsResolution;
  readonly hops: Hop[];
  readonly answer: Answer;
  readonly cause: Cause;
  /** The forwarding components passed, in order. */
  readonly via: Component[];
  readonly reached: boolean;
  readonly missing: MissingFact[];
  /** Every rule of aws-behavior.md the verdict relied on. */
  readonly rules: string[];
  /** Inferred or open rules the verdict relies on, said plainly. */
  readonly caveats: string[];
}

export interface TraceRequest {
  readonly method: string;
  /** `https://host/path` or `tcp://10.1.101.97:443`. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface TraceSource {
  readonly name: string;
  readonly kind: 'instance' | 'lambda' | 'network-interface';
  readonly id: string;
  readonly networkInterfaceId: string;
  readonly privateIp: string;
  readonly publicIp?: string;
  readonly subnet: string;
  readonly vpc: string;
  readonly vpcCidrs: string[];
}
