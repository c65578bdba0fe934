// Custom domain names: AWS::ApiGateway::DomainName (EDGE/REGIONAL), BasePathMapping, DomainNameV2 (PRIVATE),
// BasePathMappingV2, DomainNameAccessAssociation (R25, R26, R27, R28).
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigateway-domainnamev2.html
import { isKnown, isPlaceholderId, unknown, type DomainName, type EndpointType, type Maybe } from '../../../model/index.js';
import { awsOwnedZoneId, CLOUDFRONT_ZONE_ID } from '../made-up-ids.js';
import type { Mut } from '../model-builder.js';
import { readPolicy } from '../policy-doc.js';
import { partitionOf } from '../pseudo.js';
import type { ResourceContext } from '../resource-context.js';
import { restEndpointType } from './api-gateway-rest.js';
import type { ResourceHandler } from './handler.js';
import { T } from './types.js';

/** The domain name, lower case; an unknown one (a parameter with no value) is a placeholder. */
export function domainNameOf(ctx: ResourceContext, key = 'DomainName'): string {
  const name = ctx.id(key) ?? ctx.requiredId(key);
  return isPlaceholderId(name) ? name : name.toLowerCase().replace(/\.$/, '');
}

/** Adds a public custom domain; API Gateway assigns its CloudFront or regional target name. */
export function addPublicDomain(ctx: ResourceContext, name: string, endpointType: Maybe<EndpointType>): Mut<DomainName> {
  const existing = ctx.b.get('domainNames', name);
  if (existing) return existing;
  const edge = endpointType === 'EDGE';
  return ctx.b.add('domainNames', {
    id: name, name: ctx.logicalId, origin: ctx.here, domainName: name, endpointType, region: ctx.region, account: ctx.account,
    arn: `arn:${partitionOf(ctx.region)}:apigateway:${ctx.region}::/domainnames/${name}`,
    ...(edge ? { distributionDomainName: ctx.madeUp.cloudFrontName(ctx.logicalId) } : { regionalDomainName: ctx.madeUp.regionalDomainName(ctx.logicalId) }),
    mappings: [],
  });
}

export function domainAttributes(ctx: ResourceContext, d: DomainName): Record<string, string | undefined> {
  return {
    DistributionDomainName: d.distributionDomainName,
    DistributionHostedZoneId: d.distributionDomainName ? CLOUDFRONT_ZONE_ID : undefined,
    RegionalDomainName: d.regionalDomainName,
    RegionalHostedZoneId: d.regionalDomainName ? awsOwnedZoneId(ctx.region, 'execute-api') : undefined,
    DomainNameArn: d.arn,
  };
}

export const domainName: ResourceHandler = {
  type: 'AWS::ApiGateway::DomainName',
  attributes: ['DistributionDomainName', 'DistributionHostedZoneId', 'DomainNameArn', 'RegionalDomainName', 'RegionalHostedZoneId'],
  build(ctx) {
    const name = domainNameOf(ctx);
    // API Gateway's default endpoint type for a custom domain name is EDGE.
    const d = addPublicDomain(ctx, name, restEndpointType(ctx, ctx.sub('EndpointConfiguration')?.val('Types')));
    return { ref: name, attributes: domainAttributes(ctx, d) };
  },
};

/** `(none)`, `''` and `/` are the root mapping; otherwise the path without slashes at the ends. */
export function basePathOf(ctx: ResourceContext, key: string): string {
  const raw = ctx.text(key) ?? '';
  const trimmed = raw.replace(/^\/+|\/+$/g, '');
  return trimmed === '(none)' ? '' : trimmed;
}

function addMapping(ctx: ResourceContext, domain: Mut<DomainName> | undefined, what: string, apiKey: string, stageKey: string, baseKey: string): void {
  if (!domain) {
    ctx.note('info', 'outside-model', `${ctx.logicalId} maps ${what}, which is not in the model`);
    return;
  }
  const stage = ctx.str(stageKey);
  const apiId: Maybe<string> = ctx.str(apiKey) ?? unknown(`${ctx.logicalId} has no ${apiKey}`, ctx.here);
  ctx.checkType(apiKey, apiKey === 'ApiId' ? T.HTTP_API : T.REST_API);
  domain.mappings.push({ basePath: basePathOf(ctx, baseKey), apiId, ...(stage !== undefined ? { stage } : {}), origin: ctx.here });
}

export const basePathMapping: ResourceHandler = {
  type: 'AWS::ApiGateway::BasePathMapping',
  attributes: [],
  build(ctx) {
    const name = domainNameOf(ctx);
    addMapping(ctx, ctx.b.get('domainNames', name), `domain ${name}`, 'RestApiId', 'Stage', 'BasePath');
    return { ref: `${name}/${basePathOf(ctx, 'BasePath') || '(none)'}` };
  },
};

export const domainNameV2: ResourceHandler = {
  type: 'AWS::ApiGateway::DomainNameV2',
  attributes: ['DomainNameArn', 'DomainNameId'],
  build(ctx) {
    const name = domainNameOf(ctx);
    const domainNameId = ctx.short('domain-name-id');
    const arn = `arn:${partitionOf(ctx.region)}:apigateway:${ctx.region}:${ctx.account}:/domainnames/${name}+${domainNameId}`;
    const endpointType = restEndpointType(ctx, ctx.sub('EndpointConfiguration')?.val('Types'));
    const policy = readPolicy(ctx.val('Policy'), ctx, 'Policy');
    if (endpointType !== 'PRIVATE' && isKnown(endpointType)) {
      ctx.note('warning', 'not-private', `${ctx.logicalId} is a DomainNameV2 with endpoint type ${endpointType}; only PRIVATE is modelled as a private custom domain`);
    }
    ctx.b.add('domainNames', {
      id: arn, name: ctx.logicalId, origin: ctx.here, domainName: name, endpointType, region: ctx.region, account: ctx.account, arn,
      ...(policy !== undefined ? { policy, policyOrigin: ctx.origin('Policy') } : {}),
      mappings: [],
    });
    return { ref: arn, attributes: { DomainNameArn: arn, DomainNameId: domainNameId } };
  },
};

export const basePathMappingV2: ResourceHandler = {
  type: 'AWS::ApiGateway::BasePathMappingV2',
  attributes: ['BasePathMappingArn'],
  build(ctx) {
    const arn = ctx.requiredId('DomainNameArn');
    const domain = ctx.b.model.domainNames.find((d) => d.arn === arn) as Mut<DomainName> | undefined;
    addMapping(ctx, domain, `domain ${arn}`, 'RestApiId', 'Stage', 'BasePath');
    const mappingArn = `${arn}/basepathmappings/${basePathOf(ctx, 'BasePath') || '(none)'}`;
    return { ref: mappingArn, attributes: { BasePathMappingArn: mappingArn } };
  },
};

export const domainNameAccessAssociation: ResourceHandler = {
  type: 'AWS::ApiGateway::DomainNameAccessAssociation',
  attributes: ['DomainNameAccessAssociationArn'],
  build(ctx) {
    const domainNameArn = ctx.str('DomainNameArn') ?? unknown('no DomainNameArn', ctx.here);
    const vpcEndpointId = ctx.str('AccessAssociationSource') ?? unknown('no AccessAssociationSource', ctx.here);
    ctx.checkType('AccessAssociationSource', T.VPC_ENDPOINT);
    const sourceType = ctx.text('AccessAssociationSourceType');
    if (sourceType && sourceType !== 'VPCE') ctx.problem('bad-property', 'AccessAssociationSourceType must be VPCE', ctx.loc('AccessAssociationSourceType'));
    const arn = `arn:${partitionOf(ctx.region)}:apigateway:${ctx.region}:${ctx.account}:/domainnameaccessassociations/${ctx.short('association')}`;
    ctx.b.add('domainNameAccessAssociations', { id: arn, name: ctx.logicalId, origin: ctx.here, domainNameArn, vpcEndpointId });
    return { ref: arn, attributes: { DomainNameAccessAssociationArn: arn } };
  },
};
