// Longest-prefix match: of the candidates whose block contains the address, the one with the longest prefix.
import type { IpAddress } from './address.js';
import type { Cidr } from './cidr.js';
import { cidrContains } from './contains.js';

/**
 * The candidate whose block contains `address` with the longest prefix length; among equally long ones, the
 * first in `candidates`, so the caller's order states its tie-break. Candidates whose `cidrOf` is undefined
 * are skipped. A linear scan: route tables hold at most a few hundred routes.
 */
export function longestPrefixMatch<T>(
  address: IpAddress,
  candidates: readonly T[],
  cidrOf: (candidate: T) => Cidr | undefined,
): T | undefined {
  let best: T | undefined;
  let bestLength = -1;
  for (const candidate of candidates) {
    const cidr = cidrOf(candidate);
    if (!cidr || cidr.prefixLength <= bestLength || !cidrContains(cidr, address)) continue;
    best = candidate;
    bestLength = cidr.prefixLength;
  }
  return best;
}
