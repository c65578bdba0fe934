// The packet path's input and output: a flow from an ENI, the hops it passes, and how the path ends.
import type { Component, Hop, MissingFact } from '../trace.js';

/**
 * One packet as a client sends it. `port` is the destination port for tcp/udp, and the ICMP type for icmp
 * (echo request, 8, when absent). `'-1'` stands for an IP protocol other than TCP, UDP and ICMP, as Batfish's
 * protocol-less flows do: only rules for all protocols match it.
 */
export interface PacketFlow {
  protocol: 'tcp' | 'udp' | 'icmp' | '-1';
  port?: number;
  destination: string;
}

export type DropCause = 'no-route' | 'no-public-ip' | 'security-group-denied' | 'network-acl-denied' | 'blackhole';

export type ExitThrough =
  | 'internet-gateway' | 'virtual-private-gateway' | 'transit-gateway' | 'vpc-peering' | 'gateway-endpoint';

export type PathEnd =
  /** Arrived at an ENI in the model. */
  | { kind: 'delivered'; networkInterfaceId: string; vpcId: string; sourceIpSeen: string }
  /**
   * Left the modelled network toward the internet or another network. When the input cannot tell the address
   * the far side sees (a public IP assigned at launch), `sourceIpSeen` describes it and `sourceIpUnknown` says why.
   */
  | { kind: 'exits-network'; through: ExitThrough; sourceIpSeen: string; gatewayId: string; sourceIpUnknown?: MissingFact }
  | { kind: 'dropped'; cause: DropCause }
  /** The outcome depends on facts the model does not hold. */
  | { kind: 'unknown'; missing: MissingFact[] };

export interface NetworkPath {
  hops: Hop[];
  via: Component[];
  end: PathEnd;
}
