// Which ENI in a VPC holds a destination address, or why the model cannot say.
import { displayName, isUnknown, type NetworkInterface, type Vpc } from '../../model/index.js';
import type { MissingFact } from '../trace.js';
import { fromUnknown } from './missing.js';
import { interfaceName } from './names.js';
import { inSubnet, type Walk } from './walk.js';

export type Found =
  | { readonly kind: 'found'; readonly eni: NetworkInterface }
  | { readonly kind: 'none' }
  | { readonly kind: 'unknown'; readonly missing: MissingFact[] };

/** The ENI in `vpc` holding the destination; an ENI whose address is unknown and could be it makes it unknown. */
export function findInterface(walk: Walk, vpc: Vpc): Found {
  const { index } = walk;
  const eni = index.networkInterfaceByIp(vpc.id, walk.destinationText);
  if (eni) return { kind: 'found', eni };
  const missing: MissingFact[] = [];
  for (const candidate of index.networkInterfacesInVpc(vpc.id)) {
    const unknownIp = candidate.privateIps.find(isUnknown);
    if (!unknownIp) continue;
    const subnet = index.subnets.get(candidate.subnetId);
    if (subnet && inSubnet(subnet, walk.destination) === false) continue;
    missing.push(fromUnknown(`the private IP address of ${interfaceName(index, candidate)}`, unknownIp));
  }
  return missing.length > 0 ? { kind: 'unknown', missing } : { kind: 'none' };
}

/** Detail for an address in a VPC's range that no ENI holds (Batfish: NULL_ROUTED at the VPC). */
export function noInterfaceDetail(vpc: Vpc, destination: string): string {
  return `no network interface in ${displayName(vpc)} holds ${destination}; the VPC drops the packet`;
}
