// Route 53 (global, per account): a public zone with the custom domains' records, private zones for some VPCs
// (most unrelated, a few covering execute-api names), and PublicDns.json for the names hosted elsewhere.
import { CLOUDFRONT_ZONE, regionalZoneOf, type ApiPlan } from './apis.js';
import type { VpcPlan } from './network.js';
import type { Rng } from './random.js';
import type { DomainChoice, ZoneChoice } from './types.js';
import { folderName, type EstateWriter } from './writer.js';

type RecordSet = Record<string, unknown>;

export interface ZonePlan {
  readonly choice: ZoneChoice;
  readonly records: RecordSet[];
  readonly vpcs: { VPCRegion: string; VPCId: string }[];
}

const HOSTS = ['db', 'cache', 'queue', 'ldap', 'git', 'build', 'metrics', 'vault', 'kafka', 'search'];
const ENDPOINT_ZONE = 'Z7HUB22UULQXV';

const fqdn = (name: string) => `${name}.`;

function nameServers(rng: Rng): string[] {
  return [`ns-${rng.int(2048)}.awsdns-${rng.between(10, 63)}.org.`, `ns-${rng.int(2048)}.awsdns-${rng.between(10, 63)}.co.uk.`,
    `ns-${rng.int(512)}.awsdns-${rng.between(10, 63)}.com.`, `ns-${rng.int(1024)}.awsdns-${rng.between(10, 63)}.net.`];
}

function apexRecords(rng: Rng, zone: string): RecordSet[] {
  return [
    { Name: fqdn(zone), Type: 'NS', TTL: 172800, ResourceRecords: nameServers(rng).map((Value) => ({ Value })) },
    { Name: fqdn(zone), Type: 'SOA', TTL: 900, ResourceRecords: [{ Value: 'ns-1536.awsdns-00.co.uk. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400' }] },
  ];
}

const alias = (name: string, target: string, zoneId: string): RecordSet =>
  ({ Name: fqdn(name), Type: 'A', AliasTarget: { HostedZoneId: zoneId, DNSName: fqdn(target), EvaluateTargetHealth: false } });
const cname = (name: string, target: string): RecordSet => ({ Name: fqdn(name), Type: 'CNAME', TTL: 300, ResourceRecords: [{ Value: target }] });

export function planZones(
  rng: Rng, accounts: readonly string[], aliasOf: (account: string) => string, vpcs: readonly VpcPlan[], apis: readonly ApiPlan[],
  domains: readonly DomainChoice[],
): ZonePlan[] {
  const zones: ZonePlan[] = [];
  const add = (account: string, name: string, isPrivate: boolean, records: RecordSet[], on: readonly VpcPlan[], shadows: boolean) => {
    const plan: ZonePlan = {
      choice: { id: rng.zoneId(), name, account, private: isPrivate, vpcIds: on.map((v) => v.choice.id), shadowsExecuteApi: shadows, records: records.length },
      records, vpcs: on.map((v) => ({ VPCRegion: v.choice.region, VPCId: v.choice.id })),
    };
    for (const v of on) (shadows ? v.choice.shadowingZones : v.choice.otherZones).push(name);
    zones.push(plan);
  };

  for (const account of accounts) {
    const name = `${aliasOf(account)}.example.com`;
    const own = domains.filter((d) => d.account === account && d.dns !== 'external-cname');
    add(account, name, false, [
      ...apexRecords(rng, name),
      cname(`www.${name}`, `${aliasOf(account)}.github.io`),
      ...own.map((d) => (d.dns === 'route53-cname' ? cname(d.name, d.target)
        : alias(d.name, d.target, d.endpointType === 'EDGE' ? CLOUDFRONT_ZONE : regionalZoneOf(d.region)))),
    ], [], false);

    // Internal zones most VPCs of the account share some of; none of them covers an AWS service name.
    const mine = vpcs.filter((v) => v.choice.account === account);
    if (mine.length === 0) continue;
    const internal = Array.from({ length: 1 + Math.floor(mine.length / 20) }, (_, k) => (k === 0 ? `${aliasOf(account)}.internal` : `svc${k}.${aliasOf(account)}.internal`));
    const members = internal.map((): VpcPlan[] => []);
    for (const v of mine) if (rng.chance(0.35)) members[rng.int(internal.length)]!.push(v);
    internal.forEach((zone, k) => {
      const on = members[k]!.length ? members[k]! : [rng.pick(mine)];
      const hosts = rng.sample(HOSTS, rng.between(3, 8));
      add(account, zone, true, [
        ...apexRecords(rng, zone),
        ...hosts.map((h) => ({ Name: fqdn(`${h}.${zone}`), Type: 'A', TTL: 300, ResourceRecords: [{ Value: `10.${rng.int(256)}.${rng.int(256)}.${rng.between(4, 250)}` }] })),
        cname(`www.${zone}`, `${hosts[0]!}.${zone}`),
      ], on, false);
    });
  }

  // A few VPCs with an execute-api endpoint get a zone covering execute-api names: one private API's own name
  // aliased to the endpoint (the usual way round private DNS being off), or, rarely, the whole execute-api domain.
  const privateByRegion = new Map<string, string[]>();
  for (const a of apis) {
    if (a.choice.endpointType === 'PRIVATE') privateByRegion.set(a.choice.region, [...(privateByRegion.get(a.choice.region) ?? []), a.choice.id]);
  }
  const eligible = vpcs.filter((v) => v.choice.endpoint && privateByRegion.get(v.choice.region)?.length);
  const chosen = eligible.filter(() => rng.chance(0.055));
  if (chosen.length === 0 && eligible.length) chosen.push(eligible[0]!);
  for (const v of chosen) {
    const { region, account } = v.choice;
    const apiId = rng.pick(privateByRegion.get(region)!);
    const host = `${apiId}.execute-api.${region}.amazonaws.com`;
    const whole = rng.chance(0.25);
    const zone = whole ? `execute-api.${region}.amazonaws.com` : host;
    add(account, zone, true, [...apexRecords(rng, zone), alias(host, v.choice.endpoint!.dnsName, ENDPOINT_ZONE)], [v], true);
  }
  return zones;
}

/** One account's global answers: ListHostedZones, GetHostedZone and ListResourceRecordSets per zone, PublicDns.json. */
export function writeGlobal(rng: Rng, w: EstateWriter, account: string, zones: readonly ZonePlan[], domains: readonly DomainChoice[]): void {
  const entry = (z: ZonePlan) => ({
    Id: `/hostedzone/${z.choice.id}`, Name: fqdn(z.choice.name), CallerReference: rng.uuid(),
    Config: { Comment: z.choice.shadowsExecuteApi ? 'execute-api through our endpoint' : '', PrivateZone: z.choice.private }, ResourceRecordSetCount: z.records.length,
  });
  const entries = zones.map(entry);
  w.put(account, undefined, 'HostedZones.json', { HostedZones: entries, IsTruncated: false, MaxItems: '100' }, [{ service: 'route53', operation: 'ListHostedZones' }]);
  zones.forEach((z, k) => {
    const dir = `route53/${folderName(z.choice.id)}`;
    w.put(account, undefined, `${dir}/HostedZone.json`, z.choice.private
      ? { HostedZone: entries[k], VPCs: z.vpcs }
      : { HostedZone: entries[k], DelegationSet: { NameServers: nameServers(rng).map((n) => n.replace(/\.$/, '')) } },
    [{ service: 'route53', operation: 'GetHostedZone', resource: z.choice.id }]);
    w.put(account, undefined, `${dir}/ResourceRecordSets.json`, { ResourceRecordSets: z.records, IsTruncated: false, MaxItems: '300' },
      [{ service: 'route53', operation: 'ListResourceRecordSets', resource: z.choice.id }]);
  });
  // What public DNS answers for the custom domains whose names are CNAMEs (in Route 53 or elsewhere).
  w.put(account, undefined, 'PublicDns.json', {
    PublicDnsAnswers: domains.filter((d) => d.dns !== 'route53-alias').map((d) => ({ name: d.name, type: 'CNAME', value: d.target })),
  }, []);
}
