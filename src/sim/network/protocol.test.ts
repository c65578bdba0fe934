// Protocol and port matching of security group and network ACL rules.
import { describe, expect, it } from 'vitest';
import { aclPortsMatch, describeRuleTraffic, protocolMatches, replyTraffic, securityGroupPortsMatch, type Traffic } from './protocol.js';

describe('protocol and port matching', () => {
  it.each([
    ['-1', { protocol: 'tcp', port: 443 }, true],
    ['tcp', { protocol: 'tcp', port: 443 }, true],
    ['6', { protocol: 'tcp', port: 443 }, true],
    ['17', { protocol: 'tcp', port: 443 }, false],
    ['icmp', { protocol: 'icmp' }, true],
    ['1', { protocol: 'icmp' }, true],
    ['tcp', { protocol: '-1' }, false],
    ['-1', { protocol: '-1' }, true],
    ['47', { protocol: '-1' }, false],
  ] as [string, Traffic, boolean][])('rule protocol %s vs %j: %s', (rule, traffic, expected) => {
    expect(protocolMatches(rule, traffic)).toBe(expected);
  });

  it.each([
    [443, 443, 443, true], [400, 500, 443, true], [80, 80, 443, false], [undefined, undefined, 443, true],
    [-1, -1, 443, true], [0, 65535, 443, true], [443, 443, undefined, false],
  ] as [number | undefined, number | undefined, number | undefined, boolean][])('security group ports %s-%s, port %s: %s', (from, to, port, expected) => {
    expect(securityGroupPortsMatch(from, to, { protocol: 'tcp', ...(port !== undefined ? { port } : {}) })).toBe(expected);
  });

  it('ACL port ranges bind tcp/udp only', () => {
    expect(aclPortsMatch({ from: 1024, to: 65535 }, { protocol: 'tcp', port: 49152 })).toBe(true);
    expect(aclPortsMatch({ from: 1024, to: 65535 }, { protocol: 'tcp', port: 443 })).toBe(false);
    expect(aclPortsMatch({ from: 1024, to: 65535 }, { protocol: 'icmp' })).toBe(true);
    expect(aclPortsMatch(undefined, { protocol: 'udp', port: 53 })).toBe(true);
  });

  it('the reply goes to the client\'s ephemeral port 49152', () => {
    expect(replyTraffic({ protocol: 'tcp', port: 443 })).toEqual({ protocol: 'tcp', port: 49152 });
    expect(replyTraffic({ protocol: 'icmp', port: 8 })).toEqual({ protocol: 'icmp', port: 0 });
  });

  it.each([
    ['-1', undefined, undefined, 'all traffic'], ['tcp', 443, 443, 'tcp/443'], ['tcp', 1024, 65535, 'tcp/1024-65535'],
    ['tcp', 0, 65535, 'all tcp'], ['6', 22, 22, 'tcp/22'], ['icmp', 8, 0, 'icmp type 8'], ['icmp', -1, -1, 'all icmp'], ['50', undefined, undefined, 'protocol 50'],
  ] as [string, number | undefined, number | undefined, string][])('describes %s %s-%s as %s', (p, f, t, text) => {
    expect(describeRuleTraffic(p, f, t)).toBe(text);
  });
});
