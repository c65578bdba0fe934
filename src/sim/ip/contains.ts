// Whether a CIDR block contains an address (or another block): the test behind every route, rule and ACL entry.
import { parseAddress, type IpAddress } from './address.js';
import { networkMask, parseCidr, type Cidr } from './cidr.js';
import { ok, type IpResult } from './result.js';

/** True when `address` is inside `cidr`; an address of the other family is never inside. */
export function cidrContains(cidr: Cidr, address: IpAddress): boolean {
  if (cidr.family !== address.family) return false;
  return (address.value & networkMask(cidr.family, cidr.prefixLength)) === cidr.network;
}

/** True when every address of `inner` is inside `outer`. */
export function cidrCovers(outer: Cidr, inner: Cidr): boolean {
  return outer.family === inner.family && outer.prefixLength <= inner.prefixLength &&
    cidrContains(outer, { family: inner.family, value: inner.network });
}

/** `contains('10.0.0.0/16', '10.0.1.5')`; an error value when either text does not parse. */
export function contains(cidr: string | Cidr, address: string | IpAddress): IpResult<boolean> {
  const c = typeof cidr === 'string' ? parseCidr(cidr) : ok(cidr);
  if (!c.ok) return c;
  const a = typeof address === 'string' ? parseAddress(address) : ok(address);
  if (!a.ok) return a;
  return ok(cidrContains(c.value, a.value));
}

/** True when the blocks share an address (one covers the other; CIDR blocks never partly overlap). */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return cidrCovers(a, b) || cidrCovers(b, a);
}
