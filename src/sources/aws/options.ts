// The options of a collection, checked before any call is made: a bad one is a usage error (exit 2).
import type { DnsLookup } from './public-dns.js';
import type { Progress } from './progress.js';

export interface CollectOptions {
  /** The snapshot folder to write: new, empty, or an earlier vpcpath snapshot (replaced). */
  readonly out: string;
  /** A named profile of ~/.aws/config (SSO profiles included); default: the standard chain, AWS_PROFILE. */
  readonly profile?: string;
  /** The regions to read, or `all` (every region enabled for the account); default: the configured region. */
  readonly regions?: readonly string[] | 'all';
  /** Accounts to read by assuming `roleName` in each; default: the caller's own account, as it is. */
  readonly accounts?: readonly string[];
  readonly roleName?: string;
  /** One endpoint for every service (moto, LocalStack); AWS_ENDPOINT_URL works without it. */
  readonly endpointUrl?: string;
  /** AWS requests in flight at once; default 4. */
  readonly concurrency?: number;
  /** Attempts per request, retries with adaptive backoff on throttling; default 6. */
  readonly maxAttempts?: number;
  /** Resolve custom domain names in public DNS: true for the machine's resolvers, or a lookup of one's own. */
  readonly resolvePublicDns?: boolean | DnsLookup;
  readonly progress?: Progress;
}

export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_MAX_ATTEMPTS = 6;

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ACCOUNT = /^\d{12}$/;

/** Every problem with the options, in the words of the CLI flags. */
export function optionProblems(o: CollectOptions): string[] {
  const problems: string[] = [];
  if (!o.out) problems.push('give --out DIR, the snapshot folder to write');
  if (Array.isArray(o.regions)) {
    if (o.regions.length === 0) problems.push('--region: give at least one region');
    for (const r of o.regions) if (!REGION.test(r)) problems.push(`--region ${r}: not a region name such as ap-northeast-1`);
  }
  if (o.accounts) {
    if (o.accounts.length === 0) problems.push('--accounts: give at least one 12-digit account id');
    for (const a of o.accounts) if (!ACCOUNT.test(a)) problems.push(`--accounts ${a}: an account id is 12 digits`);
    if (!o.roleName) problems.push('--accounts needs --role-name: the role to assume in each account');
  } else if (o.roleName) {
    problems.push('--role-name goes with --accounts: the accounts to assume it in');
  }
  if (o.roleName !== undefined && !/^[\w+=,.@/-]{1,512}$/.test(o.roleName)) problems.push(`--role-name ${o.roleName}: not an IAM role name`);
  if (o.endpointUrl !== undefined && !isHttpUrl(o.endpointUrl)) problems.push(`--endpoint-url ${o.endpointUrl}: give an http(s) URL such as http://127.0.0.1:5000`);
  for (const [flag, v] of [['--concurrency', o.concurrency], ['--max-attempts', o.maxAttempts]] as const) {
    if (v !== undefined && (!Number.isInteger(v) || v < 1 || v > 64)) problems.push(`${flag} ${v}: give a whole number from 1 to 64`);
  }
  return problems;
}

function isHttpUrl(s: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
}
