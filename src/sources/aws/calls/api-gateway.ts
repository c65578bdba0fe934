// API Gateway (REST APIs) of one region: APIs with their stages and resources, custom domains and mappings.
import {
  GetDomainNameAccessAssociationsCommand, GetStagesCommand, paginateGetBasePathMappings, paginateGetDomainNames,
  paginateGetResources, paginateGetRestApis, type ResourceOwner,
} from '@aws-sdk/client-api-gateway';
import { allPages, followToken, listOf, single } from '../pages.js';
import type { Scope } from '../scope.js';
import { folderName } from '../write-snapshot.js';

/** 500 is the largest page API Gateway gives (the default is 25). */
const PAGE = { pageSize: 500 };

export async function collectApiGateway(s: Scope): Promise<void> {
  const client = s.clients.apigateway;
  await Promise.all([
    collectRestApis(s),
    collectDomainNames(s),
    // Which VPC endpoints may call which private custom domain names (domain name access associations).
    s.save({ service: 'apigateway', operation: 'GetDomainNameAccessAssociations', file: 'DomainNameAccessAssociations.json' },
      () => followToken((position) => client.send(new GetDomainNameAccessAssociationsCommand({ position, limit: 500 })), (p) => p.position)),
  ]);
}

async function collectRestApis(s: Scope): Promise<void> {
  const client = s.clients.apigateway;
  const apis = await s.save({ service: 'apigateway', operation: 'GetRestApis', file: 'RestApis.json' },
    () => allPages(paginateGetRestApis({ client, ...PAGE }, {})));
  await Promise.all(listOf<{ id?: string }>(apis, 'items').flatMap((a) => a.id ? [a.id] : []).map((restApiId) => {
    const dir = `apigateway/restapis/${folderName(restApiId)}`;
    return Promise.all([
      // GetStages is not paginated: `item` holds every stage.
      s.save({ service: 'apigateway', operation: 'GetStages', file: `${dir}/Stages.json`, resource: restApiId },
        () => single(client.send(new GetStagesCommand({ restApiId })))),
      // embed=methods puts each resource's methods (and their authorization) in `resourceMethods`,
      // saving a GetMethod call per method.
      s.save({ service: 'apigateway', operation: 'GetResources', file: `${dir}/Resources.json`, resource: restApiId },
        () => allPages(paginateGetResources({ client, ...PAGE }, { restApiId, embed: ['methods'] }))),
    ]);
  }));
}

interface DomainName { domainName?: string; domainNameId?: string }

/**
 * GetDomainNames lists the public custom domain names; private ones (one per domainNameId, several may share
 * a name) are listed with `resourceOwner: SELF`. Both answers are merged into DomainNames.json, then
 * GetBasePathMappings per domain name (with its domainNameId for a private one).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-custom-domains.html
 */
async function collectDomainNames(s: Scope): Promise<void> {
  const client = s.clients.apigateway;
  const file = 'DomainNames.json';
  const list = (resourceOwner?: ResourceOwner) => s.call(
    { service: 'apigateway', operation: 'GetDomainNames', file, ...(resourceOwner ? { resource: `resourceOwner=${resourceOwner}` } : {}) },
    () => allPages(paginateGetDomainNames({ client, ...PAGE }, resourceOwner ? { resourceOwner } : {})));
  const answers = await Promise.all([list(), list('SELF')]);
  if (!answers.some(Boolean)) return;
  const seen = new Set<string>();
  const items = answers.flatMap((a) => listOf<DomainName>(a, 'items')).filter((d) => {
    const key = `${d.domainName}+${d.domainNameId ?? ''}`;
    return d.domainName && !seen.has(key) && seen.add(key);
  });
  s.write(file, { items });
  await Promise.all(items.map(({ domainName, domainNameId }) => {
    const name = domainNameId ? `${domainName}+${domainNameId}` : domainName!;
    return s.save({ service: 'apigateway', operation: 'GetBasePathMappings', resource: name,
      file: `apigateway/domainnames/${folderName(name)}/BasePathMappings.json` },
    () => allPages(paginateGetBasePathMappings({ client, ...PAGE }, { domainName, ...(domainNameId ? { domainNameId } : {}) })));
  }));
}
