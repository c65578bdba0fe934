// The hidden private zone AWS associates with a VPC for an interface endpoint with private DNS on (R3, R4, R34).
import type { Vpc, VpcEndpoint } from '../../model/index.js';
import { isKnown, nameAndId } from '../../model/index.js';
import type { MissingFact } from '../trace.js';
import type { Answer, Ctx } from './context.js';
import { missing, pushStep, refersTo } from './context.js';
import { endpointAddresses, parseServiceName, serviceLabels } from './endpoint-addresses.js';
import { isAtOrBelow } from './names.js';

export interface HiddenZone {
  readonly endpoint: VpcEndpoint;
  /** `execute-api.<region>.amazonaws.com`, `sts.<region>.amazonaws.com`. */
  readonly zoneName: string;
  /** execute-api's private DNS name is `*.execute-api.<region>.amazonaws.com` (R4); other services' is the apex. */
  readonly wildcard: boolean;
}

/**
 * The hidden zones of the interface endpoints in `vpc` with private DNS on. An endpoint whose VPC or service the
 * input cannot tell gives a missing fact, for the caller to raise only if the name could be under its zone.
 */
export function hiddenZonesOf(ctx: Ctx, vpc: Vpc): { zones: HiddenZone[]; unsure: { endpoint: VpcEndpoint; fact: MissingFact }[] } {
  const zones: HiddenZone[] = [];
  const unsure: { endpoint: VpcEndpoint; fact: MissingFact }[] = [];
  // The index gives the endpoints `refersTo` can tie to this VPC (its own, and those whose VPC is unknown or
  // unresolved), in model order; each is tested below as before.
  for (const endpoint of ctx.index.vpcEndpointCandidates(vpc.id)) {
    if (endpoint.type !== 'Interface' || !endpoint.privateDnsEnabled) continue;
    const inVpc = refersTo(ctx, endpoint.vpcId, vpc.id, `VPC of ${nameAndId(endpoint)}`, endpoint.origin);
    if (inVpc === false) continue;
    if (inVpc !== true) { unsure.push({ endpoint, fact: inVpc }); continue; }
    if (!isKnown(endpoint.serviceName)) {
      unsure.push({ endpoint, fact: missing(`service name of ${nameAndId(endpoint)}`, endpoint.serviceName.reason, endpoint.origin) });
      continue;
    }
    const parsed = parseServiceName(endpoint.serviceName);
    if (!parsed) continue; // an endpoint service's provider-defined private name is not in the model
    // R34: the service's regional name; R4: execute-api's is a wildcard over every API's default host.
    const zoneName = `${serviceLabels(parsed.service)}.${parsed.region}.amazonaws.com`;
    zones.push({ endpoint, zoneName, wildcard: parsed.service === 'execute-api' });
  }
  return { zones, unsure };
}

export interface HiddenAnswerOptions {
  readonly vpc: Vpc;
  /** The name was reached through a CNAME (R29's inferred mechanism). */
  readonly viaCname: boolean;
  /** Why this zone won over others (Q4), if it competed. */
  readonly precedence?: { readonly text: string } | undefined;
}

export function answerFromHiddenZone(ctx: Ctx, hz: HiddenZone, name: string, opts: HiddenAnswerOptions): Answer {
  const { endpoint } = hz;
  const answeredBy = `the private DNS of ${nameAndId(endpoint)}`;
  const origin = endpoint.privateDnsOrigin ?? endpoint.origin;
  const baseRules = hz.wildcard ? ['R3', 'R4'] : ['R3', 'R34'];
  const covered = hz.wildcard ? isAtOrBelow(name, hz.zoneName) : name === hz.zoneName;
  if (!covered) {
    // R5b applied to the hidden zone (R5 modeling assumption): a matching zone without the name is NXDOMAIN.
    pushStep(ctx, {
      name, recordType: 'NXDOMAIN', answer: [], source: 'endpoint-private-dns', answeredBy, origin,
      why: `${hz.zoneName}, PrivateDnsEnabled: true: the endpoint's zone holds only ${hz.zoneName}, so ${name} gets NXDOMAIN ` +
        '(assuming the hidden zone behaves like a private hosted zone, R5, Q4)',
      rules: [...baseRules, 'R5'], confidence: 'inferred',
    });
    return { kind: 'nxdomain', source: 'endpoint-private-dns' };
  }
  const ips = endpointAddresses(ctx, endpoint);
  if (ips.kind === 'unknown') return ips;
  if (ips.kind === 'none') return { kind: 'nxdomain', source: 'endpoint-private-dns' };
  const apex = hz.wildcard && name === hz.zoneName;
  const head = apex ? `${hz.zoneName} (the zone apex; observed, not documented)` : `${hz.wildcard ? '*.' : ''}${hz.zoneName}`;
  const parts = [`${head}, PrivateDnsEnabled: true`, `this name never reaches public DNS from inside ${nameAndId(opts.vpc)}`];
  let rules = baseRules;
  let confidence: 'documented' | 'observed' | 'inferred' = apex ? 'observed' : 'documented';
  if (opts.viaCname) {
    parts.push('reached through a CNAME: the client\'s resolver asks for the target from the start, so the endpoint\'s zone ' +
      'answers it too (R29, inferred mechanism)');
    rules = [...rules, 'R29'];
    confidence = 'inferred';
  }
  if (/^[a-z0-9]+-vpce-[0-9a-f]+\./.test(name)) {
    // Q5: the public {api-id}-{vpce-id} alias and this zone's wildcard both cover the name; we take the zone.
    parts.push('the public {api-id}-{vpce-id} alias for this name is not consulted, because the name is under the ' +
      'endpoint\'s wildcard (open question Q5: undocumented which wins)');
    rules = [...rules, 'R11'];
    confidence = 'inferred';
  }
  if (opts.precedence) {
    parts.push(opts.precedence.text);
    confidence = 'inferred';
  }
  pushStep(ctx, {
    name, recordType: 'A', answer: ips.addresses, source: 'endpoint-private-dns', answeredBy, origin,
    why: parts.join('; '), rules, confidence,
  });
  return { kind: 'addresses', addresses: ips.addresses, source: 'endpoint-private-dns' };
}
