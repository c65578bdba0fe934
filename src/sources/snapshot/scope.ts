// The account and region of each answer: from its folders, else (flat layouts) from what the answers say.
import type { Note } from '../../model/index.js';
import type { Scope, ScopedAnswer } from './context.js';
import type { Dispatched } from './dispatch.js';
import { isObj, str } from './json-read.js';
import type { ManifestInfo } from './manifest.js';

export interface ScopeOptions {
  readonly region?: string;
  readonly account?: string;
}

/** `us-east-2b` -> `us-east-2`; a Local Zone `us-west-2-lax-1a` -> `us-west-2`. */
export function regionOfZone(zone: string): string | undefined {
  return /^([a-z]{2}(?:-[a-z]+)+-\d+)/.exec(zone)?.[1];
}

const OWNED = new Set(['Vpcs', 'Subnets', 'SecurityGroups', 'NetworkInterfaces', 'InternetGateways', 'RouteTables', 'NetworkAcls']);

/**
 * Places every answer. Account: `accounts/<account>/`, else the manifest's (one account), else the OwnerId EC2
 * answers carry, else --account. Region: `<region>/`, else (a flat layout, as in older Batfish snapshots) the
 * subnets' Availability Zones, else DescribeAvailabilityZones' RegionName, else --region, else unknown (a note).
 */
export function placeAnswers(answers: readonly Dispatched[], manifest: ManifestInfo | undefined, options: ScopeOptions): { scoped: ScopedAnswer[]; notes: Note[] } {
  const notes: Note[] = [];
  const groupOf = (a: Dispatched) => a.place.account ?? '';
  const manifestAccount = manifest?.accounts.length === 1 ? manifest.accounts[0] : manifest?.identityAccount;
  const accounts = new Map<string, string>();
  const flatRegions = new Map<string, string>();
  const accountOf = (group: string): string => {
    let account = accounts.get(group);
    if (account !== undefined) return account;
    account = group || manifestAccount || ownerOf(answers.filter((a) => groupOf(a) === group)) || options.account || 'unknown';
    if (account === 'unknown') notes.push({ level: 'warning', code: 'snapshot-account-unknown', message: 'The snapshot does not say its account (no manifest, no OwnerId): pass --account' });
    accounts.set(group, account);
    return account;
  };
  const flatRegionOf = (group: string): string => {
    let region = flatRegions.get(group);
    if (region !== undefined) return region;
    const flat = answers.filter((a) => groupOf(a) === group && !a.place.region && !a.place.global);
    const fromZones = zoneRegion(flat, 'Subnets', 'AvailabilityZone') ?? zoneRegion(flat, 'AvailabilityZones', 'RegionName');
    region = fromZones?.region ?? options.region ?? 'unknown';
    const where = group ? ` of account ${group}` : '';
    if (fromZones) {
      notes.push({ level: 'info', code: 'snapshot-region', message: `The files straight under aws_configs/${where} name no region: ${region}, from ${fromZones.from}`, origin: fromZones.origin });
    } else if (options.region) {
      notes.push({ level: 'info', code: 'snapshot-region', message: `The files straight under aws_configs/${where} name no region: ${region}, as --region says` });
    } else {
      notes.push({ level: 'warning', code: 'snapshot-region-unknown', message: `The files straight under aws_configs/${where} name no region and hold no subnet or Availability Zone to tell it: pass --region` });
    }
    flatRegions.set(group, region);
    return region;
  };
  const scoped = answers.map((answer): ScopedAnswer => {
    const account = accountOf(groupOf(answer));
    const region = answer.place.global ? 'global' : answer.place.region ?? flatRegionOf(groupOf(answer));
    const scope: Scope = { account, region };
    return { answer, scope };
  });
  return { scoped, notes };
}

function zoneRegion(answers: readonly Dispatched[], kind: string, field: string) {
  for (const a of answers) {
    if (a.kind !== kind) continue;
    for (const item of a.items()) {
      const value = isObj(item) ? str(item, field) : undefined;
      const region = value ? regionOfZone(value) : undefined;
      if (region && value) {
        return { region, from: `${kind === 'Subnets' ? 'the subnets\' Availability Zone' : 'the Availability Zones\' RegionName'} ${value}`, origin: a.file.origin(value) };
      }
    }
  }
  return undefined;
}

function ownerOf(answers: readonly Dispatched[]): string | undefined {
  for (const a of answers) {
    if (!OWNED.has(a.kind)) continue;
    for (const item of a.items()) {
      const owner = isObj(item) ? str(item, 'OwnerId') : undefined;
      if (owner && /^\d{12}$/.test(owner)) return owner;
    }
  }
  return undefined;
}
