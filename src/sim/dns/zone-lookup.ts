// Finding the record a hosted zone answers a name with: exact name, else the closest encloser's wildcard (RFC 4592).
import type { AliasTarget, RecordSet } from '../../model/index.js';
import { isKnown, isUnknown } from '../../model/index.js';
import type { MissingFact } from '../trace.js';
import { missing } from './context.js';
import { ancestors, isAtOrBelow, isBelow } from './names.js';

export type ZoneMatch =
  | { readonly kind: 'a'; readonly record: RecordSet; readonly owner: string; readonly values: string[] }
  | { readonly kind: 'cname'; readonly record: RecordSet; readonly owner: string; readonly target: string }
  | { readonly kind: 'alias'; readonly record: RecordSet; readonly owner: string; readonly target: AliasTarget }
  | { readonly kind: 'nxdomain'; readonly why: string }
  | { readonly kind: 'unknown'; readonly missing: MissingFact[] };

type Named = RecordSet & { readonly name: string };

/**
 * The client asks for an A record. A name that exists with other types only (NODATA) is reported as NXDOMAIN, as
 * the scenario vocabulary has no separate word for it (R5b: a matching private zone never falls back to public DNS).
 */
export function lookupRecord(records: readonly RecordSet[], zoneName: string, name: string, zoneLabel: string): ZoneMatch {
  const known = records.filter((r): r is Named => isKnown(r.name)).map((r) => ({ ...r, name: r.name.toLowerCase() }));
  const exact = known.filter((r) => r.name === name);
  if (exact.length > 0) return fromRecords(exact, name, zoneLabel);
  const unnamed = records.find((r) => isUnknown(r.name));
  if (unnamed && isUnknown(unnamed.name)) {
    return { kind: 'unknown', missing: [missing(`name of a record in ${zoneLabel}`, unnamed.name.reason, unnamed.origin)] };
  }
  if (known.some((r) => isBelow(r.name, name))) {
    return { kind: 'nxdomain', why: `${zoneLabel} has records below ${name} but none for ${name} itself` };
  }
  // RFC 4592: only the wildcard at the closest encloser (the nearest parent that exists) can answer.
  for (const parent of ancestors(name, zoneName)) {
    if (!isAtOrBelow(parent, zoneName)) break;
    const wildcard = known.filter((r) => r.name === `*.${parent}`);
    if (wildcard.length > 0) return fromRecords(wildcard, name, zoneLabel);
    if (parent === zoneName || known.some((r) => isAtOrBelow(r.name, parent))) break;
  }
  return { kind: 'nxdomain', why: `${zoneLabel} holds no record for ${name}` };
}

function fromRecords(records: Named[], name: string, zoneLabel: string): ZoneMatch {
  const owner = records[0]?.name ?? name;
  const untyped = records.find((r) => isUnknown(r.type));
  if (untyped && isUnknown(untyped.type)) {
    return { kind: 'unknown', missing: [missing(`type of record ${owner} in ${zoneLabel}`, untyped.type.reason, untyped.origin)] };
  }
  const cname = records.find((r) => r.type === 'CNAME');
  const a = records.filter((r) => r.type === 'A');
  const chosen = cname ?? a[0];
  if (!chosen) {
    const types = [...new Set(records.map((r) => String(r.type)))].join(', ');
    return { kind: 'nxdomain', why: `${zoneLabel} holds ${owner} with ${types} only, no A record` };
  }
  if (chosen.alias) return { kind: 'alias', record: chosen, owner, target: chosen.alias };
  const values: string[] = [];
  for (const record of cname ? [cname] : a) {
    for (const v of record.values) {
      if (isUnknown(v)) return { kind: 'unknown', missing: [missing(`value of record ${owner} in ${zoneLabel}`, v.reason, record.origin)] };
      values.push(v.toLowerCase());
    }
  }
  if (cname) {
    const target = values[0];
    return target ? { kind: 'cname', record: cname, owner, target } : { kind: 'nxdomain', why: `${owner} in ${zoneLabel} has no value` };
  }
  if (values.length === 0) return { kind: 'nxdomain', why: `${owner} in ${zoneLabel} has no value` };
  return { kind: 'a', record: chosen, owner, values };
}
