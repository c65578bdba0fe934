// Route 53 (global): hosted zones, private zones' VPCs, record sets; and vpcpath's public DNS answers.
import { unknown, type HostedZone, type PublicDnsRecord, type RecordSet, type RecordType } from '../../model/index.js';
import type { Build, Item, Mut } from './context.js';
import { bool, obj, objs, str } from './json-read.js';

/**
 * Lower case, no trailing dot. Route 53 writes characters outside a-z0-9-_. as `\ooo` octal escapes, the wildcard
 * `*` as `\052` (https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/DomainNameFormat.html).
 */
export function dnsName(name: string): string {
  return name.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)))
    .replace(/\.$/, '').toLowerCase();
}

/** `/hostedzone/Z123` -> `Z123`. */
export function zoneId(id: string): string {
  return id.replace(/^\/hostedzone\//, '');
}

const RECORD_TYPES = new Set<string>(['A', 'AAAA', 'CNAME', 'TXT', 'MX', 'NS', 'SOA', 'SRV', 'CAA', 'PTR', 'SPF', 'NAPTR', 'DS', 'HTTPS']);

export function readHostedZones(b: Build): void {
  const details = new Map<string, Item>();
  for (const item of b.items('HostedZone')) {
    const id = str(item.o, 'Id');
    details.set(item.resource ?? (id ? zoneId(id) : ''), item);
  }
  const vpcLists = new Map<string, Item[]>();
  for (const item of b.items('VPCs')) {
    if (item.resource === undefined) continue;
    const list = vpcLists.get(item.resource);
    if (list) list.push(item);
    else vpcLists.set(item.resource, [item]);
  }
  for (const item of b.items('HostedZones')) {
    const raw = str(item.o, 'Id');
    const name = str(item.o, 'Name');
    if (!raw || !name) {
      b.missingField(item, raw ? 'Name' : 'Id');
      continue;
    }
    const id = zoneId(raw);
    const origin = b.origin(item, raw);
    const isPrivate = bool(obj(item.o, 'Config'), 'PrivateZone') ?? false;
    // ListHostedZones does not give a private zone's VPCs; GetHostedZone does. Without it, they are unknown.
    const vpcItems = vpcLists.get(id);
    const failed = b.failures.failure('route53', 'GetHostedZone', { resource: id });
    const vpcs: HostedZone['vpcs'] = !isPrivate ? [] : vpcItems
      ? vpcItems.flatMap((v) => (str(v.o, 'VPCId') ? [{ vpcId: str(v.o, 'VPCId')!, ...(str(v.o, 'VPCRegion') ? { region: str(v.o, 'VPCRegion')! } : {}) }] : []))
      : [{ vpcId: unknown(failed?.reason ?? `GetHostedZone for ${id} is not in the snapshot: the VPCs of the private zone ${dnsName(name)} are unknown`, origin) }];
    if (!details.has(id) && isPrivate && !failed) b.note('warning', 'snapshot-missing-file', `global/route53/${id}/HostedZone.json is missing: the VPCs of private zone ${dnsName(name)} are unknown`, origin);
    b.model.hostedZones.push({ id, origin, zoneName: dnsName(name), private: isPrivate, vpcs, records: [] });
  }
  readRecordSets(b);
}

function readRecordSets(b: Build): void {
  const answered = new Set<string>();
  for (const item of b.items('ResourceRecordSets')) {
    if (item.resource === undefined) {
      b.note('warning', 'snapshot-unplaced', `${item.file.display} is not in a global/route53/<zone-id>/ folder: its records belong to no known zone`);
      continue;
    }
    const zone = b.index('hostedZones', b.model.hostedZones, (z) => [z.id]).first(item.resource) as Mut<HostedZone> | undefined;
    if (!zone) continue;
    answered.add(zone.id);
    const record = readRecord(b, item);
    if (record) zone.records.push(record);
  }
  for (const zone of b.model.hostedZones) {
    if (answered.has(zone.id) || b.answeredOf('ResourceRecordSets', zone.id).length) continue;
    b.note('warning', 'snapshot-missing-file', `global/route53/${zone.id}/ResourceRecordSets.json is missing: zone ${String(zone.zoneName)} is read with no records`, zone.origin);
  }
}

/**
 * A record set: its values, or its alias target. Routing policies (weighted, latency, failover, geolocation) are
 * kept as separate record sets of one name: the model holds no policy, so all their values are kept.
 */
function readRecord(b: Build, item: Item): RecordSet | undefined {
  const name = str(item.o, 'Name');
  const type = str(item.o, 'Type')?.toUpperCase();
  if (!name || !type) {
    b.missingField(item, name ? 'Type' : 'Name');
    return undefined;
  }
  if (!RECORD_TYPES.has(type)) return undefined;
  const alias = obj(item.o, 'AliasTarget');
  const aliasName = str(alias, 'DNSName');
  const aliasZone = str(alias, 'HostedZoneId');
  return {
    name: dnsName(name), type: type as RecordType,
    values: objs(item.o, 'ResourceRecords').flatMap((r) => {
      const v = str(r, 'Value');
      return v === undefined ? [] : [type === 'CNAME' ? dnsName(v) : v];
    }),
    ...(alias ? { alias: { dnsName: aliasName ? dnsName(aliasName) : unknown('the alias has no DNSName'), ...(aliasZone ? { hostedZoneId: zoneId(aliasZone) } : {}) } } : {}),
    origin: b.originIn(item, name, item.path),
  };
}

/** global/PublicDns.json: what public DNS answers for the account's custom domain names (vpcpath collects it). */
export function readPublicDns(b: Build): void {
  for (const item of b.items('PublicDnsAnswers')) {
    const name = str(item.o, 'name');
    const type = str(item.o, 'type')?.toUpperCase();
    const value = str(item.o, 'value');
    if (!name || !value || !['A', 'AAAA', 'CNAME', 'ALIAS'].includes(type ?? '')) {
      b.missingField(item, 'name, type (A, AAAA, CNAME) or value');
      continue;
    }
    b.model.publicDns.push({ name: dnsName(name), type: type as PublicDnsRecord['type'], value: type === 'CNAME' || type === 'ALIAS' ? dnsName(value) : value, origin: b.originIn(item, name, item.path) });
  }
}
