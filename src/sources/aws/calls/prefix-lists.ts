// Prefix lists of one region, merged into PrefixLists.json: `{ PrefixLists: [{ PrefixListId, PrefixListName, Cidrs }] }`.
import {
  paginateDescribeManagedPrefixLists, paginateDescribePrefixLists, paginateGetManagedPrefixListEntries,
} from '@aws-sdk/client-ec2';
import { allPages, listOf } from '../pages.js';
import type { Scope } from '../scope.js';

interface PrefixList { PrefixListId: string; PrefixListName?: string; Cidrs: string[] }

/**
 * DescribePrefixLists gives the AWS service prefix lists (S3, DynamoDB: gateway endpoint routes) with their
 * CIDRs. Customer-managed lists and the other AWS-managed ones (CloudFront origin-facing, ...) are only in
 * DescribeManagedPrefixLists, without entries: GetManagedPrefixListEntries per list gives their CIDRs.
 * Routes and security group rules name either kind by id.
 */
export async function collectPrefixLists(s: Scope): Promise<void> {
  const client = s.clients.ec2;
  const file = 'PrefixLists.json';
  const [services, managed] = await Promise.all([
    s.call({ service: 'ec2', operation: 'DescribePrefixLists', file }, () => allPages(paginateDescribePrefixLists({ client }, {}))),
    s.call({ service: 'ec2', operation: 'DescribeManagedPrefixLists', file }, () => allPages(paginateDescribeManagedPrefixLists({ client }, {}))),
  ]);
  if (!services && !managed) return;
  // A service list answered without `Cidrs` (emulators do that) is asked again by its entries below.
  const lists: PrefixList[] = listOf<{ PrefixListId?: string; PrefixListName?: string; Cidrs?: string[] }>(services, 'PrefixLists')
    .flatMap((p) => p.PrefixListId && p.Cidrs ? [{ PrefixListId: p.PrefixListId, PrefixListName: p.PrefixListName, Cidrs: p.Cidrs }] : []);
  const known = new Set(lists.map((p) => p.PrefixListId));
  const more = await Promise.all(listOf<{ PrefixListId?: string; PrefixListName?: string }>(managed, 'PrefixLists')
    .filter((p) => p.PrefixListId && !known.has(p.PrefixListId))
    .map(async (p): Promise<PrefixList | undefined> => {
      const PrefixListId = p.PrefixListId!;
      const entries = await s.call({ service: 'ec2', operation: 'GetManagedPrefixListEntries', file, resource: PrefixListId },
        () => allPages(paginateGetManagedPrefixListEntries({ client }, { PrefixListId })));
      if (!entries) return undefined; // left out rather than written with no CIDRs
      const Cidrs = listOf<{ Cidr?: string }>(entries, 'Entries').flatMap((e) => e.Cidr ? [e.Cidr] : []);
      return { PrefixListId, ...(p.PrefixListName ? { PrefixListName: p.PrefixListName } : {}), Cidrs };
    }));
  s.write(file, { PrefixLists: [...lists, ...more.filter((p): p is PrefixList => p !== undefined)] });
}
