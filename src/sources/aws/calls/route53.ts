// Route 53 (global, once per account): hosted zones, each zone's VPCs and its records, under global/.
import {
  GetHostedZoneCommand, ListResourceRecordSetsCommand, paginateListHostedZones, type ListResourceRecordSetsCommandOutput,
  type RRType,
} from '@aws-sdk/client-route-53';
import { allPages, listOf, mergePages, single, type Paged } from '../pages.js';
import type { Scope } from '../scope.js';
import { folderName } from '../write-snapshot.js';

export async function collectRoute53(s: Scope): Promise<void> {
  const client = s.clients.route53;
  const zones = await s.save({ service: 'route53', operation: 'ListHostedZones', file: 'HostedZones.json' },
    () => allPages(paginateListHostedZones({ client }, {})));
  await Promise.all(listOf<{ Id?: string }>(zones, 'HostedZones').flatMap((z) => z.Id ? [z.Id] : []).map(async (Id) => {
    // Zone ids come as `/hostedzone/Z123`; the snapshot names folders by the bare id.
    const zone = Id.replace(/^\/hostedzone\//, '');
    const dir = `route53/${folderName(zone)}`;
    await Promise.all([
      // ListHostedZones does not say which VPCs a private zone is associated with: GetHostedZone's `VPCs` does.
      s.save({ service: 'route53', operation: 'GetHostedZone', file: `${dir}/HostedZone.json`, resource: zone },
        () => single(client.send(new GetHostedZoneCommand({ Id: zone })))),
      s.save({ service: 'route53', operation: 'ListResourceRecordSets', file: `${dir}/ResourceRecordSets.json`, resource: zone },
        () => recordSets(s, zone)),
    ]);
  }));
}

/**
 * ListResourceRecordSets pages by the next record's name, type and set identifier (not a token), and the SDK
 * has no paginator for it: https://docs.aws.amazon.com/Route53/latest/APIReference/API_ListResourceRecordSets.html
 */
async function recordSets(s: Scope, HostedZoneId: string): Promise<Paged> {
  const pages: ListResourceRecordSetsCommandOutput[] = [];
  let start: { StartRecordName?: string; StartRecordType?: RRType; StartRecordIdentifier?: string } = {};
  for (;;) {
    const page = await s.clients.route53.send(new ListResourceRecordSetsCommand({ HostedZoneId, ...start }));
    pages.push(page);
    if (!page.IsTruncated || !page.NextRecordName) break;
    const next = { StartRecordName: page.NextRecordName, StartRecordType: page.NextRecordType, StartRecordIdentifier: page.NextRecordIdentifier };
    if (JSON.stringify(next) === JSON.stringify(start)) break; // a misbehaving endpoint would loop forever
    start = next;
  }
  return { body: mergePages(pages), pages: pages.length };
}
