// A network ACL drops the request or its reply. ACLs are stateless: the request and the reply (to the client's
// ephemeral port) are each judged by the rules of their own direction, lowest number first, and the endpoint's
// subnet has its ACL as any subnet does (R22, inferred). Add an allow entry numbered below the rule that denies it,
// then simulate again: where the next crossing (the reply, the other subnet) would drop it, add that entry too.
// https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html, .../nacl-ephemeral-ports.html
import {
  displayName, isKnown, isUnknown, ModelIndex, type Model, type NetworkAcl, type NetworkAclEntry,
} from '../../model/index.js';
import { cidrContains, parseAddress, parseCidr, type IpAddress } from '../../sim/ip/index.js';
import { checkNetworkAcl } from '../../sim/network/network-acl.js';
import { aclPortsMatch, describeTraffic, protocolMatches, replyTraffic, type Traffic } from '../../sim/network/protocol.js';
import { defaultPort } from '../../sim/request.js';
import { traceRequest } from '../../sim/trace-request.js';
import type { Trace } from '../../sim/trace.js';
import { client, clientCidr, fromTemplate } from '../model-edit.js';
import type { Candidate, FixContext, Remedy } from '../types.js';
import {
  buildPatch, destinationAddresses, destinationOf, freeLogicalId, remoteCidr, type PatchPart,
} from './network-patch.js';

/** One entry to add, and what it is for. */
interface EntryAdd {
  readonly aclId: string;
  readonly entry: NetworkAclEntry;
  readonly reply: boolean;
  /** The rule it goes before: the number of the rule that denies the packet, or 32767 for the final `*`. */
  readonly before: number;
}

/** The packet's ephemeral reply ports as AWS recommends opening them (Linux, NAT gateways and Lambda all fall in it). */
const EPHEMERAL = { from: 1024, to: 65535 } as const;
/** Passes through ACLs on one path: request and reply in and out of up to three subnets (client, NAT, target). */
const MAX_ROUNDS = 8;

function withEntries(model: Model, adds: readonly EntryAdd[]): Model {
  return {
    ...model,
    networkAcls: model.networkAcls.map((acl) => {
      const mine = adds.filter((a) => a.aclId === acl.id).map((a) => a.entry);
      return mine.length ? { ...acl, entries: [...acl.entries, ...mine] } : acl;
    }),
  };
}

/** Whether an entry would match this packet (an entry whose CIDR is not known counts: the new one must come first). */
function matches(entry: NetworkAclEntry, traffic: Traffic, remote: IpAddress): boolean {
  if (!protocolMatches(entry.protocol, traffic) || !aclPortsMatch(entry.portRange, traffic)) return false;
  const text = entry.cidrBlock;
  if (text === undefined) return false;
  if (isUnknown(text)) return true;
  const cidr = parseCidr(text);
  return !cidr.ok || (cidr.value.family === remote.family && cidrContains(cidr.value, remote));
}

/**
 * The rule number for the new entry: below the first rule that matches the packet (it denied it) and unused in that
 * direction; before the final `*` rule, after the last existing rule. Round numbers first, as people number rules.
 */
function ruleNumber(acl: NetworkAcl, egress: boolean, before: number): number | undefined {
  const used = new Set(acl.entries.filter((e) => e.egress === egress).map((e) => e.ruleNumber));
  if (before >= 32767) {
    const last = Math.max(0, ...[...used].filter((n) => n < 32767));
    for (let n = last === 0 ? 100 : (Math.floor(last / 10) + 1) * 10; n < 32767; n += 10) if (!used.has(n)) return n;
  }
  const limit = Math.min(before, 32767);
  for (let n = limit - 1; n >= 1; n--) if (n % 10 === 0 && !used.has(n)) return n;
  for (let n = limit - 1; n >= 1; n--) if (!used.has(n)) return n;
  return undefined;
}

interface Crossing {
  readonly acl: NetworkAcl;
  readonly egress: boolean;
  readonly reply: boolean;
  readonly traffic: Traffic;
  /** The packet's other address: the source of an inbound packet, the destination of an outbound one. */
  readonly remote: string;
}

/**
 * The ACL crossing the trace's last drop stands for. Every ACL check on a path has the client or the destination as
 * its other end: a request going out and a reply coming in meet the destination; a request coming in and a reply
 * going out meet the client (network/deliver.ts, nat-gateway.ts, follow-route.ts).
 */
function crossing(model: Model, trace: Trace, request: Traffic, source: string, destination: string): Crossing | undefined {
  const hop = [...trace.hops].reverse().find((h) => h.verdict === 'drop');
  if (!hop || !['nacl-out', 'nacl-in', 'return-nacl'].includes(hop.action)) return undefined;
  const acl = model.networkAcls.find((a) => a.id === hop.elementId);
  if (!acl) return undefined;
  const reply = hop.action === 'return-nacl';
  const traffic = reply ? replyTraffic(request) : request;
  const egress = reply ? !hop.detail.startsWith(`reply ${describeTraffic(traffic)} from `) : hop.action === 'nacl-out';
  const remote = egress === reply ? source : destination;
  return { acl, egress, reply, traffic, remote };
}

/** A subnet the ACL applies to, for the simulator's own check of the crossing. */
function subnetOf(index: ModelIndex, acl: NetworkAcl) {
  return index.model.subnets.find((s) => index.networkAclOf(s)?.id === acl.id);
}

function describeEntry(add: EntryAdd): string {
  const e = add.entry;
  const proto = e.protocol === '6' ? 'tcp' : 'udp';
  const ports = e.portRange!.from === e.portRange!.to ? `${e.portRange!.from}` : `${e.portRange!.from}-${e.portRange!.to}`;
  const what = add.reply ? 'the reply, to the client\'s ephemeral port' : 'the request';
  const first = add.before >= 32767 ? 'before the final * rule, which denies what no rule allows' : `before rule ${add.before}, which denies it`;
  return `${e.egress ? 'outbound' : 'inbound'} rule ${e.ruleNumber} allow ${proto} ${ports} ${e.egress ? 'to' : 'from'} ${e.cidrBlock} (${what}; ${first})`;
}

function aclLabel(model: Model, acl: NetworkAcl): string {
  if (!acl.isDefault) return displayName(acl);
  const vpc = model.vpcs.find((v) => v.id === acl.vpcId);
  return `the default network ACL of ${vpc ? displayName(vpc) : acl.vpcId}`;
}

/** For the fix id: `AppAcl`, `Vpc-default-acl`. */
function aclKey(model: Model, acl: NetworkAcl): string {
  const vpc = model.vpcs.find((v) => v.id === acl.vpcId);
  return acl.isDefault ? `${vpc ? displayName(vpc) : acl.vpcId}-default-acl` : displayName(acl).replace(/\s+/g, '-');
}

/** The template's reference to the ACL: `!Ref AppAcl`, or the VPC's default ACL by `!GetAtt Vpc.DefaultNetworkAcl`. */
function aclRef(acl: NetworkAcl): { ref: string; base: string } | undefined {
  const logicalId = acl.origin?.logicalId;
  if (!logicalId) return undefined;
  return acl.isDefault ? { ref: `!GetAtt ${logicalId}.DefaultNetworkAcl`, base: `${logicalId}DefaultAcl` } : { ref: `!Ref ${logicalId}`, base: logicalId };
}

function patchParts(ctx: FixContext, adds: readonly EntryAdd[]): PatchPart[] {
  const taken = new Set<string>();
  return adds.map((add): PatchPart => {
    const acl = ctx.model.networkAcls.find((a) => a.id === add.aclId)!;
    const e = add.entry;
    const range = e.portRange!;
    const ref = aclRef(acl);
    if (fromTemplate(acl) && ref) {
      const file = acl.origin!.file;
      const purpose = add.reply ? 'Replies' : range.from === 443 ? 'Https' : `Port${range.from}`;
      const id = freeLogicalId(ctx.model, file, `${ref.base}Allow${purpose}${e.egress ? 'Out' : 'In'}`, taken);
      return {
        kind: 'resources', file, resources: {
          [id]: ['Type: AWS::EC2::NetworkAclEntry', 'Properties:', `  NetworkAclId: ${ref.ref}`, `  RuleNumber: ${e.ruleNumber}`,
            `  Protocol: ${e.protocol}`, '  RuleAction: allow', `  Egress: ${e.egress}`, `  CidrBlock: ${e.cidrBlock}`, '  PortRange:',
            `    From: ${range.from}`, `    To: ${range.to}`],
        },
      };
    }
    return {
      kind: 'command', command: `aws ec2 create-network-acl-entry --network-acl-id ${acl.id} --${e.egress ? 'egress' : 'ingress'} ` +
        `--rule-number ${e.ruleNumber} --protocol ${e.protocol === '6' ? 'tcp' : 'udp'} --port-range From=${range.from},To=${range.to} ` +
        `--cidr-block ${e.cidrBlock} --rule-action allow`,
    };
  });
}

export const networkAclEntry: Remedy = {
  id: 'network-acl-entry',
  title: 'Allow the request and its reply in the network ACL that drops it',
  rule: 'R22',
  causes: ['network-acl-denied'],
  propose(ctx: FixContext): Candidate[] {
    const c = client(ctx);
    const destination = destinationOf(ctx);
    const source = c?.workload.networkInterface.privateIps[0];
    const sourceCidr = c ? clientCidr(c) : undefined;
    if (!c || !destination || !isKnown(source) || !sourceCidr) return [];
    const request: Traffic = ctx.request.kind === 'tcp' ? { protocol: ctx.request.protocol, port: ctx.request.port }
      : { protocol: 'tcp', port: defaultPort(ctx.request.url) };
    const addresses = destinationAddresses(ctx, destination);

    // Add an entry for the crossing that drops the packet, simulate again, and go on while an ACL drops it: the
    // reply, and the endpoint's subnet, whose ACL applies as any subnet's does (R22).
    const adds: EntryAdd[] = [];
    const seen = new Set<string>();
    let model = ctx.model;
    let trace: Trace = ctx.trace;
    for (let round = 0; round < MAX_ROUNDS && trace.cause.code === 'network-acl-denied'; round++) {
      const x = crossing(model, trace, request, source, destination);
      const remote = x ? parseAddress(x.remote) : undefined;
      if (!x || !remote?.ok || remote.value.family !== 4) return [];
      const key = `${x.acl.id}|${x.egress}|${x.reply}|${x.remote}`;
      if (seen.has(key)) return [];
      seen.add(key);
      // The simulator's own ACL check must agree that this crossing is what drops it.
      const index = new ModelIndex(model);
      const subnet = subnetOf(index, x.acl);
      const check = subnet && checkNetworkAcl(index, {
        subnet, direction: x.egress ? 'out' : 'in', traffic: x.traffic, remote: { ip: remote.value, text: x.remote },
        action: 'fix', reply: x.reply,
      });
      if (check?.verdict !== 'drop') return [];
      const sorted = x.acl.entries.filter((e) => e.egress === x.egress).sort((a, b) => a.ruleNumber - b.ruleNumber);
      const before = sorted.find((e) => matches(e, x.traffic, remote.value))?.ruleNumber ?? 32767;
      const number = ruleNumber(x.acl, x.egress, before);
      if (number === undefined || (x.traffic.protocol !== 'tcp' && x.traffic.protocol !== 'udp')) return [];
      const cidr = x.remote === source ? sourceCidr : remoteCidr(model, x.remote, addresses);
      const ports = x.reply ? EPHEMERAL : { from: x.traffic.port!, to: x.traffic.port! };
      const add: EntryAdd = {
        aclId: x.acl.id, reply: x.reply, before,
        entry: { ruleNumber: number, egress: x.egress, protocol: x.traffic.protocol === 'tcp' ? '6' : '17', action: 'allow', cidrBlock: cidr, portRange: ports },
      };
      adds.push(add);
      model = withEntries(model, [add]);
      const next = traceRequest(model, ctx.from, ctx.request, { index: new ModelIndex(model) });
      if ('error' in next) return [];
      trace = next;
    }
    if (!adds.length) return [];

    const acls = [...new Set(adds.map((a) => a.aclId))].map((id) => ctx.model.networkAcls.find((a) => a.id === id)!);
    const byAcl = acls.map((acl) => `${aclLabel(ctx.model, acl)}: ${adds.filter((a) => a.aclId === acl.id).map(describeEntry).join('; ')}`);
    const replies = adds.some((a) => a.reply);
    const requests = adds.some((a) => !a.reply);
    const what = requests && replies ? `${describeTraffic(request)} and its reply` : replies ? `the reply to ${describeTraffic(request)}` : describeTraffic(request);
    return [{
      id: `network-acl-entry:${acls.map((a) => aclKey(ctx.model, a)).join('+')}`,
      title: `Allow ${what} in ${acls.map((a) => aclLabel(ctx.model, a)).join(' and ')}`,
      description: `Add to ${byAcl.join('. Add to ')}. Network ACLs are stateless: the request and its reply are each checked ` +
        'against the rules of their own direction, lowest number first, and the first match decides. They apply at the ' +
        'subnet boundary to every network interface in the subnet, an endpoint\'s included (R22).',
      apply: (m: Model) => withEntries(m, adds),
      patch: buildPatch(ctx.texts, patchParts(ctx, adds)),
      assumes: [
        'an ACL entry opens its port range for any traffic from (or to) its CIDR, not only this connection: ACLs have no groups',
        ...(replies ? ['the client\'s ephemeral ports lie within 1024-65535 (Linux uses 32768-60999; NAT gateways and Lambda 1024-65535)'] : []),
      ],
    }];
  },
};
