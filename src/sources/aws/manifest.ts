// manifest.json of a snapshot (docs/snapshot-format.md): who collected what, where from, and every call's outcome.

/** Written into every manifest; kept in step with package.json's version. */
export const COLLECTOR = 'vpcpath 0.1.0';
export const SNAPSHOT_FORMAT = 'vpcpath-snapshot';
export const SNAPSHOT_VERSION = 1;

export type ServiceName = 'ec2' | 'apigateway' | 'apigatewayv2' | 'route53' | 'route53resolver' | 'lambda' | 'sts';

/** One API call (all its pages), or one per-resource call such as DescribeVpcAttribute for one VPC. */
export interface CallRecord {
  readonly account: string;
  /** Absent for global services (Route 53): the call holds for every region. */
  readonly region?: string;
  readonly service: ServiceName;
  readonly operation: string;
  /** The resource the call was made for (a VPC id, API id, zone id, domain name), when it was made for one. */
  readonly resource?: string;
  /** The attribute asked for, when the call takes one (DescribeVpcAttribute: enableDnsSupport, enableDnsHostnames). */
  readonly attribute?: string;
  /** The file its answer went to, relative to the snapshot folder. */
  readonly file?: string;
  readonly pages?: number;
  readonly ok: boolean;
  /** The AWS error code (`AccessDeniedException`, `UnauthorizedOperation`, `AuthFailure` ...). */
  readonly error?: string;
  readonly message?: string;
  readonly httpStatus?: number;
}

export interface Identity {
  readonly account: string;
  readonly arn: string;
}

export interface Manifest {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly version: typeof SNAPSHOT_VERSION;
  readonly collectedAt: string;
  readonly collector: string;
  readonly identity: Identity;
  readonly profile: string | null;
  readonly endpointUrl: string | null;
  readonly accounts: string[];
  readonly regions: string[];
  readonly calls: CallRecord[];
}

/** The manifest, its calls in a stable order (account, region with global first, service, operation, resource). */
export function buildManifest(fields: Omit<Manifest, 'format' | 'version' | 'collector'>): Manifest {
  const { collectedAt, calls, ...rest } = fields;
  const key = (c: CallRecord) => [c.account, c.region ?? '', c.service, c.operation, c.resource ?? '', c.attribute ?? ''].join('\u0000');
  const sorted = [...calls].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, collectedAt, collector: COLLECTOR, ...rest, calls: sorted };
}

/** `ap-northeast-1 route53resolver ListResolverRules: AccessDeniedException: User ... is not authorized ...` */
export function describeFailure(c: CallRecord): string {
  const where = [c.account, c.region ?? 'global'].join(' ');
  const about = [c.resource, c.attribute].filter(Boolean).join(' ');
  const what = `${c.service} ${c.operation}${about ? ` (${about})` : ''}`;
  return `${where} ${what}: ${c.error ?? 'Error'}${c.message ? `: ${c.message}` : ''}`;
}
