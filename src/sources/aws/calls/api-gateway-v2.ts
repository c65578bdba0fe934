// API Gateway v2 (HTTP and WebSocket APIs) of one region: APIs with stages and routes, domain names and mappings.
import {
  GetApiMappingsCommand, GetApisCommand, GetDomainNamesCommand, GetRoutesCommand, GetStagesCommand,
} from '@aws-sdk/client-apigatewayv2';
import { followToken, listOf } from '../pages.js';
import type { Scope } from '../scope.js';
import { folderName } from '../write-snapshot.js';

// apigatewayv2 pages by NextToken and the SDK has no paginators for it.
const next = (p: { NextToken?: string }) => p.NextToken;

export async function collectApiGatewayV2(s: Scope): Promise<void> {
  await Promise.all([collectApis(s), collectDomainNames(s)]);
}

async function collectApis(s: Scope): Promise<void> {
  const client = s.clients.apigatewayv2;
  const apis = await s.save({ service: 'apigatewayv2', operation: 'GetApis', file: 'Apis.json' },
    () => followToken((NextToken) => client.send(new GetApisCommand({ NextToken })), next));
  await Promise.all(listOf<{ ApiId?: string }>(apis, 'Items').flatMap((a) => a.ApiId ? [a.ApiId] : []).map((ApiId) => {
    const dir = `apigatewayv2/apis/${folderName(ApiId)}`;
    return Promise.all([
      s.save({ service: 'apigatewayv2', operation: 'GetStages', file: `${dir}/Stages.json`, resource: ApiId },
        () => followToken((NextToken) => client.send(new GetStagesCommand({ ApiId, NextToken })), next)),
      s.save({ service: 'apigatewayv2', operation: 'GetRoutes', file: `${dir}/Routes.json`, resource: ApiId },
        () => followToken((NextToken) => client.send(new GetRoutesCommand({ ApiId, NextToken })), next)),
    ]);
  }));
}

/** The same custom domain names as apigateway GetDomainNames, seen from v2: mappings here may target HTTP APIs. */
async function collectDomainNames(s: Scope): Promise<void> {
  const client = s.clients.apigatewayv2;
  const domains = await s.save({ service: 'apigatewayv2', operation: 'GetDomainNames', file: 'DomainNamesV2.json' },
    () => followToken((NextToken) => client.send(new GetDomainNamesCommand({ NextToken })), next));
  await Promise.all(listOf<{ DomainName?: string }>(domains, 'Items').flatMap((d) => d.DomainName ? [d.DomainName] : [])
    .map((DomainName) => s.save({ service: 'apigatewayv2', operation: 'GetApiMappings', resource: DomainName,
      file: `apigatewayv2/domainnames/${folderName(DomainName)}/ApiMappings.json` },
    () => followToken((NextToken) => client.send(new GetApiMappingsCommand({ DomainName, NextToken })), next))));
}
