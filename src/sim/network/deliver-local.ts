// The local route: the destination is an address inside the source's own VPC.
import { displayName } from '../../model/index.js';
import { delivered, enterInterface, returnAcls } from './deliver.js';
import { findInterface, noInterfaceDetail } from './find-interface.js';
import type { NetworkPath } from './types.js';
import { resolveEndpoint, type Walk } from './walk.js';

/**
 * Traffic to the VPC's own CIDRs follows the local route straight to the ENI that holds the address.
 * https://docs.aws.amazon.com/vpc/latest/userguide/RouteTables.html#route-table-concepts (local route)
 */
export function deliverLocal(walk: Walk): NetworkPath {
  const { index, path, source } = walk;
  const vpc = source.vpc;
  const at = { at: displayName(vpc), elementId: vpc.id, action: 'deliver' };
  const found = findInterface(walk, vpc);
  if (found.kind === 'unknown') {
    const detail = `cannot tell which network interface holds ${walk.destinationText}`;
    return path.unknown({ ...at, verdict: 'unknown', detail }, found.missing);
  }
  if (found.kind === 'none') {
    const detail = noInterfaceDetail(vpc, walk.destinationText);
    return path.drop({ ...at, verdict: 'drop', detail, confidence: 'documented' }, 'no-route');
  }
  if (found.eni.id === source.eni.id) {
    path.add({ ...at, verdict: 'pass', detail: `${walk.destinationText} is ${source.name}'s own address` });
    return delivered(walk, source);
  }
  const target = resolveEndpoint(index, found.eni);
  if (!target.ok) {
    const detail = `${walk.destinationText} belongs to ${found.eni.id}, which the model does not place`;
    return path.unknown({ ...at, verdict: 'unknown', detail }, target.missing);
  }
  if (found.eni.owner.kind === 'nat-gateway') {
    // https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-basics.html: a NAT gateway only translates
    // traffic routed through it; Batfish's test-nat-gateway finds a connection to its own address DENIED_IN.
    return path.drop({
      at: target.value.name, elementId: found.eni.id, action: 'ingress', verdict: 'drop', confidence: 'observed',
      detail: `${target.value.name} is a NAT gateway: it accepts no connection to its own address`,
    }, 'no-route');
  }
  const crosses = target.value.subnet.id !== source.subnet.id;
  return enterInterface(walk, target.value, crosses)
    ?? returnAcls(walk, target.value, crosses)
    ?? delivered(walk, target.value);
}
