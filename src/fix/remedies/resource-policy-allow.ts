// R17, R20, R35: the API's resource policy (or a private custom domain's policy, R25) has no Allow for this
// request. Add one for this caller only: on a private API, aws:SourceVpce equal to the endpoint the request came
// through (R20); on a public API, the caller's public address where it is known, else no condition. An explicit
// Deny still wins over it (R17), so such a candidate does not verify and is not shown.
import { isKnown, isUnknown, ModelIndex, type Api, type DomainName, type Model, type VpcEndpoint } from '../../model/index.js';
import { fromTemplate, replaceElement } from '../model-edit.js';
import type { Candidate, FixContext, Patch, Remedy } from '../types.js';
import { arrivalEndpoint, clientAccount, domainNameId, invokeTarget, named, refusal, shellQuote } from './api-request.js';
import { statementPatch, withStatement } from './policy-patch.js';
import { statementOf, type NewStatement } from './policy-text.js';
import { constant, dependsOn, referTo, type Reference } from './yaml-text.js';

/** The caller's public IPv4 address, when it is a real one (a snapshot's NAT gateway or instance), else undefined. */
function realPublicIp(ctx: FixContext): string | undefined {
  const index = new ModelIndex(ctx.model);
  const natHop = ctx.trace.hops.find((h) => h.component === 'nat-gateway' && h.elementId);
  if (natHop) {
    const nat = ctx.model.natGateways.find((n) => n.id === natHop.elementId);
    return nat && !fromTemplate(nat) && isKnown(nat.publicIp) ? nat.publicIp : undefined;
  }
  const eni = index.networkInterfaces.get(ctx.trace.source.networkInterfaceId);
  return eni && !fromTemplate(eni) && isKnown(eni.publicIp) ? eni.publicIp : undefined;
}

/** The facts value for an endpoint: `${LogicalId}` for a template's, the id for a snapshot's. */
export function factsValue(e: VpcEndpoint): string {
  return fromTemplate(e) ? `\${${e.origin!.logicalId}}` : e.id;
}

const DEPLOY = 'a new deployment of the stage: a REST API\'s resource policy takes effect when the API is deployed again ' +
  '(CloudFormation does not redeploy an existing AWS::ApiGateway::Deployment by itself)';

export const resourcePolicyAllow: Remedy = {
  id: 'resource-policy-allow',
  title: 'Allow this caller in the resource policy',
  rule: 'R17',
  causes: ['resource-policy-denied'],
  propose(ctx: FixContext): Candidate[] {
    const hop = refusal(ctx.trace, 'resource-policy');
    if (!hop?.elementId) return [];
    const api = ctx.model.apis.find((a) => a.id === hop.elementId);
    if (api) return forApi(ctx, api);
    const domain = ctx.model.domainNames.find((d) => d.id === hop.elementId);
    return domain ? forDomain(ctx, domain) : [];
  },
};

function forApi(ctx: FixContext, api: Api): Candidate[] {
  if (isUnknown(api.policy) || api.kind !== 'REST') return [];
  const target = invokeTarget(ctx, api);
  if (!target) return [];
  const isPrivate = api.endpointType === 'PRIVATE';
  const endpoint = arrivalEndpoint(ctx);
  if (isPrivate && !endpoint) return [];
  const file = api.origin?.file ?? '';
  // An endpoint whose template resource refers to the API (its policy names it) cannot be named back by !Ref (a
  // dependency cycle): then the condition names the endpoint's VPC, aws:SourceVpc (R20).
  const vpc = endpoint ? ctx.model.vpcs.find((v) => v.id === endpoint.vpcId) : undefined;
  const cycle = Boolean(isPrivate && endpoint && vpc && fromTemplate(api) && fromTemplate(endpoint) && endpoint.origin!.file === file &&
    dependsOn(ctx.texts, file, endpoint.origin!.logicalId!, api.origin!.logicalId!));
  const ref: Reference | undefined = !isPrivate ? undefined : cycle
    ? referTo(ctx.texts, ctx.model, file, vpc!, vpc!.id, `the id of the VPC ${named(vpc!)}`)
    : referTo(ctx.texts, ctx.model, file, endpoint!, endpoint!.id, `the id of the VPC endpoint ${named(endpoint!)}`, undefined, api.origin?.logicalId);
  if (isPrivate && !ref) return [];
  const ip = isPrivate ? undefined : realPublicIp(ctx);
  const statement: NewStatement = {
    resources: [constant(target.shorthand)],
    ...(ref ? { condition: { operator: 'StringEquals', key: cycle ? 'aws:SourceVpc' : 'aws:SourceVpce', value: ref.expr } } : {}),
    ...(ip ? { condition: { operator: 'IpAddress', key: 'aws:SourceIp', value: constant(`${ip}/32`) } } : {}),
  };
  const added = statementOf(statement);
  const policy = withStatement(api.policy, added);
  const who = cycle ? `requests through endpoints in ${named(vpc!)} (aws:SourceVpc, R20)` : isPrivate ? `requests through ${named(endpoint!)} (aws:SourceVpce, R20)`
    : ip ? `requests from ${ip} (aws:SourceIp)` : 'every caller';
  const words = `${target.method} ${target.path} on stage ${target.stage}`;
  const patch: Patch = api.fromFacts
    ? { edits: [], commands: [], facts: factsPolicy(api, policy, endpoint) }
    : statementPatch(ctx, { element: api, policy: api.policy, policyOrigin: api.policyOrigin, key: 'Policy', types: ['AWS::ApiGateway::RestApi'] },
      statement, ref ? [ref] : [], () => [
        `aws apigateway update-rest-api --rest-api-id ${api.id} --patch-operations ${shellQuote(JSON.stringify([{ op: 'replace', path: '/policy', value: JSON.stringify(policy) }]))}`,
        `aws apigateway create-deployment --rest-api-id ${api.id} --stage-name ${target.stage}`,
      ]);
  const statementWords = `Allow execute-api:Invoke on ${target.shorthand}${statement.condition ? ` when ${statement.condition.key} is ${statement.condition.value.literal ?? (cycle ? named(vpc!) : named(endpoint!))}` : ''}`;
  return [{
    id: `resource-policy-allow:${named(api)}`,
    title: `${api.fromFacts ? 'Ask the owner to allow' : 'Allow'} ${words} for ${who} in ${named(api)}'s resource policy`,
    description: (api.policy === undefined
      ? `${named(api)} is a PRIVATE API without a resource policy, so every call to it fails (R19). Give it one with a statement: `
      : `Add a statement to ${named(api)}'s resource policy: `) + `${statementWords} (R35 shorthand for ${named(api)}'s own ARN). ` +
      'With no authorizer API Gateway needs an explicit Allow for the request (R17)' +
      (cycle ? `; on a private API aws:SourceVpc names the VPC of the endpoint the request comes through (R20): ${named(endpoint!)} refers to ${named(api)} in the template, so the API cannot name it back without a dependency cycle.`
        : isPrivate ? '; on a private API aws:SourceVpce names the endpoint the request comes through (R20).' : '.') +
      ' Then deploy the API again.' + (!isPrivate && !ip ? ' With no condition, anyone who can reach the API may make this call.' : ''),
    apply: (model: Model) => replaceElement(model, 'apis', api.id, (a) => ({ ...a, policy: withStatement(a.policy, added) })),
    patch,
    assumes: [
      DEPLOY,
      ...(ref?.assumes ?? []),
      ...(isPrivate ? [`every workload that can reach ${cycle ? `an execute-api endpoint in ${named(vpc!)}` : named(endpoint!)} may then make this call; narrow it with aws:VpcSourceIp if some must not (R20)`]
        : ip ? [`${ip} is the caller's public address (its NAT gateway's Elastic IP or its own)`]
          : ['no condition: anyone who can reach the API may make this call; narrow it with an aws:SourceIp condition naming your public address (an Elastic IP, or your NAT gateway\'s)']),
    ],
    ...(api.fromFacts ? { ownerAction: `Ask the owner of API ${api.id} to add to its resource policy: Allow execute-api:Invoke on ${target.shorthand}` +
      (isPrivate ? ` when aws:SourceVpce is ${fromTemplate(endpoint!) ? `the id of your endpoint ${named(endpoint!)}` : endpoint!.id}` : ip ? ` when aws:SourceIp is ${ip}/32` : '') +
      ', and to deploy the API again.' } : {}),
  }];
}

function factsPolicy(api: Api, policy: object, endpoint: VpcEndpoint | undefined): string {
  let json = JSON.stringify(policy);
  if (endpoint) json = json.split(`"${endpoint.id}"`).join(`"${factsValue(endpoint)}"`);
  return `apis:\n  - id: ${api.id}  # the policy of this facts.apis entry, once its owner has changed it\n    policy: ${json}`;
}

/** R25: a private custom domain's own policy: allow execute-api:Invoke on the domain for this endpoint. */
function forDomain(ctx: FixContext, domain: DomainName): Candidate[] {
  const endpoint = arrivalEndpoint(ctx);
  if (!endpoint || isUnknown(domain.policy)) return [];
  const file = domain.origin?.file ?? '';
  const ref = referTo(ctx.texts, ctx.model, file, endpoint, endpoint.id, `the id of the VPC endpoint ${named(endpoint)}`, undefined, domain.origin?.logicalId);
  if (!ref) return [];
  const statement: NewStatement = {
    resources: [constant('execute-api:/*')],
    condition: { operator: 'StringEquals', key: 'aws:SourceVpce', value: ref.expr },
  };
  const added = statementOf(statement);
  const policy = withStatement(domain.policy, added);
  const foreign = domain.account !== clientAccount(ctx);
  const id = domainNameId(domain);
  const patch = statementPatch(ctx, { element: domain, policy: domain.policy, policyOrigin: domain.policyOrigin, key: 'Policy', types: ['AWS::ApiGateway::DomainNameV2'] },
    statement, [ref], () => [
      `aws apigateway update-domain-name --domain-name ${domain.domainName}${id ? ` --domain-name-id ${id}` : ''} --patch-operations ${shellQuote(JSON.stringify([{ op: 'replace', path: '/policy', value: JSON.stringify(policy) }]))}`,
    ]);
  return [{
    id: `resource-policy-allow:${named(domain)}`,
    title: `${foreign ? 'Ask the owner to allow' : 'Allow'} ${named(endpoint)} in the policy of the private custom domain ${domain.domainName}`,
    description: `Add a statement to the policy of the private custom domain ${domain.domainName}: Allow execute-api:Invoke on ` +
      `execute-api:/* (the domain itself) when aws:SourceVpce is ${named(endpoint)}. API Gateway provisions a private custom ` +
      'domain with a deny-all policy; its owner allows consumers\' endpoints in it (R25).',
    apply: (model: Model) => ({ ...model, domainNames: model.domainNames.map((d) => (d.id === domain.id ? { ...d, policy: withStatement(d.policy, added) } : d)) }),
    patch,
    assumes: [
      ...ref.assumes,
      `each private API mapped to ${domain.domainName} allows ${named(endpoint)} in its own resource policy (R25)`,
    ],
    ...(foreign ? { ownerAction: `Ask the owner of ${domain.domainName} (account ${domain.account}) to allow your endpoint ${endpoint.id} (aws:SourceVpce) in the domain's policy.` } : {}),
  }];
}
