// SAM `Domain` of a Serverless API: a custom domain name, one mapping per BasePath, and Route 53 alias records.
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-api-domainconfiguration.html
import { isKnown, type EndpointType } from '../../../model/index.js';
import type { PropReader } from '../prop-reader.js';
import type { ResourceContext } from '../resource-context.js';
import { addPublicDomain, domainAttributes } from '../resources/api-gateway-domains.js';
import { dnsName, zoneFor } from '../resources/route53.js';
import type { SamApiState } from './api-state.js';

export function addSamDomain(ctx: ResourceContext, domain: PropReader, state: SamApiState): void {
  const name = domain.id('DomainName');
  if (!name) {
    ctx.problem('missing-property', 'Domain needs DomainName', domain.fallback);
    return;
  }
  const lower = dnsName(name);
  // SAM's default endpoint configuration for a custom domain is REGIONAL; HTTP APIs have only REGIONAL ones.
  const raw = domain.text('EndpointConfiguration')?.toUpperCase();
  const endpointType: EndpointType = state.kind === 'REST' && raw === 'EDGE' ? 'EDGE' : 'REGIONAL';
  const d = addPublicDomain(ctx, lower, endpointType);
  state.domainName = lower;
  const basePaths = domain.items('BasePath').flatMap((v) => (v.k === 'scalar' ? [v.text] : []));
  for (const basePath of basePaths.length > 0 ? basePaths : ['/']) {
    const trimmed = basePath.replace(/^\/+|\/+$/g, '');
    d.mappings.push({ basePath: trimmed === '(none)' ? '' : trimmed, apiId: state.apiId, stage: state.stage, origin: domain.origin('BasePath') });
  }
  const route53 = domain.sub('Route53');
  if (!route53) return;
  const zone = zoneFor(ctx, route53);
  const attrs = domainAttributes(ctx, d);
  const target = attrs.DistributionDomainName ?? attrs.RegionalDomainName;
  const targetZone = attrs.DistributionHostedZoneId ?? attrs.RegionalHostedZoneId;
  if (!target || !isKnown(target)) return;
  const types = route53.bool('IpV6', false) === true ? ['A', 'AAAA'] as const : ['A'] as const;
  for (const type of types) {
    zone.records.push({
      name: lower, type, values: [],
      alias: { dnsName: target, ...(targetZone ? { hostedZoneId: targetZone } : {}) },
      origin: route53.originAt(route53.fallback),
    });
  }
}
