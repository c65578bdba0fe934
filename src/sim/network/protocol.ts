// Which IP protocol and port a packet uses, and whether a security group or network ACL rule covers them.

/** The part of a packet that rules match on, besides addresses. */
export interface Traffic {
  readonly protocol: 'tcp' | 'udp' | 'icmp' | '-1';
  /** Destination port (tcp/udp) or ICMP type (icmp). */
  readonly port?: number;
}

/** The client's source port, and so the reply's destination port: Batfish's test flows use 49152. */
export const EPHEMERAL_PORT = 49152;
/** `ping` sends ICMP echo requests; the reply is an echo reply. */
const ICMP_ECHO_REQUEST = 8;
const ICMP_ECHO_REPLY = 0;

const NUMBERS: Record<Traffic['protocol'], number | undefined> = { tcp: 6, udp: 17, icmp: 1, '-1': undefined };
const NAMES: Record<string, number> = { tcp: 6, udp: 17, icmp: 1, icmpv6: 58 };

/** A rule's protocol: `'all'` for `-1`, else the IP protocol number; undefined when unreadable. */
export function ruleProtocol(text: string): number | 'all' | undefined {
  const t = text.trim().toLowerCase();
  if (t === '-1' || t === 'all') return 'all';
  if (t in NAMES) return NAMES[t];
  return /^\d+$/.test(t) ? Number(t) : undefined;
}

/** Whether a rule for `protocol` applies to this traffic (`-1` traffic only meets all-protocol rules). */
export function protocolMatches(protocol: string, traffic: Traffic): boolean {
  const p = ruleProtocol(protocol);
  if (p === 'all') return true;
  return p !== undefined && p === NUMBERS[traffic.protocol];
}

function isAll(from: number | undefined, to: number | undefined): boolean {
  return from === undefined || from < 0 || (from <= 0 && (to === undefined || to >= 65535));
}

/**
 * Ports of a security group rule: a port range for tcp/udp, the ICMP type (fromPort) for icmp; -1 or absent
 * means all. https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html
 */
export function securityGroupPortsMatch(from: number | undefined, to: number | undefined, traffic: Traffic): boolean {
  if (traffic.protocol === 'icmp') {
    return from === undefined || from < 0 || from === (traffic.port ?? ICMP_ECHO_REQUEST);
  }
  if (traffic.protocol === '-1') return true;
  if (isAll(from, to)) return true;
  if (traffic.port === undefined) return false;
  return traffic.port >= (from ?? 0) && traffic.port <= (to ?? from ?? 65535);
}

/** Ports of a network ACL entry: only tcp/udp entries carry a range; absent means all. */
export function aclPortsMatch(range: { from: number; to: number } | undefined, traffic: Traffic): boolean {
  if (!range || (traffic.protocol !== 'tcp' && traffic.protocol !== 'udp')) return true;
  if (isAll(range.from, range.to)) return true;
  return traffic.port !== undefined && traffic.port >= range.from && traffic.port <= range.to;
}

/** The reply's traffic: tcp/udp answer from the service port to the client's ephemeral port. */
export function replyTraffic(traffic: Traffic): Traffic {
  switch (traffic.protocol) {
    case 'tcp':
    case 'udp':
      return { protocol: traffic.protocol, port: EPHEMERAL_PORT };
    case 'icmp':
      return { protocol: 'icmp', port: ICMP_ECHO_REPLY };
    default:
      return { protocol: '-1' };
  }
}

/** `tcp/443`, `icmp type 8`, `an IP protocol other than TCP, UDP and ICMP`. */
export function describeTraffic(traffic: Traffic): string {
  if (traffic.protocol === '-1') return 'an IP protocol other than TCP, UDP and ICMP';
  if (traffic.protocol === 'icmp') return `icmp type ${traffic.port ?? ICMP_ECHO_REQUEST}`;
  return traffic.port === undefined ? `${traffic.protocol} (any port)` : `${traffic.protocol}/${traffic.port}`;
}

const LABELS: Record<number, string> = { 6: 'tcp', 17: 'udp', 1: 'icmp', 58: 'icmpv6' };

/** A rule's traffic as the console shows it: `all traffic`, `tcp/443`, `tcp/1024-65535`, `all tcp`. */
export function describeRuleTraffic(protocol: string, from?: number, to?: number): string {
  const p = ruleProtocol(protocol);
  if (p === 'all') return 'all traffic';
  if (p === undefined) return `protocol ${protocol}`;
  const name = LABELS[p] ?? `protocol ${p}`;
  if (p === 1 || p === 58) return from === undefined || from < 0 ? `all ${name}` : `${name} type ${from}`;
  if (p !== 6 && p !== 17) return name;
  if (isAll(from, to)) return `all ${name}`;
  return from === to || to === undefined ? `${name}/${from}` : `${name}/${from}-${to}`;
}
