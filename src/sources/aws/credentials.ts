// Credentials: the SDK's standard chain (env, SSO and other profiles, web identity, containers, instance
// roles), and for --accounts a role assumed in each account with those as source credentials.
import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { Clients } from './clients.js';
import type { Identity } from './manifest.js';
import type { RecordingPlugin } from './record-operations.js';

/**
 * The standard chain, as the AWS CLI resolves it: with `profile` (or AWS_PROFILE) the profile's own source
 * (sso_session/sso_start_url, role_arn + source_profile, credential_process, static keys) and never the
 * AWS_ACCESS_KEY_ID environment pair; without, the environment first.
 * https://docs.aws.amazon.com/sdkref/latest/guide/standardized-credentials.html
 */
export function sourceCredentials(profile: string | undefined): AwsCredentialIdentityProvider {
  return fromNodeProviderChain(profile ? { profile } : {});
}

export interface AssumeRoleSettings {
  readonly source: AwsCredentialIdentityProvider;
  readonly account: string;
  readonly roleName: string;
  /** `aws`, `aws-cn`, `aws-us-gov`: taken from the caller's ARN so the role ARN is in the same partition. */
  readonly partition: string;
  readonly region: string;
  readonly endpoint?: string;
  readonly maxAttempts: number;
  readonly plugin: RecordingPlugin;
}

/** `arn:aws:iam::222222222222:role/ReadOnlyAudit`; a role name with a path (`audit/ReadOnly`) keeps it. */
export function roleArn(partition: string, account: string, roleName: string): string {
  return `arn:${partition}:iam::${account}:role/${roleName.replace(/^\/+/, '')}`;
}

/**
 * sts AssumeRole into `account`, refreshed by the SDK before the session (1 hour) ends. The STS client carries
 * the recorder, so the AssumeRole request is recorded like every other call.
 */
export function assumedCredentials(s: AssumeRoleSettings): AwsCredentialIdentityProvider {
  return shared(fromTemporaryCredentials({
    masterCredentials: s.source,
    params: { RoleArn: roleArn(s.partition, s.account, s.roleName), RoleSessionName: 'vpcpath-collect', DurationSeconds: 3600 },
    clientConfig: {
      region: s.region, retryMode: 'adaptive', maxAttempts: s.maxAttempts,
      ...(s.endpoint ? { endpoint: s.endpoint } : {}),
    },
    clientPlugins: [s.plugin as never],
  }));
}

/**
 * One session for every client of the account: each SDK client caches credentials on its own, so without this
 * every client (six services per region) would call AssumeRole. Renewed 5 minutes before it expires.
 */
function shared(provider: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
  let current: ReturnType<AwsCredentialIdentityProvider> | undefined;
  let expires = 0;
  return () => {
    if (!current || Date.now() > expires) {
      const next = provider();
      current = next;
      expires = Number.POSITIVE_INFINITY;
      next.then((c) => { expires = (c.expiration?.getTime() ?? Number.POSITIVE_INFINITY) - 5 * 60_000; },
        () => { if (current === next) current = undefined; });
    }
    return current;
  };
}

/** sts GetCallerIdentity: needs no IAM permission, and fails only when there are no usable credentials. */
export async function callerIdentity(clients: Clients): Promise<Identity> {
  const out = await clients.sts.send(new GetCallerIdentityCommand({}));
  if (!out.Account || !out.Arn) throw new Error('sts GetCallerIdentity answered without Account or Arn');
  return { account: out.Account, arn: out.Arn };
}

/** The partition of an ARN: `arn:aws-cn:sts::...` is `aws-cn`. */
export function partitionOf(arn: string): string {
  return arn.split(':')[1] || 'aws';
}
