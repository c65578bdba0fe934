// A /24 of the VPC's range that no subnet uses, for a subnet a fix adds (IP math on integers).
import ipaddr from 'ipaddr.js';
import { isKnown, type Model, type Vpc } from '../../model/index.js';

function range(cidr: string): [number, number] | undefined {
  try {
    const [addr, bits] = ipaddr.parseCIDR(cidr);
    if (addr.kind() !== 'ipv4') return undefined;
    const base = (addr as ipaddr.IPv4).toByteArray().reduce((n, b) => n * 256 + b, 0);
    const size = 2 ** (32 - bits);
    const start = base - (base % size);
    return [start, start + size - 1];
  } catch {
    return undefined;
  }
}

const toIp = (n: number): string => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

export function freeSubnetCidr(model: Model, vpc: Vpc): string | undefined {
  const primary = vpc.cidrBlocks.find(isKnown);
  const vr = primary ? range(primary) : undefined;
  if (!vr) return undefined;
  const used = model.subnets.filter((s) => s.vpcId === vpc.id).map((s) => (isKnown(s.cidrBlock) ? range(s.cidrBlock) : undefined))
    .filter((r): r is [number, number] => r !== undefined);
  for (let start = vr[0]; start + 255 <= vr[1]; start += 256) {
    if (!used.some(([a, b]) => start <= b && start + 255 >= a)) return `${toIp(start)}/24`;
  }
  return undefined;
}
