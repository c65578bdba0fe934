// One account's collection: its credentials, its regions, every region's calls, its global files.
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { collectApiGateway } from './calls/api-gateway.js';
import { collectApiGatewayV2 } from './calls/api-gateway-v2.js';
import { collectEc2 } from './calls/ec2.js';
import { collectLambda } from './calls/lambda.js';
import { collectResolver } from './calls/resolver.js';
import { collectRoute53 } from './calls/route53.js';
import { Clients, globalRegion, type ClientSettings } from './clients.js';
import { assumedCredentials, callerIdentity, roleArn } from './credentials.js';
import { listOf, type Body } from './pages.js';
import { publicDomainNames, resolvePublicDns, type DnsLookup } from './public-dns.js';
import { enabledRegions } from './regions.js';
import { Scope, type Run } from './scope.js';

export interface AccountPlan {
  readonly run: Run;
  readonly account: string;
  /** Where global services are signed and DescribeRegions / AssumeRole are called. */
  readonly home: string;
  readonly partition: string;
  readonly regions: readonly string[] | 'all';
  readonly source: AwsCredentialIdentityProvider;
  /** Set with --accounts: the role assumed in this account. */
  readonly roleName?: string;
  readonly settings: Omit<ClientSettings, 'credentials'>;
  readonly lookup: DnsLookup | undefined;
  /** Clients made, to be closed when the collection ends. */
  readonly opened: Clients[];
}

/** Collects one account; answers the regions it read (none when its role could not be assumed). */
export async function collectAccount(p: AccountPlan): Promise<string[]> {
  const base = p.roleName ? `aws_configs/accounts/${p.account}` : 'aws_configs';
  const clients = (credentials: AwsCredentialIdentityProvider, region: string) => {
    const c = new Clients({ ...p.settings, credentials }, region);
    p.opened.push(c);
    return c;
  };
  const scope = (credentials: AwsCredentialIdentityProvider, region: string | undefined) =>
    new Scope(p.run, clients(credentials, region ?? globalRegion(p.partition)), p.account, region, `${base}/${region ?? 'global'}`);

  let credentials = p.source;
  if (p.roleName) {
    const arn = roleArn(p.partition, p.account, p.roleName);
    credentials = assumedCredentials({ ...p.settings, source: p.source, account: p.account, roleName: p.roleName, partition: p.partition, region: p.home });
    // The role is assumed (and checked with GetCallerIdentity) once before any other call with it: a role that
    // is missing or does not trust the caller then makes one failure in the manifest, not one per call.
    const home = scope(credentials, p.home);
    const ok = await home.call({ service: 'sts', operation: 'AssumeRole', resource: arn },
      async () => ({ body: { ...(await callerIdentity(home.clients)) }, pages: 1 }));
    if (!ok) return [];
  }

  const regions = p.regions === 'all' ? await enabledRegions(scope(credentials, p.home)) : [...p.regions];
  if (!regions) return [];
  const global = scope(credentials, undefined);
  await Promise.all([
    collectRoute53(global),
    ...regions.map((region) => {
      const s = scope(credentials, region);
      return Promise.all([collectEc2(s), collectResolver(s), collectLambda(s), collectApiGateway(s), collectApiGatewayV2(s)]);
    }),
  ]);

  // Custom domain names are regional resources; their public DNS records are global.
  const answer = (region: string, file: string) => p.run.files.get(`${base}/${region}/${file}`) as Body | undefined;
  const names = publicDomainNames(
    regions.flatMap((r) => listOf(answer(r, 'DomainNames.json'), 'items')),
    regions.flatMap((r) => listOf(answer(r, 'DomainNamesV2.json'), 'Items')),
  );
  global.write('PublicDns.json', await resolvePublicDns(names, p.lookup));
  return regions;
}
