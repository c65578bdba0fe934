// Batfish's six AWS snapshots (shared/corpora/batfish) load as they are, and every flow of their README that
// starts at an instance ends as Batfish says (mapping in docs/batfish-mapping.md).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ModelIndex, type Model } from '../../model/index.js';
import { droppedCause } from '../../sim/causes/network-causes.js';
import { tracePacket, type NetworkPath } from '../../sim/network/index.js';
import { parseRequestLine } from '../../sim/request.js';
import { traceRequest } from '../../sim/trace-request.js';
import type { Hop } from '../../sim/trace.js';
import { loadSnapshot } from './index.js';

const CORPUS = fileURLToPath(new URL('../../../../shared/corpora/batfish/', import.meta.url));
const SNAPSHOTS = [
  'test-vpc-endpoint-interface', 'test-vpc-endpoint-gateway', 'test-public-subnet', 'test-public-private-subnet',
  'test-nat-gateway', 'test-subnet',
] as const;
type Snapshot = (typeof SNAPSHOTS)[number];

const models = new Map<Snapshot, Model>();
function model(name: Snapshot): Model {
  let m = models.get(name);
  if (!m) {
    const loaded = loadSnapshot(`${CORPUS}${name}`, { displayPath: name });
    expect(loaded.problems).toEqual([]);
    models.set(name, (m = loaded.model));
  }
  return m;
}

interface Outcome {
  readonly result: string;
  readonly cause: string;
  readonly reached: boolean;
  readonly via: string[];
  readonly hops: Hop[];
  readonly path?: NetworkPath;
}

/** `TCP ip:port` through the whole pipeline, as `vpcpath trace SNAPSHOT --from <instance> 'TCP ip:port'` does. */
function tcp(m: Model, from: string, destination: string, port: number): Outcome {
  const request = parseRequestLine(`TCP ${destination}:${port}`);
  if ('error' in request) throw new Error(request.error);
  const trace = traceRequest(m, from, request);
  if ('error' in trace) throw new Error(trace.error);
  return { result: trace.answer.result, cause: trace.cause.code, reached: trace.reached, via: trace.via, hops: trace.hops };
}

/**
 * Batfish's getAnyFlow (no IP protocol). parseRequestLine has no protocol-less form, so the network stage is
 * called directly with the instance's primary ENI and PacketFlow protocol '-1' (only all-protocol rules match),
 * and its end is read as traceRequest reads it.
 */
function anyProtocol(m: Model, from: string, destination: string): Outcome {
  const index = new ModelIndex(m);
  const eniId = m.instances.find((i) => i.id === from)?.networkInterfaceIds[0];
  const eni = eniId ? index.networkInterfaces.get(eniId) : undefined;
  if (!eni) throw new Error(`no ENI for ${from}`);
  const path = tracePacket(index, eni, { protocol: '-1', destination });
  const end = path.end;
  const base = { via: path.via, hops: path.hops, path };
  if (end.kind === 'dropped') return { ...base, result: 'timeout', cause: droppedCause(end.cause, destination, path.hops).code, reached: false };
  if (end.kind === 'unknown') return { ...base, result: 'unknown', cause: 'missing-facts', reached: false };
  return { ...base, result: end.kind === 'delivered' ? 'delivered' : 'exits-network', cause: 'ok', reached: true };
}

interface FlowCase {
  readonly name: string;
  readonly snapshot: Snapshot;
  readonly from: string;
  readonly to: string;
  /** TCP destination port; absent: Batfish's protocol-less flow. */
  readonly port?: number;
  readonly batfish: string;
  readonly result: string;
  readonly cause: string;
  readonly via?: string[];
  readonly notVia?: string[];
  /** A hop that must be on the path: its action and verdict. */
  readonly hop?: { action: string; verdict: string; at?: string };
  readonly actions?: string[];
}

const delivered = { result: 'delivered', cause: 'ok' };
const exits = { result: 'exits-network', cause: 'ok' };
const timeout = (cause: string) => ({ result: 'timeout', cause });

const FLOWS: FlowCase[] = [
  // test-vpc-endpoint-interface (AwsConfigurationVpcEndpointInterfaceTest)
  { name: ':75-82 instance in the endpoint subnet -> endpoint ENI tcp/443 (hops: instance, endpoint: no ACL)', snapshot: 'test-vpc-endpoint-interface', from: 'i-0a0fbd0cfa774970f', to: '10.1.101.97', port: 443, batfish: 'ACCEPTED, reply ACCEPTED', ...delivered, via: [], actions: ['egress', 'route', 'ingress'] },
  { name: ':84-101 instance in the other subnet -> endpoint ENI tcp/443 (subnet, VPC, subnet; reply the reverse way)', snapshot: 'test-vpc-endpoint-interface', from: 'i-0eb6eb395a0d09117', to: '10.1.101.97', port: 443, batfish: 'ACCEPTED, reply ACCEPTED', ...delivered, actions: ['egress', 'nacl-out', 'route', 'nacl-in', 'ingress', 'return-nacl', 'return-nacl'] },
  // test-vpc-endpoint-gateway (AwsConfigurationVpcEndpointGatewayTest)
  { name: ':82-89 private instance -> S3 address tcp/443 through the gateway endpoint', snapshot: 'test-vpc-endpoint-gateway', from: 'i-01c6c0647fdccc89e', to: '52.216.237.77', port: 443, batfish: 'ends at the vpce, reply ACCEPTED', ...exits, notVia: ['internet-gateway'], hop: { action: 'gateway-endpoint', verdict: 'pass', at: 'vpce-0b7357542bb7b83ec' } },
  { name: ':91-98 public instance -> S3 address: the prefix-list route beats 0/0 to the IGW', snapshot: 'test-vpc-endpoint-gateway', from: 'i-0464d440ca0ee9e34', to: '52.216.237.77', port: 443, batfish: 'ends at the vpce, reply ACCEPTED', ...exits, notVia: ['internet-gateway'], hop: { action: 'gateway-endpoint', verdict: 'pass' } },
  { name: ':100-107 private instance -> another AWS service (not in the prefix list)', snapshot: 'test-vpc-endpoint-gateway', from: 'i-01c6c0647fdccc89e', to: '54.222.57.1', port: 443, batfish: 'NO_ROUTE at the subnet', ...timeout('no-route'), hop: { action: 'route', verdict: 'drop' } },
  { name: ':109-128 public instance -> another AWS service through the IGW', snapshot: 'test-vpc-endpoint-gateway', from: 'i-0464d440ca0ee9e34', to: '54.222.57.1', port: 443, batfish: 'EXITS_NETWORK (AWS services), reply ACCEPTED', ...exits, via: ['internet-gateway'] },
  // test-public-subnet (AwsConfigurationPublicSubnetTest)
  { name: ':131-150 instance -> 8.8.8.8 (any protocol), SNAT to its Elastic IP at the IGW', snapshot: 'test-public-subnet', from: 'i-06669a407b2ef3ae5', to: '8.8.8.8', batfish: 'EXITS_NETWORK', ...exits, via: ['internet-gateway'], hop: { action: 'internet-gateway', verdict: 'pass' } },
  // test-public-private-subnet (AwsConfigurationPublicPrivateSubnetTest)
  { name: ':82-98 private instance -> public instance\'s public IP: the vgw has no route for it', snapshot: 'test-public-private-subnet', from: 'i-099cf38911942421c', to: '13.58.55.60', batfish: 'NO_ROUTE at the vgw', ...timeout('no-route'), via: [], hop: { action: 'virtual-private-gateway', verdict: 'drop', at: 'vgw-070087240d6fa2989' } },
  { name: ':82-98 private instance -> public instance\'s private IP: its group allows tcp/22 only', snapshot: 'test-public-private-subnet', from: 'i-099cf38911942421c', to: '10.0.0.47', batfish: 'DENIED_IN at the public instance', ...timeout('security-group-denied'), hop: { action: 'ingress', verdict: 'drop' } },
  { name: ':100-107 public instance -> private instance: its group allows tcp/22 only', snapshot: 'test-public-private-subnet', from: 'i-094a9e5b545a4fde4', to: '10.0.1.204', batfish: 'DENIED_IN at the private instance', ...timeout('security-group-denied'), hop: { action: 'ingress', verdict: 'drop' } },
  { name: ':136-155 public instance -> 8.8.8.8 through the IGW', snapshot: 'test-public-private-subnet', from: 'i-094a9e5b545a4fde4', to: '8.8.8.8', batfish: 'EXITS_NETWORK', ...exits, via: ['internet-gateway'] },
  { name: ':136-155 private instance -> 8.8.8.8: the main route table sends it to the vgw, which has no route for it', snapshot: 'test-public-private-subnet', from: 'i-099cf38911942421c', to: '8.8.8.8', batfish: 'NO_ROUTE at the vgw', ...timeout('no-route'), notVia: ['internet-gateway', 'nat-gateway'], hop: { action: 'virtual-private-gateway', verdict: 'drop' } },
  { name: ':157-183 public instance -> the VPN site 19.168.0.0: out through the IGW to the internet', snapshot: 'test-public-private-subnet', from: 'i-094a9e5b545a4fde4', to: '19.168.0.0', batfish: 'EXITS_NETWORK via the internet', ...exits, via: ['internet-gateway'] },
  { name: ':157-183 private instance -> the VPN site 19.168.0.0: out through the vgw (static route 19.168.0.0/16)', snapshot: 'test-public-private-subnet', from: 'i-099cf38911942421c', to: '19.168.0.0', batfish: 'EXITS_NETWORK at the vgw (one trace per tunnel)', ...exits, notVia: ['internet-gateway'], hop: { action: 'virtual-private-gateway', verdict: 'pass' } },
  // test-nat-gateway (AwsConfigurationNatGatewayTest)
  { name: ':71-97 private instance -> 8.8.8.8 tcp/80 through the NAT gateway and the IGW, reply the reverse way', snapshot: 'test-nat-gateway', from: 'i-0a128d26e59be60f3', to: '8.8.8.8', port: 80, batfish: 'EXITS_NETWORK, reply ACCEPTED', ...exits, via: ['nat-gateway', 'internet-gateway'], actions: ['egress', 'nacl-out', 'route', 'nacl-in', 'nat-gateway', 'route', 'nacl-out', 'internet-gateway', 'return-nacl', 'return-nacl', 'return-nacl'] },
  { name: ':99-114 same source, IP protocol AN (not TCP/UDP/ICMP): the NAT gateway drops it', snapshot: 'test-nat-gateway', from: 'i-0a128d26e59be60f3', to: '8.8.8.8', batfish: 'DENIED_IN at the NAT', ...timeout('no-route'), via: [], hop: { action: 'nat-gateway', verdict: 'drop' } },
  { name: ':133-142 instance in the NAT subnet -> the NAT gateway\'s own address tcp/80', snapshot: 'test-nat-gateway', from: 'i-0b31b509174d7f5de', to: '10.1.250.210', port: 80, batfish: 'DENIED_IN at the NAT', ...timeout('no-route'), hop: { action: 'ingress', verdict: 'drop' } },
  // test-subnet (AwsConfigurationSubnetTest)
  { name: ':78-92 instance -> instance in the same subnet: no ACL, egress then ingress group (denied)', snapshot: 'test-subnet', from: 'i-08ef86e76fceabd8d', to: '10.10.1.44', batfish: 'DENIED_IN (instance2\'s group)', ...timeout('security-group-denied'), actions: ['egress', 'route', 'ingress'] },
  { name: ':94-105 instance -> 10.10.0.1 (in the VPC, in no subnet): the ACL on leaving, then dropped by the VPC', snapshot: 'test-subnet', from: 'i-08ef86e76fceabd8d', to: '10.10.0.1', batfish: 'NULL_ROUTED at the VPC', ...timeout('no-route'), actions: ['egress', 'nacl-out', 'route', 'deliver'] },
];

describe('Batfish AWS snapshots', () => {
  it.each(SNAPSHOTS)('%s loads with no problems', (name) => {
    const loaded = loadSnapshot(`${CORPUS}${name}`, { displayPath: name });
    expect(loaded.problems).toEqual([]);
    expect(loaded.model.instances.length).toBeGreaterThan(0);
    expect(loaded.model.missingCollections).toEqual([]);
    expect(loaded.model.stacks).toEqual([]);
  });

  it.each(FLOWS)('$snapshot $name ($batfish)', (c) => {
    const m = model(c.snapshot);
    const outcome = c.port !== undefined ? tcp(m, c.from, c.to, c.port) : anyProtocol(m, c.from, c.to);
    expect({ result: outcome.result, cause: outcome.cause }).toEqual({ result: c.result, cause: c.cause });
    expect(outcome.reached).toBe(c.result === 'delivered' || c.result === 'exits-network');
    if (c.via) expect(outcome.via).toEqual(c.via);
    for (const component of c.notVia ?? []) expect(outcome.via).not.toContain(component);
    if (c.actions) expect(outcome.hops.map((h) => h.action)).toEqual(c.actions);
    if (c.hop) {
      const hop = outcome.hops.find((h) => h.action === c.hop!.action && h.verdict === c.hop!.verdict);
      expect(hop, `a ${c.hop.verdict} hop at ${c.hop.action}`).toBeDefined();
      if (c.hop.at) expect(hop?.elementId).toBe(c.hop.at);
    }
  });

  // Batfish's protocol-less flows, as the TCP request a user would trace: the groups allow tcp/22 only, so tcp/80
  // ends the same way, through traceRequest.
  it.each(FLOWS.filter((c) => c.port === undefined && c.snapshot !== 'test-nat-gateway'))('$snapshot $name, as TCP :80 through traceRequest', (c) => {
    const outcome = tcp(model(c.snapshot), c.from, c.to, 80);
    expect({ result: outcome.result, cause: outcome.cause }).toEqual({ result: c.result, cause: c.cause });
  });

  it('test-public-subnet :131-150: the far side sees the Elastic IP (Batfish: SNAT 10.0.0.91 -> 18.216.80.133)', () => {
    const end = anyProtocol(model('test-public-subnet'), 'i-06669a407b2ef3ae5', '8.8.8.8').path?.end;
    expect(end).toMatchObject({ kind: 'exits-network', through: 'internet-gateway', gatewayId: 'igw-0a409e562d251f766', sourceIpSeen: '18.216.80.133' });
  });

  it('test-nat-gateway :71-97: the far side sees the NAT gateway\'s Elastic IP 3.135.127.225', () => {
    const m = model('test-nat-gateway');
    const index = new ModelIndex(m);
    const path = tracePacket(index, index.networkInterfaces.get('eni-0e4ce6a7777b9bff8')!, { protocol: 'tcp', port: 80, destination: '8.8.8.8' });
    expect(path.end).toMatchObject({ kind: 'exits-network', sourceIpSeen: '3.135.127.225', gatewayId: 'igw-071753b9c23d8a9b2' });
  });

  // Not an instance flow: Batfish starts it at the subnet with a source address no ENI holds (10.0.0.92), to get
  // past the instance's anti-spoofing check. An ENI with that address, in that subnet and the instance's group.
  it('test-public-subnet :152-162 a source with no public IP -> 8.8.8.8 tcp/80 is dropped at the IGW (no-public-ip)', () => {
    const m = model('test-public-subnet');
    const index = new ModelIndex(m);
    const instanceEni = index.networkInterfaces.get(m.instances[0]!.networkInterfaceIds[0]!)!;
    const { publicIp: _publicIp, publicIpOrigin: _origin, ...withoutPublicIp } = instanceEni;
    const path = tracePacket(index, { ...withoutPublicIp, id: 'eni-batfish-10.0.0.92', privateIps: ['10.0.0.92'] }, { protocol: 'tcp', port: 80, destination: '8.8.8.8' });
    expect(path.end).toEqual({ kind: 'dropped', cause: 'no-public-ip' });
    expect(path.hops.at(-1)).toMatchObject({ action: 'internet-gateway', verdict: 'drop', elementId: 'igw-0a409e562d251f766' });
  });
});
