// CIDR parsing and containment, with properties over generated blocks and addresses.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAddress } from './address.js';
import { addressInCidr, formatCidr, parseCidr, prefixLength } from './cidr.js';
import { contains, cidrContains, cidrCovers } from './contains.js';

const v4Cidr = fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 32 })).map(([a, n]) => `${a}/${n}`);
const v6Cidr = fc.tuple(fc.ipV6(), fc.integer({ min: 0, max: 128 })).map(([a, n]) => `${a}/${n}`);

function mustCidr(text: string) {
  const r = parseCidr(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('parseCidr', () => {
  it.each([
    ['10.0.0.0/16', '10.0.0.0/16', 16],
    ['10.0.1.5/16', '10.0.0.0/16', 16],
    ['0.0.0.0/0', '0.0.0.0/0', 0],
    ['10.0.1.25/32', '10.0.1.25/32', 32],
    ['2600:1f18::/56', '2600:1f18::/56', 56],
  ])('%s is %s', (text, normal, length) => {
    expect(formatCidr(mustCidr(text))).toBe(normal);
    expect(prefixLength(text)).toEqual({ ok: true, value: length });
  });

  it.each(['10.0.0.0', '10.0.0.0/33', '10.0.0/16', '10.0.0.0/-1', '10.0.0.0/1/2', '::/129', 'a/b', '', '10.0.0.0/ 8'])(
    'rejects %j with an error value',
    (text) => {
      expect(parseCidr(text).ok).toBe(false);
      expect(prefixLength(text).ok).toBe(false);
    },
  );

  it('never throws, whatever the input', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), v4Cidr, v6Cidr, fc.string().map((s) => `10.0.0.0/${s}`)), (text) => {
      expect(() => parseCidr(text)).not.toThrow();
      expect(() => contains(text, text)).not.toThrow();
    }));
  });
});

describe('contains', () => {
  it.each([
    ['10.0.0.0/16', '10.0.1.25', true],
    ['10.0.0.0/16', '10.1.0.0', false],
    ['0.0.0.0/0', '8.8.8.8', true],
    ['10.0.1.25/32', '10.0.1.25', true],
    ['10.0.1.25/32', '10.0.1.26', false],
    ['::/0', '10.0.0.1', false],
    ['2600:1f18::/56', '2600:1f18:0:ff::1', true],
  ])('%s contains %s: %s', (cidr, ip, expected) => {
    expect(contains(cidr, ip)).toEqual({ ok: true, value: expected });
  });

  it('returns an error value for bad text', () => {
    expect(contains('10.0.0.0/16', 'nope').ok).toBe(false);
    expect(contains('nope', '10.0.0.1').ok).toBe(false);
  });

  it('an address built inside a block is contained (IPv4)', () => {
    fc.assert(fc.property(v4Cidr, fc.bigInt({ min: 0n, max: (1n << 32n) - 1n }), (text, offset) => {
      const cidr = mustCidr(text);
      expect(cidrContains(cidr, addressInCidr(cidr, offset))).toBe(true);
    }));
  });

  it('an address built inside a block is contained (IPv6)', () => {
    fc.assert(fc.property(v6Cidr, fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), (text, offset) => {
      const cidr = mustCidr(text);
      expect(cidrContains(cidr, addressInCidr(cidr, offset))).toBe(true);
    }));
  });

  it('an address just past the block is not contained', () => {
    fc.assert(fc.property(v4Cidr.filter((t) => !t.endsWith('/0')), (text) => {
      const cidr = mustCidr(text);
      const size = 1n << BigInt(32 - cidr.prefixLength);
      const after = (cidr.network + size) % (1n << 32n);
      expect(cidrContains(cidr, { family: 4, value: after })).toBe(false);
    }));
  });

  it('a block covers every longer block built inside it', () => {
    fc.assert(fc.property(v4Cidr, fc.integer({ min: 0, max: 32 }), fc.bigInt({ min: 0n, max: 1n << 32n }), (text, extra, off) => {
      const outer = mustCidr(text);
      const length = Math.min(32, outer.prefixLength + extra);
      const inner = mustCidr(`${addressText(addressInCidr(outer, off).value)}/${length}`);
      expect(cidrCovers(outer, inner)).toBe(true);
    }));
  });

  it('agrees with the string form', () => {
    fc.assert(fc.property(v4Cidr, fc.ipV4(), (cidr, ip) => {
      const a = parseAddress(ip);
      const r = contains(cidr, ip);
      expect(r.ok && a.ok).toBe(true);
      if (r.ok && a.ok) expect(r.value).toBe(cidrContains(mustCidr(cidr), a.value));
    }));
  });
});

function addressText(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 0xffn)).join('.');
}
