// The addresses an interface endpoint's DNS names answer with: its network interfaces' private IPs (R3, R11).
import type { NetworkInterface, VpcEndpoint } from '../../model/index.js';
import { isKnown, nameAndId } from '../../model/index.js';
import type { MissingFact } from '../trace.js';
import type { Ctx } from './context.js';
import { missing } from './context.js';

export type EndpointAddresses =
  | { readonly kind: 'addresses'; readonly addresses: string[] }
  | { readonly kind: 'none'; readonly why: string }
  | { readonly kind: 'unknown'; readonly missing: MissingFact[] };

/** The endpoint's network interfaces: those the model says it owns, and those it lists. */
export function endpointInterfaces(ctx: Ctx, endpoint: VpcEndpoint): NetworkInterface[] {
  const found = new Map<string, NetworkInterface>();
  for (const eni of ctx.index.networkInterfacesOwnedBy(endpoint.id)) found.set(eni.id, eni);
  for (const id of endpoint.networkInterfaceIds) {
    const eni = ctx.index.networkInterfaces.get(id);
    if (eni) found.set(eni.id, eni);
  }
  return [...found.values()];
}

/**
 * The private IPs of the endpoint's interfaces (one per subnet). A zonal name (`...-us-east-1a...`, R11) answers
 * with the interface in that Availability Zone only, where the model knows the subnets' zones.
 */
export function endpointAddresses(ctx: Ctx, endpoint: VpcEndpoint, zone?: string): EndpointAddresses {
  let enis = endpointInterfaces(ctx, endpoint);
  if (enis.length === 0) {
    return {
      kind: 'unknown',
      missing: [missing(`network interfaces of ${nameAndId(endpoint)}`,
        `the model holds no network interface of ${nameAndId(endpoint)}, so the private IPs its DNS names answer with are unknown`,
        endpoint.origin)],
    };
  }
  if (zone) {
    const zoneOf = (eni: NetworkInterface) => ctx.index.subnets.get(eni.subnetId)?.availabilityZone;
    const known = enis.filter((eni) => isKnown(zoneOf(eni)));
    if (known.length === enis.length) {
      enis = enis.filter((eni) => zoneOf(eni) === zone);
      if (enis.length === 0) return { kind: 'none', why: `${nameAndId(endpoint)} has no network interface in ${zone}` };
    }
  }
  const addresses: string[] = [];
  for (const eni of enis) {
    const ip = eni.privateIps[0];
    if (!isKnown(ip)) {
      return {
        kind: 'unknown',
        missing: [missing(`private IP of ${nameAndId(eni)}`,
          ip ? ip.reason : `${nameAndId(eni)} of ${nameAndId(endpoint)} has no private IP in the model`, eni.origin)],
      };
    }
    addresses.push(ip);
  }
  return { kind: 'addresses', addresses };
}

/** The service part of a service name: `com.amazonaws.us-east-1.execute-api` -> region and `execute-api`. */
export function parseServiceName(serviceName: string): { region: string; service: string } | undefined {
  // Endpoint services (`com.amazonaws.vpce.<region>.vpce-svc-...`) have provider-defined names: not modelled.
  const m = /^com\.amazonaws\.([a-z0-9-]+)\.([a-z0-9.-]+)$/.exec(serviceName.toLowerCase());
  if (!m || m[1] === 'vpce' || !m[1] || !m[2]) return undefined;
  return { region: m[1], service: m[2] };
}

/** `execute-api` -> `execute-api`; `ecr.dkr` -> `dkr.ecr`: the order of labels in DNS names. */
export function serviceLabels(service: string): string {
  return service.split('.').reverse().join('.');
}
