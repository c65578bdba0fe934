// Route 53 Resolver calls of one region: forwarding rules, their VPC associations, endpoints and their addresses.
import {
  paginateListResolverEndpointIpAddresses, paginateListResolverEndpoints, paginateListResolverRuleAssociations,
  paginateListResolverRules,
} from '@aws-sdk/client-route53resolver';
import { allPages, listOf } from '../pages.js';
import type { Scope } from '../scope.js';

export async function collectResolver(s: Scope): Promise<void> {
  const client = s.clients.route53resolver;
  await Promise.all([
    s.save({ service: 'route53resolver', operation: 'ListResolverRules', file: 'ResolverRules.json' },
      () => allPages(paginateListResolverRules({ client }, {}))),
    s.save({ service: 'route53resolver', operation: 'ListResolverRuleAssociations', file: 'ResolverRuleAssociations.json' },
      () => allPages(paginateListResolverRuleAssociations({ client }, {}))),
    collectEndpoints(s),
  ]);
}

/**
 * ListResolverEndpoints gives each endpoint's direction and IP address count, not the addresses (the
 * targets of forwarding rules, the listeners of inbound endpoints): ListResolverEndpointIpAddresses per
 * endpoint does; they are merged into each endpoint as `IpAddresses`.
 */
async function collectEndpoints(s: Scope): Promise<void> {
  const client = s.clients.route53resolver;
  const file = 'ResolverEndpoints.json';
  const body = await s.call({ service: 'route53resolver', operation: 'ListResolverEndpoints', file },
    () => allPages(paginateListResolverEndpoints({ client }, {})));
  if (!body) return;
  const endpoints = await Promise.all(listOf<{ Id?: string }>(body, 'ResolverEndpoints').map(async (ep) => {
    if (!ep.Id) return ep;
    const ips = await s.call({ service: 'route53resolver', operation: 'ListResolverEndpointIpAddresses', file, resource: ep.Id },
      () => allPages(paginateListResolverEndpointIpAddresses({ client }, { ResolverEndpointId: ep.Id })));
    return ips ? { ...ep, IpAddresses: listOf(ips, 'IpAddresses') } : ep;
  }));
  s.write(file, { ...body, ResolverEndpoints: endpoints });
}
