// Records of public DNS outside the model (`facts.dns`), found by name: exact first, else the nearest wildcard.
import type { ModelIndex, PublicDnsRecord } from '../../model/index.js';
import { mostSpecificPattern, normalizeName } from './names.js';

/** The index gives every record that can match `name` (its own, or a wildcard above it), in model order. */
export function factRecords(index: ModelIndex, name: string): PublicDnsRecord[] {
  return mostSpecificPattern(index.publicDnsCandidates(name), (r) => normalizeName(r.name), name);
}

/** The addresses facts.dns gives a name directly (A, else AAAA); none for a CNAME or ALIAS. */
export function factAddresses(records: readonly PublicDnsRecord[]): string[] {
  const a = records.filter((r) => r.type === 'A').map((r) => r.value.trim());
  return a.length > 0 ? a : records.filter((r) => r.type === 'AAAA').map((r) => r.value.trim());
}
