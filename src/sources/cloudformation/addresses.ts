// Made-up addresses: private IPs inside a subnet's range, public IPs from a documentation range.
import { addressAt, blockSize, contains, parseBlock } from './cidr.js';

/** Why no address could be given (the subnet is outside the model, or its range is unknown or full). */
export interface NoAddress {
  readonly reason: string;
}

// RFC 5737 TEST-NET-3. The simulation's address book hands out 203.0.113.200 and up for the internet, so made-up
// public IPs stay below that.
const PUBLIC_PREFIX = '203.0.113.';
const PUBLIC_FIRST = 10;
const PUBLIC_LAST = 199;

export class AddressPlan {
  private readonly nextOffset = new Map<string, bigint>();
  private readonly taken = new Map<string, Set<string>>();
  private nextPublic = PUBLIC_FIRST;

  /** `cidrOf` answers a subnet's IPv4 CIDR, a reason when it is not known, or undefined when not in the model. */
  constructor(private readonly cidrOf: (subnetId: string) => string | NoAddress | undefined) {}

  /** An address the template fixes (PrivateIpAddress): never handed out again. */
  reserve(subnetId: string, ip: string): void {
    this.takenIn(subnetId).add(ip);
  }

  /**
   * The next free private IP of the subnet. AWS reserves the first four addresses and the last one of every subnet
   * (https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html); made-up addresses start at base+10 and go
   * up in template order, then use base+4..base+9.
   */
  privateIp(subnetId: string): string | NoAddress {
    const cidr = this.cidrOf(subnetId);
    if (cidr === undefined) return { reason: `subnet ${subnetId} is not in the model, so its address range is unknown` };
    if (typeof cidr !== 'string') return cidr;
    const block = parseBlock(cidr);
    if (!block || block.bits !== 32) return { reason: `subnet ${subnetId} has no IPv4 range the tool can read (${cidr})` };
    const size = blockSize(block);
    const last = size - 2n;
    if (last < 4n) return { reason: `subnet ${subnetId} (${cidr}) is too small to hold addresses` };
    const taken = this.takenIn(subnetId);
    let offset = this.nextOffset.get(subnetId) ?? 10n;
    for (let tries = 0n; tries <= last; tries++) {
      if (offset > last || offset < 4n) offset = 4n;
      const ip = addressAt(block, offset);
      offset++;
      if (!taken.has(ip)) {
        taken.add(ip);
        this.nextOffset.set(subnetId, offset);
        return ip;
      }
    }
    return { reason: `subnet ${subnetId} (${cidr}) has no free address left` };
  }

  /** True when the address is inside the subnet's range (a PrivateIpAddress the template fixes). */
  fits(subnetId: string, ip: string): boolean | undefined {
    const cidr = this.cidrOf(subnetId);
    if (typeof cidr !== 'string') return undefined;
    const block = parseBlock(cidr);
    return block ? contains(block, ip) : undefined;
  }

  /** The next made-up public IPv4 address (auto-assigned or Elastic IP). */
  publicIp(): string | NoAddress {
    if (this.nextPublic > PUBLIC_LAST) return { reason: 'more public addresses than the illustrative range holds' };
    return `${PUBLIC_PREFIX}${this.nextPublic++}`;
  }

  private takenIn(subnetId: string): Set<string> {
    let set = this.taken.get(subnetId);
    if (!set) this.taken.set(subnetId, (set = new Set()));
    return set;
  }
}
