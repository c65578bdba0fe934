// IP arithmetic on integers (ipaddr.js parses): CIDR blocks, the n-th address, and Fn::Cidr.
import ipaddr from 'ipaddr.js';

export interface Block {
  readonly base: bigint;
  readonly prefix: number;
  readonly bits: 32 | 128;
}

export function parseBlock(cidr: string): Block | undefined {
  try {
    const [addr, prefix] = ipaddr.parseCIDR(cidr.trim());
    const bits = addr.kind() === 'ipv4' ? 32 : 128;
    const value = toBigInt(addr.toByteArray());
    const mask = ((1n << BigInt(bits)) - 1n) ^ ((1n << BigInt(bits - prefix)) - 1n);
    return { base: value & mask, prefix, bits };
  } catch {
    return undefined;
  }
}

export function parseAddress(text: string): { value: bigint; bits: 32 | 128 } | undefined {
  try {
    const addr = ipaddr.parse(text.trim());
    return { value: toBigInt(addr.toByteArray()), bits: addr.kind() === 'ipv4' ? 32 : 128 };
  } catch {
    return undefined;
  }
}

export function blockSize(block: Block): bigint {
  return 1n << BigInt(block.bits - block.prefix);
}

export function contains(block: Block, address: string): boolean {
  const a = parseAddress(address);
  return a !== undefined && a.bits === block.bits && a.value >= block.base && a.value < block.base + blockSize(block);
}

/** The address `offset` places from the block's base. */
export function addressAt(block: Block, offset: bigint): string {
  return formatAddress(block.base + offset, block.bits);
}

export function formatAddress(value: bigint, bits: 32 | 128): string {
  const bytes: number[] = [];
  for (let i = bits / 8 - 1; i >= 0; i--) bytes.push(Number((value >> BigInt(i * 8)) & 0xffn));
  return ipaddr.fromByteArray(bytes).toString();
}

/**
 * Fn::Cidr: `count` consecutive blocks of `cidrBits` host bits each, from the start of `ipBlock`.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-cidr.html
 */
export function cidrSubnets(ipBlock: string, count: number, cidrBits: number): string[] | string {
  const block = parseBlock(ipBlock);
  if (!block) return `"${ipBlock}" is not a CIDR block`;
  if (!Number.isInteger(count) || count < 1 || count > 256) return 'the count must be between 1 and 256';
  const prefix = block.bits - cidrBits;
  if (!Number.isInteger(cidrBits) || cidrBits < 1 || prefix < block.prefix) {
    return `${cidrBits} subnet bits do not fit in ${ipBlock}`;
  }
  const size = 1n << BigInt(cidrBits);
  if (BigInt(count) * size > blockSize(block)) return `${count} blocks of /${prefix} do not fit in ${ipBlock}`;
  const out: string[] = [];
  for (let i = 0n; i < BigInt(count); i++) out.push(`${formatAddress(block.base + i * size, block.bits)}/${prefix}`);
  return out;
}

function toBigInt(bytes: number[]): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}
