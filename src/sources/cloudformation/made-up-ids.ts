// Stable made-up physical ids in the form AWS gives them, from a hash of account/region/stack/logical id.
import { createHash } from 'node:crypto';

export interface IdScope {
  readonly account: string;
  readonly region: string;
  readonly stack: string;
}

const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const MIXED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function bytes(seed: string, n: number): number[] {
  const out: number[] = [];
  for (let round = 0; out.length < n; round++) {
    out.push(...createHash('sha256').update(`${round}:${seed}`).digest());
  }
  return out.slice(0, n);
}

function chars(seed: string, n: number, alphabet: string): string {
  return bytes(seed, n).map((b) => alphabet[b % alphabet.length]).join('');
}

function hex(seed: string, n: number): string {
  return bytes(seed, Math.ceil(n / 2)).map((b) => b.toString(16).padStart(2, '0')).join('').slice(0, n);
}

/** The EC2 id prefixes: `vpc-` and 17 hex digits, as AWS gives them. */
export const EC2_PREFIXES = {
  vpc: 'vpc', subnet: 'subnet', routeTable: 'rtb', internetGateway: 'igw', egressOnlyInternetGateway: 'eigw',
  natGateway: 'nat', allocation: 'eipalloc', eipAssociation: 'eipassoc', securityGroup: 'sg', networkAcl: 'acl',
  networkAclAssociation: 'aclassoc', networkInterface: 'eni', instance: 'i', vpcEndpoint: 'vpce', peering: 'pcx',
  dhcpOptions: 'dopt', transitGateway: 'tgw', transitGatewayAttachment: 'tgw-attach', prefixList: 'pl',
  routeTableAssociation: 'rtbassoc', cidrAssociation: 'vpc-cidr-assoc', resolverRule: 'rslvr-rr',
  resolverRuleAssociation: 'rslvr-rrassoc', resolverInbound: 'rslvr-in', resolverOutbound: 'rslvr-out',
  vpnGateway: 'vgw', securityGroupRule: 'sgr',
} as const;

export type Ec2Kind = keyof typeof EC2_PREFIXES;

export class MadeUpIds {
  constructor(private readonly scope: IdScope) {}

  private seed(logicalId: string, salt: string): string {
    return `${this.scope.account}/${this.scope.region}/${this.scope.stack}/${logicalId}/${salt}`;
  }

  /** `vpc-0a1b2c3d4e5f60718`: the prefix and 17 hex digits. */
  ec2(kind: Ec2Kind, logicalId: string, salt = ''): string {
    return `${EC2_PREFIXES[kind]}-${hex(this.seed(logicalId, `${kind}:${salt}`), 17)}`;
  }

  /** Route 53 hosted zone id: `Z` and 20 upper-case letters and digits. */
  hostedZone(logicalId: string, salt = ''): string {
    return `Z${chars(this.seed(logicalId, `zone:${salt}`), 20, UPPER)}`;
  }

  /** A REST or HTTP API id, a resource id, a domain name id: 10 lower-case letters and digits. */
  short(logicalId: string, salt: string, n = 10): string {
    return chars(this.seed(logicalId, salt), n, LOWER);
  }

  /** CloudFront distribution of an edge-optimized custom domain (R26). */
  cloudFrontName(logicalId: string): string {
    return `d${chars(this.seed(logicalId, 'cloudfront'), 13, LOWER)}.cloudfront.net`;
  }

  /** Regional domain name of a regional custom domain (R27). */
  regionalDomainName(logicalId: string): string {
    return `d-${chars(this.seed(logicalId, 'regional'), 10, LOWER)}.execute-api.${this.scope.region}.amazonaws.com`;
  }

  /** The random suffix CloudFormation adds to names it generates (`stack-Logical-AbC123...`). */
  nameSuffix(logicalId: string, n = 12): string {
    return chars(this.seed(logicalId, 'name'), n, MIXED);
  }

  /** A UUID-shaped id (stack ids). */
  uuid(logicalId: string): string {
    const h = hex(this.seed(logicalId, 'uuid'), 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}

/** A hosted zone id AWS owns per Region and service (e.g. the zone of `*.vpce.amazonaws.com` names). */
export function awsOwnedZoneId(region: string, service: string): string {
  return `Z${chars(`aws-owned/${region}/${service}`, 13, UPPER)}`;
}

/** The hosted zone of every CloudFront distribution, as CloudFormation documents it. */
export const CLOUDFRONT_ZONE_ID = 'Z2FDTNDATAQYW2';
