// Records of public DNS outside the model (`facts.dns`), found by name: exact first, else the nearest wildcard.
import type { Model, PublicDnsRecord } from '../../model/index.js';
import { mostSpecificPattern, normalizeName } from './names.js';

export function factRecords(model: Model, name: string): PublicDnsRecord[] {
  return mostSpecificPattern(model.publicDns, (r) => normalizeName(r.name), name);
}

/** The addresses facts.dns gives a name directly (A, else AAAA); none for a CNAME or ALIAS. */
export function factAddresses(records: readonly PublicDnsRecord[]): string[] {
  const a = records.filter((r) => r.type === 'A').map((r) => r.value.trim());
  return a.length > 0 ? a : records.filter((r) => r.type === 'AAAA').map((r) => r.value.trim());
}
