// Batfish's AWS flow tests (shared/corpora/batfish/README.md), replayed on hand-built copies of their snapshots.
import { describe, expect, it } from 'vitest';
import type { Model } from '../../model/index.js';
import {
  gatewayEndpointSnapshot, interfaceEndpointSnapshot, natGatewaySnapshot, publicSubnetSnapshot, subnetSnapshot,
} from './batfish-fixtures.js';
import { trace } from './test-fixtures.js';
import type { PacketFlow } from './types.js';

interface FlowCase {
  readonly name: string;
  readonly snapshot: () => Model;
  readonly from: string;
  readonly flow: PacketFlow;
  /** Batfish's disposition, for the reader. */
  readonly batfish: string;
  readonly end: Record<string, unknown>;
  readonly via?: string[];
  readonly actions?: string[];
}

const tcp = (destination: string, port: number): PacketFlow => ({ protocol: 'tcp', port, destination });

const cases: FlowCase[] = [
  {
    name: 'test-nat-gateway :71-97 private instance -> 8.8.8.8 tcp/80 through the NAT gateway and back',
    snapshot: natGatewaySnapshot, from: 'eni-0e4ce6a7777b9bff8', flow: tcp('8.8.8.8', 80), batfish: 'EXITS_NETWORK, reply ACCEPTED',
    end: { kind: 'exits-network', through: 'internet-gateway', gatewayId: 'igw-071753b9c23d8a9b2', sourceIpSeen: '3.135.127.225' },
    via: ['nat-gateway', 'internet-gateway'],
    actions: ['egress', 'nacl-out', 'route', 'nacl-in', 'nat-gateway', 'route', 'nacl-out', 'internet-gateway', 'return-nacl', 'return-nacl', 'return-nacl'],
  },
  {
    name: 'test-nat-gateway :99-114 a protocol other than TCP/UDP/ICMP is dropped at the NAT gateway',
    snapshot: natGatewaySnapshot, from: 'eni-0e4ce6a7777b9bff8', flow: { protocol: '-1', destination: '8.8.8.8' }, batfish: 'DENIED_IN at the NAT',
    end: { kind: 'dropped', cause: 'no-route' }, via: [],
  },
  {
    name: 'test-nat-gateway :133-142 instance in the NAT subnet -> the NAT private IP tcp/80',
    snapshot: natGatewaySnapshot, from: 'eni-068fb5a0a9a57f23c', flow: tcp('10.1.250.210', 80), batfish: 'DENIED_IN at the NAT',
    end: { kind: 'dropped', cause: 'no-route' },
  },
  {
    name: 'test-nat-gateway: the subnet on the main route table (local only) has no way out',
    snapshot: natGatewaySnapshot, from: 'eni-0cbd69297d26de519', flow: tcp('8.8.8.8', 80), batfish: 'NO_ROUTE (not asserted upstream)',
    end: { kind: 'dropped', cause: 'no-route' },
  },
  {
    name: 'test-public-subnet :131-150 instance -> 8.8.8.8 leaves through the IGW as its EIP',
    snapshot: publicSubnetSnapshot, from: 'eni-i-06669a407b2ef3ae5', flow: tcp('8.8.8.8', 80), batfish: 'EXITS_NETWORK, SNAT to 18.216.80.133',
    end: { kind: 'exits-network', through: 'internet-gateway', gatewayId: 'igw-0a409e562d251f766', sourceIpSeen: '18.216.80.133' },
    via: ['internet-gateway'],
  },
  {
    name: 'test-public-subnet :152-162 source 10.0.0.92 without a public IP -> 8.8.8.8',
    snapshot: publicSubnetSnapshot, from: 'eni-no-public-ip', flow: tcp('8.8.8.8', 80), batfish: 'DENIED_IN at the igw',
    end: { kind: 'dropped', cause: 'no-public-ip' }, via: [],
  },
  {
    name: 'test-subnet :78-92 instance -> instance in the same subnet: no ACL, denied by the target group',
    snapshot: subnetSnapshot, from: 'eni-i-08ef86e76fceabd8d', flow: tcp('10.10.1.44', 80), batfish: 'DENIED_IN (SG)',
    end: { kind: 'dropped', cause: 'security-group-denied' }, actions: ['egress', 'route', 'ingress'],
  },
  {
    name: 'test-subnet: the same pair on tcp/22 (allowed by launch-wizard-2)',
    snapshot: subnetSnapshot, from: 'eni-i-08ef86e76fceabd8d', flow: tcp('10.10.1.44', 22), batfish: 'ACCEPTED (implied)',
    end: { kind: 'delivered', networkInterfaceId: 'eni-i-07519d6ba3f9497e4', vpcId: 'vpc-062867d29dbf9386f', sourceIpSeen: '10.10.1.228' },
  },
  {
    name: 'test-subnet :94-105 -> 10.10.0.1 (in the VPC, in no subnet): the ACL applies on leaving, then null-routed',
    snapshot: subnetSnapshot, from: 'eni-i-08ef86e76fceabd8d', flow: tcp('10.10.0.1', 80), batfish: 'NULL_ROUTED at the VPC',
    end: { kind: 'dropped', cause: 'no-route' }, actions: ['egress', 'nacl-out', 'route', 'deliver'],
  },
  {
    name: 'test-vpc-endpoint-gateway :82-89 private instance -> S3 address through the gateway endpoint',
    snapshot: gatewayEndpointSnapshot, from: 'eni-i-01c6c0647fdccc89e', flow: tcp('52.216.237.77', 443), batfish: 'reaches vpce, round trip OK',
    end: { kind: 'exits-network', through: 'gateway-endpoint', gatewayId: 'vpce-0b7357542bb7b83ec', sourceIpSeen: '10.1.101.36' },
  },
  {
    name: 'test-vpc-endpoint-gateway :91-98 public instance -> S3: the prefix-list route beats 0/0 to the IGW',
    snapshot: gatewayEndpointSnapshot, from: 'eni-i-0464d440ca0ee9e34', flow: tcp('52.216.237.77', 443), batfish: 'reaches vpce, round trip OK',
    end: { kind: 'exits-network', through: 'gateway-endpoint', gatewayId: 'vpce-0b7357542bb7b83ec', sourceIpSeen: '10.1.1.169' }, via: [],
  },
  {
    name: 'test-vpc-endpoint-gateway :100-107 private instance -> 54.222.57.1 (not S3)',
    snapshot: gatewayEndpointSnapshot, from: 'eni-i-01c6c0647fdccc89e', flow: tcp('54.222.57.1', 443), batfish: 'NO_ROUTE',
    end: { kind: 'dropped', cause: 'no-route' },
  },
  {
    name: 'test-vpc-endpoint-gateway :109-128 public instance -> 54.222.57.1 through the IGW',
    snapshot: gatewayEndpointSnapshot, from: 'eni-i-0464d440ca0ee9e34', flow: tcp('54.222.57.1', 443), batfish: 'EXITS_NETWORK, round trip OK',
    end: { kind: 'exits-network', through: 'internet-gateway', gatewayId: 'igw-0c8afe4471084ccba', sourceIpSeen: '18.206.223.222' },
  },
  {
    name: 'test-vpc-endpoint-interface :75-82 instance in the endpoint subnet -> 10.1.101.97:443',
    snapshot: interfaceEndpointSnapshot, from: 'eni-049c6a0839a3348e8', flow: tcp('10.1.101.97', 443), batfish: 'ACCEPTED',
    end: { kind: 'delivered', networkInterfaceId: 'eni-0084b734451ba23ca', vpcId: 'vpc-072d45b801aeffef2', sourceIpSeen: '10.1.101.63' },
    actions: ['egress', 'route', 'ingress'],
  },
  {
    name: 'test-vpc-endpoint-interface :84-101 instance in the other subnet -> 10.1.101.97:443, reply the reverse way',
    snapshot: interfaceEndpointSnapshot, from: 'eni-03ffdf7beb0ee9a00', flow: tcp('10.1.101.97', 443), batfish: 'ACCEPTED',
    end: { kind: 'delivered', networkInterfaceId: 'eni-0084b734451ba23ca', vpcId: 'vpc-072d45b801aeffef2', sourceIpSeen: '10.1.1.88' },
    actions: ['egress', 'nacl-out', 'route', 'nacl-in', 'ingress', 'return-nacl', 'return-nacl'],
  },
];

describe('Batfish AWS flows', () => {
  it.each(cases)('$name ($batfish)', (c) => {
    const path = trace(c.snapshot(), c.from, c.flow);
    expect(path.end).toEqual(c.end);
    if (c.via) expect(path.via).toEqual(c.via);
    if (c.actions) expect(path.hops.map((h) => h.action)).toEqual(c.actions);
  });
});
