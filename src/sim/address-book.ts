// Addresses of AWS's public front doors. Their real addresses are not in any input, so each simulation gives
// them stable illustrative ones from the documentation ranges (RFC 5737) and remembers who owns which.
import type { Destination } from './trace.js';

type PublicDestination = Exclude<Destination, { kind: 'network-interface' }>;

const RANGES: Record<PublicDestination['kind'], string> = {
  'api-gateway-regional': '198.51.100.',
  cloudfront: '192.0.2.',
  internet: '203.0.113.',
};

function keyOf(d: PublicDestination): string {
  switch (d.kind) {
    case 'api-gateway-regional': return `apigw:${d.region}`;
    case 'cloudfront': return `cf:${d.distributionDomainName}`;
    case 'internet': return `net:${d.description}`;
  }
}

export class AddressBook {
  private readonly byKey = new Map<string, string>();
  private readonly byAddress = new Map<string, PublicDestination>();
  private readonly next: Record<PublicDestination['kind'], number> = {
    'api-gateway-regional': 10, cloudfront: 10, internet: 200,
  };

  /** The public address a front door answers on (always the same within one book). */
  addressOf(destination: PublicDestination): string {
    const key = keyOf(destination);
    const known = this.byKey.get(key);
    if (known) return known;
    const n = this.next[destination.kind]++;
    const address = `${RANGES[destination.kind]}${n}`;
    this.byKey.set(key, address);
    this.byAddress.set(address, destination);
    return address;
  }

  /** Who answers at a public address this book gave out; undefined for any other address. */
  ownerOf(address: string): PublicDestination | undefined {
    return this.byAddress.get(address);
  }
}
