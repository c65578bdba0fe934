// AWS::Route53::HostedZone (public, or private with VPCs), RecordSet and RecordSetGroup (A, AAAA, CNAME, alias).
// A record set whose zone is not in the model lands in an external zone (`external: true`).
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-route53-recordset.html
import { isKnown, isPlaceholderId, unknown, type HostedZone, type Maybe, type RecordSet, type RecordType } from '../../../model/index.js';
import type { Mut } from '../model-builder.js';
import type { PropReader } from '../prop-reader.js';
import type { ResourceContext } from '../resource-context.js';
import type { ResourceHandler } from './handler.js';
import { T } from './types.js';

/** Lower case, no trailing dot; `\052` (Route 53's escaped `*`) read as `*`. */
export function dnsName(name: string): string {
  if (isPlaceholderId(name)) return name;
  return name.replace(/\\052/g, '*').replace(/\.$/, '').toLowerCase();
}

function maybeDns(v: Maybe<string> | undefined): Maybe<string> | undefined {
  return v === undefined ? undefined : isKnown(v) ? dnsName(v) : v;
}

export const hostedZone: ResourceHandler = {
  type: 'AWS::Route53::HostedZone',
  attributes: ['Id', 'NameServers'],
  build(ctx) {
    const id = ctx.zoneId();
    const vpcs = ctx.subs('VPCs').map((v) => ({ vpcId: v.str('VPCId') ?? unknown('no VPCId', ctx.here), region: v.text('VPCRegion') ?? ctx.region }));
    for (const v of ctx.subs('VPCs')) v.checkType('VPCId', T.VPC);
    ctx.b.add('hostedZones', {
      id, name: ctx.logicalId, origin: ctx.here, zoneName: maybeDns(ctx.str('Name')) ?? unknown('the zone has no Name', ctx.here),
      private: vpcs.length > 0, vpcs, records: [],
    });
    const nameServers = vpcs.length > 0 ? [] : [0, 1, 2, 3].map((i) => `ns-${100 + i * 37}.awsdns-${10 + i}.${['com', 'net', 'org', 'co.uk'][i]}`);
    return { ref: id, attributes: { Id: id, NameServers: nameServers } };
  },
};

/** The zone a record set goes into: by HostedZoneId or HostedZoneName; one outside the model becomes external. */
export function zoneFor(ctx: ResourceContext, r: PropReader): Mut<HostedZone> {
  const id = r.id('HostedZoneId', T.HOSTED_ZONE)?.replace(/^\/hostedzone\//, '');
  const name = r.text('HostedZoneName');
  const found = id !== undefined
    ? ctx.b.get('hostedZones', id)
    : name !== undefined ? ctx.b.model.hostedZones.find((z) => z.zoneName === dnsName(name) && !z.external) as Mut<HostedZone> | undefined : undefined;
  if (found) return found;
  const externalId = id ?? `external:${name !== undefined ? dnsName(name) : ctx.logicalId}`;
  const existing = ctx.b.get('hostedZones', externalId);
  if (existing) return existing;
  if (id === undefined && name === undefined) ctx.problem('missing-property', 'HostedZoneId or HostedZoneName is required', r.fallback);
  return ctx.b.add('hostedZones', {
    id: externalId, name: externalId, origin: r.origin('HostedZoneId'),
    zoneName: name !== undefined ? dnsName(name) : unknown(`the zone ${externalId} is not in the model`, r.origin('HostedZoneId')),
    private: false, vpcs: [], records: [], external: true,
  });
}

const RECORD_TYPES = new Set(['A', 'AAAA', 'CNAME', 'TXT', 'MX', 'NS', 'SOA', 'SRV', 'CAA', 'PTR', 'SPF', 'NAPTR', 'DS', 'HTTPS']);

function readRecord(ctx: ResourceContext, r: PropReader): RecordSet | undefined {
  const name = maybeDns(r.str('Name'));
  const rawType = r.str('Type');
  if (name === undefined || rawType === undefined) {
    ctx.problem('missing-property', 'a record set needs Name and Type', r.fallback);
    return undefined;
  }
  let type: Maybe<RecordType> = rawType as Maybe<RecordType>;
  if (isKnown(rawType) && !RECORD_TYPES.has(rawType.toUpperCase())) {
    ctx.problem('bad-property', `record type ${rawType} is not a Route 53 record type`, r.loc('Type'));
    return undefined;
  }
  if (isKnown(rawType)) type = rawType.toUpperCase() as RecordType;
  const alias = r.sub('AliasTarget');
  const values = r.items('ResourceRecords').flatMap((v) => {
    const t = r.maybeText(v, 'ResourceRecords');
    if (t === undefined) return [];
    return [isKnown(t) && type === 'CNAME' ? dnsName(t) : t];
  });
  const record: RecordSet = {
    name, type, values,
    ...(alias ? {
      alias: {
        dnsName: maybeDns(alias.str('DNSName')) ?? unknown('the alias has no DNSName', alias.originAt(alias.fallback)),
        ...(alias.str('HostedZoneId') !== undefined ? { hostedZoneId: alias.str('HostedZoneId')! } : {}),
      },
    } : {}),
    origin: r.originAt(r.fallback),
  };
  return record;
}

export const recordSet: ResourceHandler = {
  type: 'AWS::Route53::RecordSet',
  attributes: [],
  build(ctx) {
    const zone = zoneFor(ctx, ctx);
    const record = readRecord(ctx, ctx);
    if (record) zone.records.push({ ...record, origin: ctx.here });
    // Ref of a record set is its domain name.
    return { ref: record?.name ?? unknown('the record has no name', ctx.here) };
  },
};

export const recordSetGroup: ResourceHandler = {
  type: 'AWS::Route53::RecordSetGroup',
  attributes: [],
  build(ctx) {
    const zone = zoneFor(ctx, ctx);
    for (const r of ctx.subs('RecordSets')) {
      const record = readRecord(ctx, r);
      if (record) zone.records.push(record);
    }
    return { ref: ctx.generatedName(64) };
  },
};
