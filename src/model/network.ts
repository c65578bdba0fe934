// The VPC network in AWS's own vocabulary: VPCs, subnets, routes, gateways, security groups, ACLs, ENIs.
import type { Origin } from './origin.js';
import type { Maybe } from './unknown.js';
import type { PolicyDocument } from './policy.js';

/** Every model element has its AWS id, the logical id it had in a template (if any) and its origin. */
export interface Element {
  /** The physical id (`vpc-0a1b...`). Made up, in AWS's own form, where the input does not fix it. */
  readonly id: string;
  /** Logical id in the template (or the Name tag in a snapshot), for a person to recognise it. */
  readonly name?: string;
  readonly origin?: Origin;
}

export interface Vpc extends Element {
  readonly region: string;
  readonly account: string;
  /** IPv4 CIDR blocks, primary first (AWS::EC2::VPC CidrBlock, then AWS::EC2::VPCCidrBlock). */
  readonly cidrBlocks: Maybe<string>[];
  readonly ipv6CidrBlocks: string[];
  /** R2: default true. */
  readonly enableDnsSupport: Maybe<boolean>;
  /** R2: default false (true only for a default VPC). */
  readonly enableDnsHostnames: Maybe<boolean>;
  /** Where the DNS attributes are set (or where to add them), for explanations. */
  readonly dnsSupportOrigin?: Origin;
  readonly dnsHostnamesOrigin?: Origin;
  readonly dhcpOptionsId?: string;
  readonly isDefault?: boolean;
}

export interface Subnet extends Element {
  readonly vpcId: string;
  readonly cidrBlock: Maybe<string>;
  readonly ipv6CidrBlock?: string;
  readonly availabilityZone?: Maybe<string>;
  /** Instances launched here get a public IPv4 address unless they say otherwise. */
  readonly mapPublicIpOnLaunch: boolean;
}

/** The subnet's route table is the explicitly associated one, else the VPC's main route table. */
export interface RouteTable extends Element {
  readonly vpcId: string;
  readonly main: boolean;
  readonly subnetIds: string[];
  /** The `local` route(s) for the VPC CIDRs are implicit: the simulation adds them. */
  readonly routes: Route[];
  /** Gateway edge associations (an internet gateway or virtual private gateway id), for ingress routing. */
  readonly gatewayIds?: string[];
}

export type RouteTarget =
  | { readonly kind: 'local' }
  | { readonly kind: 'internet-gateway'; readonly id: string }
  | { readonly kind: 'egress-only-internet-gateway'; readonly id: string }
  | { readonly kind: 'nat-gateway'; readonly id: string }
  | { readonly kind: 'vpc-peering'; readonly id: string }
  | { readonly kind: 'gateway-endpoint'; readonly id: string }
  | { readonly kind: 'transit-gateway'; readonly id: string }
  | { readonly kind: 'virtual-private-gateway'; readonly id: string }
  | { readonly kind: 'network-interface'; readonly id: string }
  | { readonly kind: 'instance'; readonly id: string }
  | { readonly kind: 'blackhole' }
  | { readonly kind: 'unknown'; readonly reason: string };

export interface Route {
  /** IPv4 or IPv6 CIDR; absent when the route is to a prefix list. */
  readonly destinationCidr?: Maybe<string>;
  readonly destinationPrefixListId?: string;
  readonly target: RouteTarget;
  readonly origin?: Origin;
}

export interface InternetGateway extends Element {
  /** The attached VPC (AWS::EC2::VPCGatewayAttachment), if any. */
  readonly vpcId?: string;
}

export interface NatGateway extends Element {
  readonly subnetId: string;
  readonly vpcId: string;
  readonly connectivityType: 'public' | 'private';
  readonly privateIp: Maybe<string>;
  readonly publicIp?: Maybe<string>;
}

export interface SecurityGroup extends Element {
  readonly vpcId: string;
  readonly groupName?: string;
  readonly ingress: SecurityGroupRule[];
  /** A group created without egress rules has the default "allow all outbound" rule: the source adds it. */
  readonly egress: SecurityGroupRule[];
}

export interface SecurityGroupRule {
  /** `-1` (all), `tcp`, `udp`, `icmp`, `icmpv6`, or an IP protocol number as a string. */
  readonly protocol: string;
  readonly fromPort?: number;
  readonly toPort?: number;
  /** Exactly one peer: a CIDR, another group, or a prefix list. */
  readonly cidrIpv4?: Maybe<string>;
  readonly cidrIpv6?: string;
  readonly peerGroupId?: Maybe<string>;
  readonly prefixListId?: string;
  readonly description?: string;
  /** True for the implicit allow-all egress rule of a group that declares none. */
  readonly implicit?: boolean;
  readonly origin?: Origin;
}

export interface NetworkAcl extends Element {
  readonly vpcId: string;
  readonly isDefault: boolean;
  /** Subnets explicitly associated; the default ACL also covers every subnet with no association. */
  readonly subnetIds: string[];
  /** Without the implicit final `*` deny: the simulation applies it. */
  readonly entries: NetworkAclEntry[];
}

export interface NetworkAclEntry {
  readonly ruleNumber: number;
  readonly egress: boolean;
  /** `-1`, or an IP protocol number as a string (`6` tcp, `17` udp, `1` icmp). */
  readonly protocol: string;
  readonly action: 'allow' | 'deny';
  readonly cidrBlock?: Maybe<string>;
  readonly ipv6CidrBlock?: string;
  readonly portRange?: { readonly from: number; readonly to: number };
  readonly origin?: Origin;
}

export type NetworkInterfaceOwner =
  | { readonly kind: 'instance'; readonly id: string }
  | { readonly kind: 'vpc-endpoint'; readonly id: string }
  | { readonly kind: 'nat-gateway'; readonly id: string }
  | { readonly kind: 'lambda'; readonly id: string }
  | { readonly kind: 'resolver-endpoint'; readonly id: string }
  | { readonly kind: 'other'; readonly description: string };

export interface NetworkInterface extends Element {
  readonly subnetId: string;
  readonly vpcId: string;
  /** Primary first. Made up from the subnet's range where the input does not fix it. */
  readonly privateIps: Maybe<string>[];
  /** A public IPv4 (auto-assigned or Elastic IP); absent: none. Lambda ENIs never have one (R32). */
  readonly publicIp?: Maybe<string>;
  readonly securityGroupIds: string[];
  readonly owner: NetworkInterfaceOwner;
  /** Where the public IP is decided (AssociatePublicIpAddress / MapPublicIpOnLaunch), for explanations. */
  readonly publicIpOrigin?: Origin;
}

export interface Instance extends Element {
  readonly networkInterfaceIds: string[];
}

/** A Lambda function with VpcConfig: one Hyperplane ENI per subnet, never a public IP (R32). */
export interface LambdaFunction extends Element {
  readonly functionName: string;
  readonly networkInterfaceIds: string[];
}

export type VpcEndpointType = 'Interface' | 'Gateway' | 'GatewayLoadBalancer';

export interface VpcEndpoint extends Element {
  readonly vpcId: string;
  readonly region: string;
  /** `com.amazonaws.<region>.execute-api` and the like. */
  readonly serviceName: Maybe<string>;
  readonly type: VpcEndpointType;
  /** Interface endpoints: R3. CloudFormation's default is false; the EC2 API's default for AWS services is true. */
  readonly privateDnsEnabled: boolean;
  readonly privateDnsOrigin?: Origin;
  readonly subnetIds: string[];
  readonly securityGroupIds: string[];
  readonly networkInterfaceIds: string[];
  /** Gateway endpoints: the route tables that carry the prefix-list route (R33). */
  readonly routeTableIds: string[];
  /** Absent: the default policy, full access (R21). */
  readonly policy?: Maybe<PolicyDocument>;
  readonly policyOrigin?: Origin;
  /** The endpoint's own DNS names (R11); when absent the simulation derives `vpce-<id>-<suffix>...` names. */
  readonly dnsNames?: string[];
}

export interface VpcPeeringConnection extends Element {
  readonly requesterVpcId: string;
  readonly accepterVpcId: Maybe<string>;
  /** `active` unless the input says otherwise. */
  readonly status: string;
}

export interface TransitGateway extends Element {
  readonly attachments: { readonly vpcId: string; readonly subnetIds: string[] }[];
}

/**
 * A virtual private gateway with the Site-to-Site VPN connections on it (snapshots: DescribeVpnGateways and
 * DescribeVpnConnections). What lies beyond it is outside the model, but its connections say which destinations
 * it has a route for. https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNRoutingTypes.html
 */
export interface VpnGateway extends Element {
  /** The attached VPCs. */
  readonly vpcIds: string[];
  readonly vpnConnections: VpnConnection[];
}

export interface VpnConnection extends Element {
  /** True: the gateway's routes over this connection are the static ones listed; false: BGP learns them. */
  readonly staticRoutesOnly: boolean;
  /** Static routes toward the customer network (IPv4 or IPv6 CIDRs). */
  readonly routes: string[];
}

export interface PrefixList extends Element {
  readonly name?: string;
  readonly cidrs: string[];
}

export interface DhcpOptions extends Element {
  /** `AmazonProvidedDNS` or IP addresses of custom DNS servers (R7). */
  readonly domainNameServers: string[];
  readonly vpcIds: string[];
}
