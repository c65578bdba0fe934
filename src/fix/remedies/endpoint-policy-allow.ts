// R21: the execute-api endpoint's own policy does not let the request through to the API. Add a statement that
// allows execute-api:Invoke on the API's ARN (every stage, method and path: arn:aws:execute-api:{region}:
// {account}:{api-id}/*) for Principal "*"; for a private custom domain the domain's ARN too, since the endpoint
// policy is evaluated on both (R25).
import { isUnknown, type Api, type DomainName, type Model, type VpcEndpoint } from '../../model/index.js';
import { domainInvokeArn } from '../../sim/api-gateway/arn.js';
import { hostOf } from '../../sim/api-gateway/hosts.js';
import { partitionOf } from '../../sim/policy/index.js';
import { fromTemplate, replaceElement } from '../model-edit.js';
import type { Candidate, FixContext, Remedy } from '../types.js';
import { domainNameId, named, refusal, shellQuote } from './api-request.js';
import { statementPatch, withStatement } from './policy-patch.js';
import { statementOf, type NewStatement } from './policy-text.js';
import { constant, dependsOn, referTo, type Expr, type Reference } from './yaml-text.js';

/**
 * An execute-api ARN as the endpoint's template writes it: `!Sub` with the element's id (or attribute) where the
 * element is a template resource (`${PrivateApi}`), the list form of `!Sub` for an `!ImportValue`, or the ARN itself.
 */
function arnExpr(
  ctx: FixContext, file: string, endpoint: VpcEndpoint, element: Api | DomainName, value: string,
  id: string, what: string, tail: (id: string) => string, attr?: string,
): { expr: Expr; refs: Reference[] } | undefined {
  if (!fromTemplate(element)) return { expr: constant(value), refs: [] };
  const ref = referTo(ctx.texts, ctx.model, file, element, id, what, attr);
  if (!ref) return undefined;
  const region = 'region' in element ? element.region : endpoint.region;
  const sameStack = element.origin?.stack === endpoint.origin?.stack;
  const head = `arn:\${AWS::Partition}:execute-api:${region === endpoint.region ? '${AWS::Region}' : region}:` +
    `${sameStack ? '${AWS::AccountId}' : element.account}:`;
  if (ref.expr.sub) {
    const sub = `${head}${tail(ref.expr.sub)}`;
    return { expr: { value, yaml: `!Sub '${sub}'`, sub }, refs: [ref] };
  }
  return { expr: { value, yaml: `!Sub ['${head}${tail('${Id}')}', {Id: ${ref.expr.yaml}}]` }, refs: [ref] };
}

export const endpointPolicyAllow: Remedy = {
  id: 'endpoint-policy-allow',
  title: 'Allow the API in the VPC endpoint\'s policy',
  rule: 'R21',
  causes: ['endpoint-policy-denied'],
  propose(ctx: FixContext): Candidate[] {
    const hop = refusal(ctx.trace, 'endpoint-policy');
    const endpoint = hop?.elementId ? ctx.model.vpcEndpoints.find((e) => e.id === hop.elementId) : undefined;
    if (!endpoint || isUnknown(endpoint.policy) || endpoint.policy === undefined || ctx.request.kind !== 'http') return [];
    const api = ctx.model.apis.find((a) => hop?.detail.includes(`:${a.id}/`));
    if (!api) return [];
    const host = hostOf({ method: ctx.request.method, url: ctx.request.url, headers: { ...ctx.request.headers } });
    const domain: DomainName | undefined = ctx.model.domainNames.find((d) => d.domainName === host && d.endpointType === 'PRIVATE');
    const file = endpoint.origin?.file ?? '';
    // An API whose template resource refers to the endpoint (its policy names it) cannot be named back by !Ref:
    // that is a dependency cycle. Then the statement covers this account's APIs in the Region.
    const cycle = fromTemplate(api) && fromTemplate(endpoint) && api.origin!.file === file &&
      dependsOn(ctx.texts, file, api.origin!.logicalId!, endpoint.origin!.logicalId!);
    const accountWide = `arn:${partitionOf(api.region)}:execute-api:${api.region}:${api.account}:*/*`;
    const arn = cycle
      ? { expr: { value: accountWide, yaml: "!Sub 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:*/*'", sub: 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:*/*' }, refs: [] }
      : arnExpr(ctx, file, endpoint, api, `arn:${partitionOf(api.region)}:execute-api:${api.region}:${api.account}:${api.id}/*`,
        api.id, `the id of the API ${named(api)}`, (id) => `${id}/*`);
    if (!arn) return [];
    const resources: Expr[] = [arn.expr];
    const refs = [...arn.refs];
    // The same for a private custom domain whose policy names the endpoint: the account's domains, `/domainnames/*`
    // (which the account-wide `*/*` already covers).
    const domainCycle = Boolean(domain && fromTemplate(domain) && fromTemplate(endpoint) && domain.origin!.file === file &&
      dependsOn(ctx.texts, file, domain.origin!.logicalId!, endpoint.origin!.logicalId!));
    if (domain && domainCycle && !cycle) {
      const value = `arn:${partitionOf(domain.region)}:execute-api:${domain.region}:${domain.account}:/domainnames/*`;
      const sub = 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:/domainnames/*';
      resources.push({ value, yaml: `!Sub '${sub}'`, sub });
    } else if (domain && !domainCycle) {
      // R25: the execute-api form of the domain's ARN, `...:/domainnames/{name}+{domain-name-id}`.
      const domainId = domainNameId(domain);
      const d = domainId
        ? arnExpr(ctx, file, endpoint, domain, domainInvokeArn(domain), domainId, `the DomainNameId of ${domain.domainName}`,
          (id) => `/domainnames/${domain.domainName}+${id}`, 'DomainNameId')
        : undefined;
      if (!d) return [];
      resources.push(d.expr);
      refs.push(...d.refs);
    }
    const statement: NewStatement = { resources };
    const added = statementOf(statement);
    const policy = withStatement(endpoint.policy, added);
    const patch = statementPatch(ctx, { element: endpoint, policy: endpoint.policy, policyOrigin: endpoint.policyOrigin, key: 'PolicyDocument', types: ['AWS::EC2::VPCEndpoint'] },
      statement, refs, () => [`aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${endpoint.id} --policy-document ${shellQuote(JSON.stringify(policy))}`]);
    const what = `${cycle ? `the APIs of account ${api.account}` : named(api)}${domain ? ` and the private custom domain ${domain.domainName}` : ''}`;
    return [{
      id: `endpoint-policy-allow:${named(endpoint)}`,
      title: `Allow execute-api:Invoke on ${what} in ${named(endpoint)}'s endpoint policy`,
      description: `Add a statement to ${named(endpoint)}'s policy: Allow, Principal "*", execute-api:Invoke on ` +
        `${resources.map((r) => r.value).join(' and ')} (${cycle ? `every API of account ${api.account} in ${api.region}: ${named(api)} refers to ` +
          `${named(endpoint)} in its template, so the endpoint cannot name it back without a dependency cycle` : `every stage, method and path of ${named(api)}`}` +
        `${domain && domainCycle && !cycle ? `; every private custom domain of the account, since ${named(domain)}'s policy names ${named(endpoint)}` : ''}). ` +
        'The endpoint evaluates its policy before API Gateway sees the request, in addition to the API\'s resource policy (R21).',
      apply: (model: Model) => replaceElement(model, 'vpcEndpoints', endpoint.id, (e) => ({ ...e, policy: withStatement(e.policy, added) })),
      patch,
      assumes: [
        ...refs.flatMap((r) => r.assumes),
        `every workload that can reach ${named(endpoint)} may then invoke ${cycle ? `any API of account ${api.account}` : named(api)} through it; the API's own resource policy still applies (R21)`,
        'the request is not SigV4-signed for an IAM principal the policy was meant to admit (sign it instead if so, R21)',
      ],
    }];
  },
};
