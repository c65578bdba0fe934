// Longest-prefix match, table-driven and as properties.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAddress, type IpAddress } from './address.js';
import { addressInCidr, parseCidr, type Cidr } from './cidr.js';
import { cidrContains } from './contains.js';
import { longestPrefixMatch } from './longest-prefix.js';

function cidr(text: string): Cidr {
  const r = parseCidr(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
function ip(text: string): IpAddress {
  const r = parseAddress(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
const self = (c: Cidr) => c;

describe('longestPrefixMatch', () => {
  const table = ['0.0.0.0/0', '10.0.0.0/16', '10.0.1.0/24', '10.0.1.128/25', '192.168.0.0/16'].map(cidr);

  it.each([
    ['10.0.1.200', 3],
    ['10.0.1.25', 2],
    ['10.0.9.9', 1],
    ['8.8.8.8', 0],
    ['192.168.3.4', 4],
  ])('%s picks candidate %i', (address, index) => {
    expect(longestPrefixMatch(ip(address), table, self)).toBe(table[index]);
  });

  it('returns undefined when nothing contains the address', () => {
    expect(longestPrefixMatch(ip('8.8.8.8'), table.slice(1), self)).toBeUndefined();
    expect(longestPrefixMatch(ip('10.0.0.1'), [], self)).toBeUndefined();
  });

  it('keeps the first of equally long matches (the caller states the tie-break by order)', () => {
    const a = { c: cidr('10.0.0.0/16'), id: 'a' };
    const b = { c: cidr('10.0.0.0/16'), id: 'b' };
    expect(longestPrefixMatch(ip('10.0.3.3'), [a, b], (x) => x.c)?.id).toBe('a');
    expect(longestPrefixMatch(ip('10.0.3.3'), [b, a], (x) => x.c)?.id).toBe('b');
  });

  it('skips candidates without a block', () => {
    const items = [{ c: undefined }, { c: cidr('0.0.0.0/0') }];
    expect(longestPrefixMatch(ip('1.2.3.4'), items, (x) => x.c)).toBe(items[1]);
  });

  const arbCidr = fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 32 })).map(([a, n]) => cidr(`${a}/${n}`));

  it('picks a containing block, and none contains the address with a longer prefix', () => {
    fc.assert(fc.property(fc.array(arbCidr, { maxLength: 40 }), fc.ipV4(), (blocks, text) => {
      const address = ip(text);
      const best = longestPrefixMatch(address, blocks, self);
      const containing = blocks.filter((b) => cidrContains(b, address));
      if (!best) {
        expect(containing).toEqual([]);
        return;
      }
      expect(cidrContains(best, address)).toBe(true);
      for (const b of containing) expect(b.prefixLength).toBeLessThanOrEqual(best.prefixLength);
    }));
  });

  it('an address built inside the longest block is matched to it', () => {
    fc.assert(fc.property(fc.array(arbCidr, { minLength: 1, maxLength: 20 }), fc.bigInt({ min: 0n, max: 1n << 32n }), (blocks, off) => {
      const longest = blocks.reduce((a, b) => (b.prefixLength > a.prefixLength ? b : a));
      const address = addressInCidr(longest, off);
      const best = longestPrefixMatch(address, blocks, self);
      expect(best?.prefixLength).toBe(longest.prefixLength);
    }));
  });

  it('ignores blocks of the other address family', () => {
    const v6 = cidr('::/0');
    expect(longestPrefixMatch(ip('10.0.0.1'), [v6], self)).toBeUndefined();
  });
});
