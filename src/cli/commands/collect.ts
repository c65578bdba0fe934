// `vpcpath collect`: read-only calls to live AWS accounts, written as a snapshot folder for trace and show.
import {
  collect, CollectError, describeFailure, terminalProgress, type CollectOptions,
} from '../../sources/aws/index.js';
import { EXIT } from '../exit-codes.js';
import { processOutput, type Output } from '../output.js';

export interface CollectFlags {
  out?: string;
  profile?: string;
  region: string[];
  regions?: string;
  accounts?: string;
  roleName?: string;
  endpointUrl?: string;
  concurrency?: string;
  maxAttempts?: string;
  resolvePublicDns?: boolean;
}

export const COLLECT_HELP = `
What it reads (read-only: only Describe*, Get* and List* calls, plus sts GetCallerIdentity and, with
--accounts, sts AssumeRole; nothing is created, changed or deleted):
  EC2          VPCs and their DNS attributes, subnets, route tables, internet, NAT and transit gateways,
               peering, network ACLs, security groups, network interfaces, instances, Elastic IPs, prefix
               lists, VPC endpoints and endpoint services, DHCP options, availability zones
  Route 53     hosted zones, the VPCs of private zones, their records (global)
  Resolver     forwarding rules, their VPC associations, resolver endpoints and their addresses
  Lambda       functions (their VpcConfig)
  API Gateway  REST APIs (stages, resources, methods), custom domain names (public and private), base path
               mappings, domain name access associations; HTTP/WebSocket APIs (stages, routes), their
               domain names and API mappings
The IAM policy with exactly these actions is docs/iam-policy.json (explained in docs/collect.md).

Credentials: the AWS SDK's standard chain, as the AWS CLI resolves it: AWS_ACCESS_KEY_ID and
AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN), or a profile of ~/.aws/config by --profile NAME or AWS_PROFILE:
IAM Identity Center (SSO; run \`aws sso login --profile NAME\` first), role_arn + source_profile,
credential_process or keys; then web identity, container and EC2 instance roles.

Regions: --region REGION (repeatable or comma-separated), or --regions all for every region enabled in the
account (ec2 DescribeRegions). Default: AWS_REGION or the profile's region. Route 53 is read once, globally.

Several accounts: --accounts 111111111111,222222222222 --role-name ReadOnlyAudit assumes
arn:aws:iam::<account>:role/ReadOnlyAudit in each (sts AssumeRole, the credentials above as source). Create
that role in each account with
  trust policy  {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
                 "Principal":{"AWS":"arn:aws:iam::<account you run from>:root"}}]}
  permissions   docs/iam-policy.json
and allow sts:AssumeRole on arn:aws:iam::*:role/ReadOnlyAudit to the identity you run as.

Emulators: --endpoint-url http://127.0.0.1:5000 sends every call to moto_server or LocalStack; the SDK's
AWS_ENDPOINT_URL (and AWS_ENDPOINT_URL_<SERVICE>, e.g. AWS_ENDPOINT_URL_EC2) work without the flag.

Output: --out DIR (new, empty, or an earlier snapshot, which is replaced) receives
  aws_configs/<region>/*.json      one file per call, in the API's own JSON (docs/snapshot-format.md)
  aws_configs/global/*.json        Route 53; PublicDns.json (answers only with --resolve-public-dns)
  aws_configs/accounts/<account>/  the same per account, with --accounts
  manifest.json                    who collected what, when, and every call with its outcome
A call that fails (access denied, a region not enabled, an operation an emulator lacks) is listed in
the manifest and on stderr, and the collection goes on. On a terminal, progress is one line on stderr.

Exit status: 0 collected (even with failed calls: "N calls, M failed" on stderr), 1 nothing could be
collected (no usable credentials, every call failed), 2 bad arguments.

Examples:
  vpcpath collect --profile prod-readonly --region ap-northeast-1 --out snapshot/
  vpcpath collect --regions all --out snapshot/
  vpcpath collect --accounts 111111111111,222222222222 --role-name ReadOnlyAudit --region eu-west-1 --out snapshot/
  vpcpath collect --endpoint-url http://127.0.0.1:5000 --region ap-northeast-1 --out snapshot/
  vpcpath trace snapshot/ --from i-0123456789abcdef0 --url https://abc123defg.execute-api.ap-northeast-1.amazonaws.com/dev/`;

const list = (values: readonly string[]) => values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
const int = (v: string | undefined) => (v === undefined ? undefined : Number(v));

export function collectOptions(flags: CollectFlags): CollectOptions | { error: string } {
  const named = list([...flags.region, ...(flags.regions ? [flags.regions] : [])]);
  if (named.includes('all') && named.length > 1) return { error: '--regions all stands alone: it means every enabled region' };
  const maxAttempts = int(flags.maxAttempts);
  const concurrency = int(flags.concurrency);
  return {
    out: flags.out ?? '',
    ...(flags.profile ? { profile: flags.profile } : {}),
    ...(named.length ? { regions: named[0] === 'all' ? 'all' : named } : {}),
    ...(flags.accounts !== undefined ? { accounts: list([flags.accounts]) } : {}),
    ...(flags.roleName !== undefined ? { roleName: flags.roleName } : {}),
    ...(flags.endpointUrl !== undefined ? { endpointUrl: flags.endpointUrl } : {}),
    ...(concurrency !== undefined ? { concurrency } : {}),
    ...(maxAttempts !== undefined ? { maxAttempts } : {}),
    ...(flags.resolvePublicDns ? { resolvePublicDns: true } : {}),
  };
}

export async function runCollect(flags: CollectFlags, o: Output): Promise<number> {
  const options = collectOptions(flags);
  if ('error' in options) {
    o.err(`error: ${options.error}`);
    return EXIT.inputError;
  }
  // One updating line, only when stderr is a terminal of this process (never into a captured or piped stream).
  const tty = o === processOutput && process.stderr.isTTY ? process.stderr : undefined;
  try {
    const result = await collect({ ...options, ...(tty ? { progress: terminalProgress(tty) } : {}) });
    const calls = result.manifest.calls;
    o.err(`${calls.length} calls, ${result.failed.length} failed`);
    for (const f of result.failed) o.err(`  failed: ${describeFailure(f)}`);
    const ok = calls.length - result.failed.length;
    if (ok === 0) {
      o.err('error: no call succeeded: nothing was collected (see the failures above)');
      return EXIT.notReached;
    }
    const { accounts, regions } = result.manifest;
    o.out(`Wrote ${result.out}: ${result.files.length} files, ${accounts.length} account${accounts.length === 1 ? '' : 's'} ` +
      `(${accounts.join(', ')}), ${regions.length} region${regions.length === 1 ? '' : 's'} (${regions.join(', ')}).\n` +
      `Trace with: vpcpath trace ${result.out} --from <instance id, ENI id or function name> --url <url>`);
    return EXIT.ok;
  } catch (e) {
    if (!(e instanceof CollectError)) throw e;
    for (const line of e.message.split('\n')) o.err(`error: ${line}`);
    return e.kind === 'usage' ? EXIT.inputError : EXIT.notReached;
  }
}
