// Which regions to collect: those given, the configured one, or every region enabled for the account.
import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { STSClient } from '@aws-sdk/client-sts';
import { listOf, single } from './pages.js';
import type { Scope } from './scope.js';

/** The region the SDK would use: AWS_REGION, else the profile's `region` (as the AWS CLI reads it). */
export async function configuredRegion(profile: string | undefined): Promise<string | undefined> {
  const probe = new STSClient(profile ? { profile } : {});
  try {
    return await probe.config.region();
  } catch {
    return undefined;
  } finally {
    probe.destroy();
  }
}

/**
 * ec2 DescribeRegions lists the regions enabled for the account (opt-in regions only once opted in:
 * https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html). `OptInStatus` is checked
 * as well, since an answer made with AllRegions (or an emulator's) also lists the `not-opted-in` ones.
 */
export async function enabledRegions(home: Scope): Promise<string[] | undefined> {
  const body = await home.call({ service: 'ec2', operation: 'DescribeRegions' },
    () => single(home.clients.ec2.send(new DescribeRegionsCommand({}))));
  if (!body) return undefined;
  return listOf<{ RegionName?: string; OptInStatus?: string }>(body, 'Regions')
    .filter((r) => r.RegionName && r.OptInStatus !== 'not-opted-in')
    .map((r) => r.RegionName!)
    .sort();
}
