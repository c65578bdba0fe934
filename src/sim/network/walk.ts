// The state of one packet walk: the model, the path so far, the source ENI and the packet.
import { type ModelIndex, type NetworkInterface, type Subnet, type Vpc } from '../../model/index.js';
import { cidrContains, parseAddress, parseCidr, type IpAddress } from '../ip/index.js';
import type { MissingFact } from '../trace.js';
import { fromUnknown, unresolvedId } from './missing.js';
import { checkNetworkAcl } from './network-acl.js';
import { interfaceName } from './names.js';
import type { Check, PathBuilder } from './path-builder.js';
import type { Traffic } from './protocol.js';

/** An ENI with what the path needs of it: its subnet, VPC and primary private address. */
export interface Endpoint {
  readonly eni: NetworkInterface;
  readonly name: string;
  readonly subnet: Subnet;
  readonly vpc: Vpc;
  readonly ip: IpAddress;
  readonly ipText: string;
}

export interface Walk {
  readonly index: ModelIndex;
  readonly path: PathBuilder;
  readonly source: Endpoint;
  readonly traffic: Traffic;
  readonly destination: IpAddress;
  readonly destinationText: string;
}

export type Resolved<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly missing: MissingFact[] };

/** Looks up the ENI's subnet and VPC and reads its primary private IPv4 address. */
export function resolveEndpoint(index: ModelIndex, eni: NetworkInterface): Resolved<Endpoint> {
  const name = interfaceName(index, eni);
  const subnet = index.subnets.get(eni.subnetId);
  if (!subnet) return { ok: false, missing: [unresolvedId(index, `the subnet of ${name}`, eni.subnetId, eni.origin)] };
  const vpc = index.vpcs.get(eni.vpcId) ?? index.vpcs.get(subnet.vpcId);
  if (!vpc) return { ok: false, missing: [unresolvedId(index, `the VPC of ${name}`, eni.vpcId, eni.origin)] };
  const first = eni.privateIps[0];
  if (first === undefined) {
    return { ok: false, missing: [{ fact: `the private IP address of ${name}`, reason: `${eni.id} lists no address` }] };
  }
  if (typeof first !== 'string') return { ok: false, missing: [fromUnknown(`the private IP address of ${name}`, first)] };
  const ip = parseAddress(first);
  if (!ip.ok) return { ok: false, missing: [{ fact: `the private IP address of ${name}`, reason: ip.error }] };
  return { ok: true, value: { eni, name, subnet, vpc, ip: ip.value, ipText: first } };
}

/** Whether an address lies inside the subnet's IPv4 block (unknown block: undefined). */
export function inSubnet(subnet: Subnet, ip: IpAddress): boolean | undefined {
  if (typeof subnet.cidrBlock !== 'string') return undefined;
  const cidr = parseCidr(subnet.cidrBlock);
  return cidr.ok ? cidrContains(cidr.value, ip) : undefined;
}

/** A network ACL check of `subnet` for a packet whose other end is `remote`. */
export function aclCheck(
  walk: Walk, subnet: Subnet, direction: 'in' | 'out', remote: { ip: IpAddress; text: string }, action: string,
  traffic: Traffic = walk.traffic, reply = false,
): Check {
  return checkNetworkAcl(walk.index, { subnet, direction, traffic, remote, action, reply });
}
