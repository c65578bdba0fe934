// Route 53: hosted zones and their records, Resolver rules and endpoints, and public DNS from facts.
import type { Origin } from './origin.js';
import type { Maybe } from './unknown.js';
import type { Element } from './network.js';

export type RecordType = 'A' | 'AAAA' | 'CNAME' | 'TXT' | 'MX' | 'NS' | 'SOA' | 'SRV' | 'CAA' | 'PTR' | 'SPF' | 'NAPTR' | 'DS' | 'HTTPS';

export interface AliasTarget {
  /** Lower case, no trailing dot. */
  readonly dnsName: Maybe<string>;
  readonly hostedZoneId?: Maybe<string>;
}

export interface RecordSet {
  /** Lower case, no trailing dot; may start with `*.` (wildcard). */
  readonly name: Maybe<string>;
  readonly type: Maybe<RecordType>;
  /** For non-alias records: the values (IP addresses, the CNAME target without trailing dot). */
  readonly values: Maybe<string>[];
  readonly alias?: AliasTarget;
  readonly origin?: Origin;
}

export interface HostedZone extends Element {
  /** The zone's domain name: lower case, no trailing dot. */
  readonly zoneName: Maybe<string>;
  readonly private: boolean;
  /** Private zones: the associated VPCs. */
  readonly vpcs: { readonly vpcId: Maybe<string>; readonly region?: string }[];
  readonly records: RecordSet[];
  /**
   * True when the zone itself is not in the model and only its id is known (a record set whose HostedZoneId is a
   * parameter): whether it is private, and for which VPCs, is then unknown.
   */
  readonly external?: boolean;
}

export interface ResolverRule extends Element {
  readonly domainName: Maybe<string>;
  readonly ruleType: 'FORWARD' | 'SYSTEM' | 'RECURSIVE';
  readonly targetIps: Maybe<string>[];
  readonly resolverEndpointId?: string;
  /** VPCs associated with the rule (AWS::Route53Resolver::ResolverRuleAssociation). */
  readonly vpcIds: Maybe<string>[];
}

export interface ResolverEndpoint extends Element {
  readonly direction: 'INBOUND' | 'OUTBOUND';
  readonly vpcId: Maybe<string>;
  readonly ipAddresses: Maybe<string>[];
  readonly networkInterfaceIds: string[];
}

/** A record in public DNS outside the model (`facts.dns`). */
export interface PublicDnsRecord {
  readonly name: string;
  readonly type: 'A' | 'AAAA' | 'CNAME' | 'ALIAS';
  readonly value: string;
  readonly origin?: Origin;
}
