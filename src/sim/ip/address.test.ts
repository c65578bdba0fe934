// Address parsing: round trips, and bad input as an error value.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatAddress, parseAddress } from './address.js';

describe('parseAddress', () => {
  it.each([
    ['10.0.1.25', 4, 0x0a000119n],
    ['0.0.0.0', 4, 0n],
    ['255.255.255.255', 4, 0xffffffffn],
    ['::1', 6, 1n],
    ['fd00:ec2::253', 6, 0xfd000ec2000000000000000000000253n],
  ] as const)('%s', (text, family, value) => {
    expect(parseAddress(text)).toEqual({ ok: true, value: { family, value } });
  });

  it.each(['', '10.0.1', '10.0.1.256', '010.0.0.1x', '1.2.3.4/32', 'fe80::1%eth0', 'example.com', '::g'])(
    'rejects %j with an error value',
    (text) => {
      const r = parseAddress(text);
      expect(r.ok).toBe(false);
    },
  );

  it('round-trips every IPv4 address', () => {
    fc.assert(fc.property(fc.ipV4(), (text) => {
      const r = parseAddress(text);
      expect(r.ok).toBe(true);
      if (r.ok) expect(formatAddress(r.value)).toBe(text);
    }));
  });

  it('round-trips every IPv6 address through its value', () => {
    fc.assert(fc.property(fc.ipV6(), (text) => {
      const r = parseAddress(text);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const again = parseAddress(formatAddress(r.value));
      expect(again).toEqual(r);
    }));
  });

  it('never throws, whatever the input', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.ipV4Extended(), fc.ipV6()), (text) => {
      expect(() => parseAddress(text)).not.toThrow();
    }));
  });
});
