// The execute-api ARNs that resource, endpoint and private-domain policies are evaluated on (R35, R25).
import type { Api, DomainName } from '../../model/index.js';
import { partitionOf } from '../policy/index.js';

/** R35: `arn:aws:execute-api:{region}:{account}:{api-id}/{stage}/{METHOD}/{path-without-leading-slash}`. */
export function invokeArn(api: Api, stage: string, method: string, path: string): string {
  const rest = path.startsWith('/') ? path.slice(1) : path;
  return `arn:${partitionOf(api.region)}:execute-api:${api.region}:${api.account}:${api.id}/${stage}/${method.toUpperCase()}/${rest}`;
}

/**
 * R25: a private custom domain's `policy` is for the execute-api service and names the domain as
 * `arn:aws:execute-api:{region}:{account}:/domainnames/{name}+{id}` (apigateway-private-custom-domains-provider-share-cli.html).
 * The model keeps the apigateway ARN; the execute-api one differs only in the service.
 */
export function domainInvokeArn(domain: DomainName): string {
  const parts = domain.arn.split(':');
  if (parts.length >= 6 && parts[2] === 'apigateway') parts[2] = 'execute-api';
  return parts.join(':');
}
