// R35: `execute-api:/{stage}/{METHOD}/{path}` in an API Gateway resource policy names the API's own ARNs.
import { isUnknown, type PolicyDocument, type PolicyStatement, type PolicyValue } from '../../model/index.js';

export interface ApiIdentity {
  region: string;
  account: string;
  id: string;
}

/** The ARN partition of a Region: `aws`, `aws-cn` or `aws-us-gov`. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** R35: `execute-api:/prod/GET/items` -> `arn:aws:execute-api:{region}:{account}:{api-id}/prod/GET/items`. */
export function expandExecuteApiShorthand(resource: string, api: ApiIdentity): string {
  const prefix = 'execute-api:/';
  if (!resource.startsWith(prefix)) return resource;
  return `arn:${partitionOf(api.region)}:execute-api:${api.region}:${api.account}:${api.id}/${resource.slice(prefix.length)}`;
}

/** The policy with every Resource and NotResource shorthand expanded by `expand`. Unknown values stay as they are. */
export function mapPolicyResources(policy: PolicyDocument, expand: (resource: string) => string): PolicyDocument {
  const raw: unknown = (policy as { Statement?: unknown }).Statement;
  if (raw === undefined || raw === null || isUnknown(raw)) return policy;
  const statements = (Array.isArray(raw) ? raw : [raw]) as PolicyStatement[];
  const mapValue = (value: PolicyValue | undefined): PolicyValue | undefined => {
    if (value === undefined) return undefined;
    if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? expand(v) : v));
    return typeof value === 'string' ? expand(value) : value;
  };
  return {
    ...policy,
    Statement: statements.map((s) => {
      if (typeof s !== 'object' || s === null) return s;
      const out: PolicyStatement = { ...s };
      const resource = mapValue(s.Resource);
      const notResource = mapValue(s.NotResource);
      return {
        ...out,
        ...(resource !== undefined ? { Resource: resource } : {}),
        ...(notResource !== undefined ? { NotResource: notResource } : {}),
      };
    }),
  };
}

/** R35 applied to a whole API resource policy. */
export function expandApiPolicy(policy: PolicyDocument, api: ApiIdentity): PolicyDocument {
  return mapPolicyResources(policy, (r) => expandExecuteApiShorthand(r, api));
}
