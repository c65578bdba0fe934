// An IPv4 or IPv6 address as an integer (BigInt), parsed with ipaddr.js; never math on strings.
import ipaddr from 'ipaddr.js';
import { err, ok, type IpResult } from './result.js';

export type IpFamily = 4 | 6;

export interface IpAddress {
  readonly family: IpFamily;
  /** The address as an unsigned integer of 32 (IPv4) or 128 (IPv6) bits. */
  readonly value: bigint;
}

export function addressBits(family: IpFamily): number {
  return family === 4 ? 32 : 128;
}

function fromBytes(family: IpFamily, bytes: readonly number[]): IpAddress {
  let value = 0n;
  for (const b of bytes) value = (value << 8n) | BigInt(b);
  return { family, value };
}

/** Parses dotted-quad IPv4 (four decimal parts only, as AWS writes them) or IPv6 without a zone id. */
export function parseAddress(text: string): IpResult<IpAddress> {
  if (typeof text !== 'string') return err('not a string');
  const s = text.trim();
  try {
    if (ipaddr.IPv4.isValidFourPartDecimal(s)) return ok(fromBytes(4, ipaddr.IPv4.parse(s).toByteArray()));
    if (s.includes(':') && ipaddr.IPv6.isValid(s)) {
      const v6 = ipaddr.IPv6.parse(s);
      if (v6.zoneId) return err(`${s}: zone ids are not addresses in a VPC`);
      return ok(fromBytes(6, v6.toByteArray()));
    }
  } catch {
    // ipaddr.js throws on some malformed input even after isValid; fall through to the error value.
  }
  return err(`${s} is not an IPv4 or IPv6 address`);
}

/** The usual text form: dotted quad, or RFC 5952 for IPv6. */
export function formatAddress(address: IpAddress): string {
  const count = address.family === 4 ? 4 : 16;
  const bytes: number[] = [];
  let v = address.value;
  for (let i = 0; i < count; i++) {
    bytes.unshift(Number(v & 0xffn));
    v >>= 8n;
  }
  const parsed = ipaddr.fromByteArray(bytes);
  return parsed.kind() === 'ipv6' ? (parsed as ipaddr.IPv6).toRFC5952String() : parsed.toString();
}
