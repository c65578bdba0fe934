// A CIDR block (network address and prefix length) on integers, parsed with ipaddr.js.
import ipaddr from 'ipaddr.js';
import { addressBits, formatAddress, parseAddress, type IpAddress, type IpFamily } from './address.js';
import { err, ok, type IpResult } from './result.js';

export interface Cidr {
  readonly family: IpFamily;
  /** The network address, host bits cleared. */
  readonly network: bigint;
  readonly prefixLength: number;
}

/** The mask with the first `prefixLength` bits set. */
export function networkMask(family: IpFamily, prefixLength: number): bigint {
  const bits = BigInt(addressBits(family));
  const hostBits = bits - BigInt(prefixLength);
  return ((1n << bits) - 1n) ^ ((1n << hostBits) - 1n);
}

/**
 * Parses `a.b.c.d/n` or `x::/n`. Host bits are cleared (`10.0.1.5/16` is `10.0.0.0/16`), as EC2 does when it
 * stores a security group or network ACL rule.
 */
export function parseCidr(text: string): IpResult<Cidr> {
  if (typeof text !== 'string') return err('not a string');
  const s = text.trim();
  const slash = s.indexOf('/');
  if (slash < 0 || slash !== s.lastIndexOf('/')) return err(`${s} is not a CIDR block (address/prefix)`);
  const address = parseAddress(s.slice(0, slash));
  if (!address.ok) return err(`${s} is not a CIDR block: ${address.error}`);
  const lengthText = s.slice(slash + 1);
  if (!/^\d{1,3}$/.test(lengthText)) return err(`${s} has no valid prefix length`);
  const prefixLength = Number(lengthText);
  const { family } = address.value;
  if (prefixLength > addressBits(family)) return err(`${s}: prefix length ${prefixLength} is too long`);
  if (!ipaddr.isValidCIDR(s)) return err(`${s} is not a CIDR block`);
  return ok({ family, prefixLength, network: address.value.value & networkMask(family, prefixLength) });
}

/** The prefix length of a CIDR written as text (`/16` of `10.0.0.0/16`). */
export function prefixLength(text: string): IpResult<number> {
  const parsed = parseCidr(text);
  return parsed.ok ? ok(parsed.value.prefixLength) : parsed;
}

export function formatCidr(cidr: Cidr): string {
  return `${formatAddress({ family: cidr.family, value: cidr.network })}/${cidr.prefixLength}`;
}

/** How many addresses the block holds. */
export function blockSize(cidr: Cidr): bigint {
  return 1n << BigInt(addressBits(cidr.family) - cidr.prefixLength);
}

/** The address `offset` places after the network address, wrapping inside the block. */
export function addressInCidr(cidr: Cidr, offset: bigint): IpAddress {
  const size = blockSize(cidr);
  const within = ((offset % size) + size) % size;
  return { family: cidr.family, value: cidr.network + within };
}
