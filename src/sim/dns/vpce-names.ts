// Endpoint-specific public names `vpce-<id>[-<suffix>][-<az>].<service>.<region>.vpce.amazonaws.com` (R11).
import type { VpcEndpoint } from '../../model/index.js';
import { isKnown, nameAndId } from '../../model/index.js';
import type { OwnedResult } from './aws-names.js';
import type { Ctx } from './context.js';
import { missing } from './context.js';
import { endpointAddresses, parseServiceName, serviceLabels } from './endpoint-addresses.js';

const VPCE_SUFFIX = '.vpce.amazonaws.com';
const FIRST_LABEL = /^(vpce-[0-9a-f]+)(?:-([a-z0-9-]+))?$/;
/** The Availability Zone at the end of a zonal name: `...-us-east-1a`. */
const ZONE = /(?:^|-)([a-z]{2}(?:-[a-z]+)+-\d+[a-z])$/;

/**
 * R11: these names exist in public DNS whether or not private DNS is on, and resolve to the endpoint's private
 * IPs. A template cannot know the suffix AWS adds, so the name without it is accepted too (scenario-format.md).
 */
export function vpceName(ctx: Ctx, name: string): OwnedResult | undefined {
  if (!name.endsWith(VPCE_SUFFIX)) return undefined;
  const listed = ctx.index.vpcEndpointWithDnsName(name);
  const first = name.split('.')[0] ?? '';
  const m = FIRST_LABEL.exec(first);
  if (!listed && (!m || !m[1])) return undefined;
  const id = listed?.id ?? m?.[1] ?? '';
  const endpoint = listed ?? ctx.index.vpcEndpoints.get(id);
  if (!endpoint) {
    return { kind: 'unknown', missing: [missing(`VPC endpoint ${id}`,
      `${name} is the DNS name of endpoint ${id}, which is not in the model; load it, or add ${name} to facts.dns`)] };
  }
  const mismatch = listed ? undefined : serviceMismatch(endpoint, name.slice(first.length + 1));
  if (mismatch) return { kind: 'nxdomain', why: mismatch, rules: ['R11'], confidence: 'inferred' };
  const zone = m?.[2] ? ZONE.exec(m[2])?.[1] : undefined;
  const ips = endpointAddresses(ctx, endpoint, zone);
  if (ips.kind === 'unknown') return ips;
  if (ips.kind === 'none') return { kind: 'nxdomain', why: ips.why, rules: ['R11'], confidence: 'inferred' };
  return {
    kind: 'addresses', addresses: ips.addresses,
    answeredBy: `public DNS (the endpoint-specific name of ${nameAndId(endpoint)})`,
    why: `${name} is ${zone ? `the ${zone} zonal` : 'an'} endpoint-specific name of ${nameAndId(endpoint)}` +
      (m?.[2] || listed ? '' : ' (written without the suffix AWS adds)') + ': its private IPs',
    rules: ['R11'], confidence: 'documented', origin: endpoint.origin,
  };
}

/** The rest of the name must be the endpoint's own service and Region: `execute-api.us-east-1.vpce.amazonaws.com`. */
function serviceMismatch(endpoint: VpcEndpoint, rest: string): string | undefined {
  if (!isKnown(endpoint.serviceName)) return undefined;
  const parsed = parseServiceName(endpoint.serviceName);
  if (!parsed) return undefined;
  const expected = `${serviceLabels(parsed.service)}.${parsed.region}${VPCE_SUFFIX}`;
  if (rest === expected) return undefined;
  return `${nameAndId(endpoint)} is an endpoint for ${endpoint.serviceName}: its names end in ${expected}, not ${rest} (inferred)`;
}
