// The pipeline: resolve the name, carry the packet, and let the front door and API Gateway answer.
import { isKnown, ModelIndex, type Model } from '../model/index.js';
import { AddressBook } from './address-book.js';
import { answerRequest, type Arrival } from './api-gateway/index.js';
import { dnsFailureCause, droppedCause, missingFactsCause } from './causes/network-causes.js';
import { resolveName } from './dns/index.js';
import { tracePacket, type NetworkPath } from './network/index.js';
import { frontDoorReads, missingReads, STAGE_READS } from './missing-collections.js';
import { defaultPort, type RequestSpec } from './request.js';
import type { Answer, Cause, Component, DnsResolution, Hop, MissingFact, Trace, TraceRequest, TraceSource } from './trace.js';
import { findWorkload, primaryIp, type Workload } from './workload.js';

export interface TraceOptions {
  /** Reuse an index across many traces of one model. */
  readonly index?: ModelIndex;
}

/** Traces one request from a workload. Throws only on a bug; a `from` that names nothing is returned as an error. */
export function traceRequest(model: Model, from: string, request: RequestSpec, options: TraceOptions = {}): Trace | { error: string } {
  const index = options.index ?? new ModelIndex(model);
  const workload = findWorkload(index, from);
  if ('error' in workload) return workload;
  const book = new AddressBook();
  const source = traceSource(index, workload);
  const traceReq = describeRequest(request);
  const parts: { dns?: DnsResolution; hops: Hop[]; via: Component[]; missing: MissingFact[]; rules: string[]; caveats: string[] } = {
    hops: [], via: [], missing: [], rules: [], caveats: [],
  };
  if (workload.otherInterfaces.length) {
    parts.caveats.push(`${workload.name} has network interfaces in ${workload.otherInterfaces.length + 1} subnets; this trace starts from the first (${workload.networkInterface.subnetId}).`);
  }
  const vpc = index.vpcs.get(workload.networkInterface.vpcId);
  const finish = (answer: Answer, cause: Cause, reached: boolean): Trace => ({
    request: traceReq, source, ...(parts.dns ? { dns: parts.dns } : {}),
    hops: parts.hops, answer, cause, via: parts.via, reached, missing: parts.missing,
    rules: [...new Set([...parts.rules, ...cause.rules])], caveats: [...new Set(parts.caveats)],
  });
  const unknownAnswer = (missing: MissingFact[]): Trace => {
    parts.missing.push(...missing);
    return finish({ result: 'unknown', answeredBy: 'nobody can say yet', confidence: 'documented' }, missingFactsCause(missing), false);
  };
  if (!vpc) {
    const unresolved = index.unresolvedReason(workload.networkInterface.vpcId);
    return unknownAnswer([{ fact: `the VPC of ${workload.name}`, reason: unresolved?.reason ?? `VPC ${workload.networkInterface.vpcId} is not in the model`, ...(unresolved?.origin ? { origin: unresolved.origin } : {}) }]);
  }

  const where = { account: vpc.account, region: vpc.region };
  const unreadable = (reads: readonly (keyof Model)[]) => missingReads(model, reads, where);

  // 1. DNS (none for a literal address or a network-only flow).
  let destination: string;
  let port: number;
  if (request.kind === 'tcp') {
    destination = request.destination;
    port = request.port;
  } else {
    port = defaultPort(request.url);
    const host = request.url.hostname.replace(/^\[|\]$/g, '');
    if (/^[\d.]+$/.test(host) || host.includes(':')) {
      destination = host;
    } else {
      const cannotResolve = unreadable(STAGE_READS.dns);
      if (cannotResolve.length) return unknownAnswer(cannotResolve);
      const dns: DnsResolution = resolveName(index, vpc, host, book);
      parts.dns = dns;
      parts.rules.push(...dns.steps.flatMap((s) => s.rules));
      for (const s of dns.steps) if (s.confidence !== 'documented') parts.caveats.push(`DNS: ${s.why} (${s.confidence})`);
      const o = dns.outcome;
      if (o.kind === 'unknown') return unknownAnswer(o.missing);
      if (o.kind !== 'addresses') {
        return finish({ result: 'dns-failure', answeredBy: dns.resolver, confidence: 'documented' }, dnsFailureCause(host, dns), false);
      }
      destination = o.addresses[0]!;
    }
  }

  // 2. The network path.
  const cannotRoute = unreadable(STAGE_READS.network);
  if (cannotRoute.length) return unknownAnswer(cannotRoute);
  const path: NetworkPath = tracePacket(index, workload.networkInterface, {
    protocol: request.kind === 'tcp' ? request.protocol : 'tcp', port, destination,
  });
  parts.hops.push(...path.hops);
  parts.via.push(...path.via);
  const end = path.end;
  if (end.kind === 'unknown') return unknownAnswer(end.missing);
  if (end.kind === 'dropped') {
    return finish({ result: 'timeout', answeredBy: 'nobody: the connection times out', confidence: 'inferred' }, droppedCause(end.cause, destination, path.hops), false);
  }

  // 3. Who answers at the destination.
  let arrival: Arrival | undefined;
  if (end.kind === 'delivered') {
    const eni = index.networkInterfaces.get(end.networkInterfaceId);
    const endpoint = eni?.owner.kind === 'vpc-endpoint' ? index.vpcEndpoints.get(eni.owner.id) : undefined;
    if (endpoint && request.kind === 'http') {
      arrival = { kind: 'vpc-endpoint', endpoint, clientIp: end.sourceIpSeen, sourceVpcId: vpc.id };
    }
  } else if (request.kind === 'http' && end.through !== 'gateway-endpoint') {
    const owner = book.ownerOf(destination);
    if (owner?.kind === 'api-gateway-regional') arrival = { kind: 'api-gateway-regional', region: owner.region, sourceIp: end.sourceIpSeen };
    if (owner?.kind === 'cloudfront') arrival = { kind: 'cloudfront', distributionDomainName: owner.distributionDomainName, sourceIp: end.sourceIpSeen };
  }
  if (!arrival || request.kind !== 'http') {
    const result = end.kind === 'delivered' ? 'delivered' : 'exits-network';
    return finish(
      { result, answeredBy: end.kind === 'delivered' ? `${end.networkInterfaceId}` : `the network beyond ${end.gatewayId}`, confidence: 'documented' },
      {
        code: 'ok',
        explanation: end.kind === 'delivered'
          ? `The packet arrives at ${end.networkInterfaceId} (${destination}:${port}).`
          : `The packet leaves the modelled network through ${end.gatewayId} toward ${destination}; what answers there is outside the model.`,
        rules: [],
      },
      true,
    );
  }

  // 4. The front door and API Gateway's decision.
  const cannotAnswer = missingReads(model, frontDoorReads(request.url.hostname, request.headers), { account: vpc.account });
  if (cannotAnswer.length) return unknownAnswer(cannotAnswer);
  const fd = answerRequest(index, arrival, { method: request.method, url: request.url, headers: { ...request.headers } });
  parts.hops.push(...fd.hops);
  parts.via.push(...fd.via);
  parts.missing.push(...fd.missing);
  parts.rules.push(...fd.rules);
  parts.caveats.push(...fd.caveats);
  return finish(fd.answer, fd.cause, fd.reached);
}

function traceSource(index: ModelIndex, w: Workload): TraceSource {
  const eni = w.networkInterface;
  const subnet = index.subnets.get(eni.subnetId);
  const vpc = index.vpcs.get(eni.vpcId);
  return {
    name: w.name, kind: w.kind, id: w.id, networkInterfaceId: eni.id,
    privateIp: primaryIp(eni) ?? 'unknown',
    ...(isKnown(eni.publicIp) ? { publicIp: eni.publicIp } : {}),
    subnet: subnet?.name ?? eni.subnetId,
    vpc: vpc?.name ?? eni.vpcId,
    vpcCidrs: (vpc?.cidrBlocks ?? []).filter(isKnown),
  };
}

function describeRequest(request: RequestSpec): TraceRequest {
  if (request.kind === 'tcp') {
    return { method: request.protocol.toUpperCase(), url: `${request.protocol}://${request.destination}:${request.port}`, headers: {} };
  }
  return { method: request.method, url: request.url.toString(), headers: request.headers };
}
