// Shared by the custom-domain remedies (R29): the new domain's name, the rewritten request, the model change.
import { isKnown, type Api, type DomainName, type Model, type PublicDnsRecord } from '../../model/index.js';
import { addElements, madeUp, resourceType } from '../model-edit.js';
import { get, pathWithoutStage } from '../requests.js';
import type { FixContext } from '../types.js';
import type { RequestSpec } from '../../sim/request.js';

export interface DomainPlan {
  readonly api: Api;
  readonly name: string;
  readonly logicalId: string;
  readonly stage: string | undefined;
  readonly request: RequestSpec;
  readonly url: string;
  /** `!Ref DevStage` where the stage is a resource of the template, else the stage name. */
  readonly stageValue: string | undefined;
  readonly stageResource: string | undefined;
}

/** A free name under example.com for the new domain: `api.example.com` unless the model has it. */
function domainName(model: Model, api: Api): string {
  const taken = new Set(model.domainNames.map((d) => d.domainName));
  const base = api.fromFacts ? 'partner-api' : 'api';
  for (const candidate of [`${base}.example.com`, `${(api.name ?? api.id).toLowerCase().replace(/[^a-z0-9-]/g, '')}.example.com`]) {
    if (!taken.has(candidate)) return candidate;
  }
  return `api-${madeUp(api.id, 4)}.example.com`;
}

export function planDomain(ctx: FixContext, api: Api, suffix: string): DomainPlan | undefined {
  if (ctx.request.kind !== 'http') return undefined;
  const { stage, rest } = pathWithoutStage(ctx.request, api);
  const name = domainName(ctx.model, api);
  const url = `https://${name}${rest}`;
  const request = get(url);
  if (!request) return undefined;
  const stageEl = isKnown(api.stages) ? api.stages.find((s) => s.name === stage) : undefined;
  const stageLogical = stageEl?.origin?.logicalId;
  const isStageResource = resourceType(ctx.model, stageLogical, stageEl?.origin?.stack) === 'AWS::ApiGateway::Stage';
  return {
    api, name, logicalId: `${api.name ?? 'Api'}${suffix}`, stage, request: { ...request, method: ctx.request.method, headers: ctx.request.headers }, url,
    stageValue: stage === undefined ? undefined : isStageResource ? `!Ref ${stageLogical}` : stage,
    stageResource: isStageResource ? undefined : stageLogical,
  };
}

/** The model with the new public domain (made-up target name, R26/R27) and its public DNS record. */
export function addDomain(model: Model, plan: DomainPlan, endpoint: 'EDGE' | 'REGIONAL', ctx: FixContext): Model {
  const seed = `${plan.api.id}:${endpoint}`;
  const target = endpoint === 'EDGE'
    ? `d${madeUp(seed, 13)}.cloudfront.net`
    : `d-${madeUp(seed, 10)}.execute-api.${plan.api.region}.amazonaws.com`;
  const origin = { file: 'vpcpath fix', path: `proposed ${endpoint} custom domain ${plan.name}` };
  const domain: DomainName = {
    id: plan.name, name: plan.logicalId, origin, domainName: plan.name, endpointType: endpoint,
    region: plan.api.region, account: plan.api.account || ctx.account,
    arn: `arn:aws:apigateway:${plan.api.region}::/domainnames/${plan.name}`,
    ...(endpoint === 'EDGE' ? { distributionDomainName: target } : { regionalDomainName: target }),
    certificateNames: [plan.name],
    mappings: [{ basePath: '', apiId: plan.api.id, ...(plan.stage && plan.stage !== '$default' ? { stage: plan.stage } : {}), origin }],
    ...(plan.api.fromFacts ? { fromFacts: true } : {}),
  };
  // R29: EDGE takes a CNAME (to *.cloudfront.net, outside the endpoint's zone); REGIONAL must be a Route 53 alias.
  const record: PublicDnsRecord = { name: plan.name, type: endpoint === 'EDGE' ? 'CNAME' : 'ALIAS', value: target, origin };
  return addElements(model, { domainNames: [domain], publicDns: [record] });
}

export const EDGE_CERT = '!Sub arn:${AWS::Partition}:acm:us-east-1:${AWS::AccountId}:certificate/00000000-0000-0000-0000-000000000000';
export const REGIONAL_CERT = '!Sub arn:${AWS::Partition}:acm:${AWS::Region}:${AWS::AccountId}:certificate/00000000-0000-0000-0000-000000000000';
