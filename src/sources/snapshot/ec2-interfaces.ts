// Network interfaces (the source of truth for addresses and groups), instances, and Elastic IPs.
import type { NetworkInterface, NetworkInterfaceOwner, Origin } from '../../model/index.js';
import type { Build, Item, Mut } from './context.js';
import { named, nameTag, num, obj, objs, str, type Obj } from './json-read.js';

/** `AWS Lambda VPC ENI-<function name>-<uuid>`: the description Lambda gives its Hyperplane ENIs. */
const LAMBDA_DESCRIPTION = /^AWS Lambda VPC ENI-(.+?)(?:-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?$/;

/** The function a Lambda ENI's description names. */
export function lambdaOfDescription(description: string | undefined): string | undefined {
  return description ? LAMBDA_DESCRIPTION.exec(description)?.[1] : undefined;
}

/**
 * Who an ENI belongs to. An instance's is attached to it; the ENIs AWS manages for a service are requester-managed
 * and say whose they are in InterfaceType and Description (`VPC Endpoint Interface vpce-...`, `Interface for NAT
 * Gateway nat-...`, `AWS Lambda VPC ENI-...`, `Route 53 Resolver: rslvr-in-...`).
 */
function ownerOf(b: Build, eni: Obj, id: string): NetworkInterfaceOwner {
  const instance = str(obj(eni, 'Attachment'), 'InstanceId');
  if (instance) return { kind: 'instance', id: instance };
  const description = str(eni, 'Description') ?? '';
  const type = str(eni, 'InterfaceType') ?? '';
  const endpoint = b.index('vpcEndpointsByInterface', b.model.vpcEndpoints, (e) => e.networkInterfaceIds).first(id)?.id
    ?? /(vpce-[0-9a-f]+)/.exec(type === 'vpc_endpoint' || description.startsWith('VPC Endpoint') ? description : '')?.[1];
  if (endpoint) return { kind: 'vpc-endpoint', id: endpoint };
  const address = str(eni, 'PrivateIpAddress');
  const nat = (address === undefined ? undefined : b.index('natGatewaysByAddress', b.model.natGateways,
    (n) => (typeof n.privateIp === 'string' ? [`${n.subnetId}\u0000${n.privateIp}`] : [])).first(`${str(eni, 'SubnetId')}\u0000${address}`)?.id)
    ?? /(nat-[0-9a-f]+)/.exec(type === 'nat_gateway' || description.includes('NAT Gateway') ? description : '')?.[1];
  if (nat) return { kind: 'nat-gateway', id: nat };
  const fn = lambdaOfDescription(description) ?? (type === 'lambda' ? description || id : undefined);
  if (fn) return { kind: 'lambda', id: fn };
  const resolver = /(rslvr-(?:in|out)-[0-9a-z]+)/.exec(description.startsWith('Route 53 Resolver') ? description : '')?.[1];
  if (resolver) return { kind: 'resolver-endpoint', id: resolver };
  return { kind: 'other', description: description || type || 'network interface' };
}

/** Private addresses, primary first. */
function privateIps(eni: Obj): string[] {
  const listed = objs(eni, 'PrivateIpAddresses')
    .sort((a, b) => Number(b.Primary === true) - Number(a.Primary === true))
    .flatMap((a) => str(a, 'PrivateIpAddress') ?? []);
  const primary = str(eni, 'PrivateIpAddress');
  return [...new Set([...(primary ? [primary] : []), ...listed])];
}

/** An ENI from DescribeNetworkInterfaces, or from an instance's own NetworkInterfaces entry (same shape). */
function toInterface(b: Build, eni: Obj, origin: Origin, owner?: NetworkInterfaceOwner): Mut<NetworkInterface> | undefined {
  const id = str(eni, 'NetworkInterfaceId');
  const subnetId = str(eni, 'SubnetId');
  if (!id || !subnetId) return undefined;
  const resolvedOwner = owner ?? ownerOf(b, eni, id);
  // The public IPv4 address of the primary private address (auto-assigned or Elastic IP). R32: never on Lambda ENIs.
  const publicIp = resolvedOwner.kind === 'lambda' ? undefined : str(obj(eni, 'Association'), 'PublicIp');
  return {
    id, ...named(nameTag(eni)), origin, subnetId,
    vpcId: str(eni, 'VpcId') ?? b.vpcOfSubnet(subnetId, origin),
    privateIps: privateIps(eni), ...(publicIp ? { publicIp, publicIpOrigin: origin } : {}),
    securityGroupIds: objs(eni, 'Groups').flatMap((g) => str(g, 'GroupId') ?? []),
    owner: resolvedOwner,
  };
}

export function readNetworkInterfaces(b: Build): void {
  for (const item of b.items('NetworkInterfaces')) {
    const id = str(item.o, 'NetworkInterfaceId');
    const eni = id ? toInterface(b, item.o, b.origin(item, id)) : undefined;
    if (!eni) {
      b.missingField(item, id ? 'SubnetId' : 'NetworkInterfaceId');
      continue;
    }
    b.model.networkInterfaces.push(eni);
  }
  // A NAT gateway's ENI, when DescribeNetworkInterfaces did not list it: from the gateway's own addresses.
  for (const item of b.items('NatGateways')) {
    const natId = str(item.o, 'NatGatewayId');
    const nat = natId === undefined ? undefined : b.index('natGateways', b.model.natGateways, (n) => [n.id]).first(natId);
    const address = objs(item.o, 'NatGatewayAddresses').find((a) => str(a, 'NetworkInterfaceId'));
    const eniId = str(address, 'NetworkInterfaceId');
    if (!nat || !eniId || b.networkInterface(eniId)) continue;
    const privateIp = str(address, 'PrivateIp');
    const publicIp = str(address, 'PublicIp');
    b.model.networkInterfaces.push({
      id: eniId, origin: b.origin(item, eniId), subnetId: nat.subnetId, vpcId: nat.vpcId, privateIps: privateIp ? [privateIp] : [],
      ...(publicIp ? { publicIp } : {}), securityGroupIds: [], owner: { kind: 'nat-gateway', id: nat.id },
    });
  }
}

/**
 * Instances from DescribeInstances; their ENIs, primary (device index 0) first, come from DescribeNetworkInterfaces,
 * or from the instance's own entry when that call's answer lacks them. Terminated instances have no network.
 */
export function readInstances(b: Build): void {
  const known = new Set(b.model.networkInterfaces.map((n) => n.id));
  for (const reservation of b.items('Reservations')) {
    const starts = reservation.file.elementStarts('Instances', reservation.offset);
    objs(reservation.o, 'Instances').forEach((inst, i) => {
      const id = str(inst, 'InstanceId');
      if (!id || ['terminated', 'shutting-down'].includes(str(obj(inst, 'State'), 'Name') ?? '')) return;
      const path = `${reservation.path}.Instances[${i}]`;
      const at = { ...reservation, o: inst, path, offset: starts[i] ?? reservation.offset };
      const origin = b.origin(at, id);
      const entries = objs(inst, 'NetworkInterfaces')
        .sort((x, y) => (num(obj(x, 'Attachment'), 'DeviceIndex') ?? 0) - (num(obj(y, 'Attachment'), 'DeviceIndex') ?? 0));
      const eniIds: string[] = [];
      for (const entry of entries) {
        const eniId = str(entry, 'NetworkInterfaceId');
        if (!eniId) continue;
        if (!known.has(eniId)) {
          const built = toInterface(b, entry, b.originIn(at, eniId, path), { kind: 'instance', id });
          if (!built) continue;
          b.model.networkInterfaces.push(built);
          known.add(eniId);
        }
        eniIds.push(eniId);
      }
      b.model.instances.push({ id, ...named(nameTag(inst)), origin, networkInterfaceIds: eniIds });
    });
  }
}

/** Elastic IPs: DescribeNetworkInterfaces shows them already; an address it lacks is added to its ENI here. */
export function readAddresses(b: Build): void {
  for (const item of b.items('Addresses')) {
    const publicIp = str(item.o, 'PublicIp');
    const instanceId = str(item.o, 'InstanceId');
    const eniId = str(item.o, 'NetworkInterfaceId')
      ?? (instanceId === undefined ? undefined : b.index('instances', b.model.instances, (i) => [i.id]).first(instanceId)?.networkInterfaceIds[0]);
    const eni = (eniId === undefined ? undefined : b.networkInterface(eniId)) as Mut<NetworkInterface> | undefined;
    if (!publicIp || !eni || eni.publicIp !== undefined || eni.owner.kind === 'lambda') continue;
    // The model holds the public address of the ENI's primary private address only.
    const privateIp = str(item.o, 'PrivateIpAddress');
    if (privateIp && privateIp !== eni.privateIps[0]) continue;
    eni.publicIp = publicIp;
    eni.publicIpOrigin = b.origin(item as Item, publicIp);
  }
}
