// The CIDRs behind a prefix list id, from the model's prefix lists (AWS-managed or customer-managed).
import type { ModelIndex, Origin } from '../../model/index.js';
import { parseCidr, type Cidr } from '../ip/index.js';
import type { MissingFact } from '../trace.js';
import { unresolvedId } from './missing.js';

export type PrefixListCidrs =
  | { readonly ok: true; readonly cidrs: Cidr[]; readonly label: string }
  | { readonly ok: false; readonly missing: MissingFact };

/**
 * A route or rule that names a prefix list covers every CIDR in it.
 * https://docs.aws.amazon.com/vpc/latest/userguide/managed-prefix-lists.html
 */
export function prefixListCidrs(index: ModelIndex, id: string, origin?: Origin): PrefixListCidrs {
  const list = index.prefixList(id);
  if (!list) return { ok: false, missing: unresolvedId(index, `the CIDRs of prefix list ${id}`, id, origin) };
  const cidrs: Cidr[] = [];
  for (const text of list.cidrs) {
    const c = parseCidr(text);
    if (!c.ok) return { ok: false, missing: { fact: `the CIDRs of prefix list ${id}`, reason: c.error } };
    cidrs.push(c.value);
  }
  const label = list.name ? `${id} (${list.name})` : id;
  return { ok: true, cidrs, label };
}
