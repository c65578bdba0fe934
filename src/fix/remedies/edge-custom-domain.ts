// R29, R26: an EDGE-optimized custom domain for a public REST API; its name leads to CloudFront, outside the
// endpoint's *.execute-api zone, so the VPC reaches the API over the internet while private DNS stays on.
import type { Model } from '../../model/index.js';
import { addResources } from '../template-text.js';
import { fromTemplate } from '../model-edit.js';
import { targetApi } from '../requests.js';
import type { Candidate, FixContext, Patch, Remedy } from '../types.js';
import { addDomain, EDGE_CERT, planDomain } from './custom-domain.js';

export const edgeCustomDomain: Remedy = {
  id: 'edge-custom-domain',
  title: 'Call the API through an EDGE-optimized custom domain',
  rule: 'R29',
  causes: ['public-api-via-vpc-endpoint', 'default-endpoint-disabled'],
  propose(ctx: FixContext): Candidate[] {
    const api = targetApi(ctx.model, ctx.request);
    if (!api || api.kind !== 'REST' || api.endpointType === 'PRIVATE') return []; // R26: EDGE domains are REST only
    const plan = planDomain(ctx, api, 'EdgeDomain');
    if (!plan) return [];
    const facts = `dns:\n  - name: ${plan.name}\n    type: CNAME\n    value: "${api.fromFacts ? '<the distribution name the owner gives you>' : `\${${plan.logicalId}.DistributionDomainName}`}"`;
    const mappingId = `${plan.logicalId}Mapping`;
    let patch: Patch;
    if (api.fromFacts) {
      patch = { edits: [], commands: [], facts, request: `${ctx.request.kind === 'http' ? ctx.request.method : 'GET'} ${plan.url}` };
    } else if (fromTemplate(api)) {
      const edit = addResources(ctx.texts, api.origin!.file, {
        [plan.logicalId]: ['Type: AWS::ApiGateway::DomainName', 'Properties:', `  DomainName: ${plan.name}`,
          `  CertificateArn: ${EDGE_CERT}`, '  EndpointConfiguration:', '    Types:', '      - EDGE'],
        [mappingId]: ['Type: AWS::ApiGateway::BasePathMapping', ...(plan.stageResource ? [`DependsOn: ${plan.stageResource}`] : []),
          'Properties:', `  DomainName: !Ref ${plan.logicalId}`, `  RestApiId: !Ref ${api.origin!.logicalId}`,
          ...(plan.stageValue ? [`  Stage: ${plan.stageValue}`] : [])],
      });
      patch = edit
        ? { edits: [edit], commands: [], facts, request: `${ctx.request.kind === 'http' ? ctx.request.method : 'GET'} ${plan.url}` }
        : { edits: [], commands: [], facts, note: 'the template is JSON or unreadable: add the resources by hand' };
    } else {
      patch = {
        edits: [], facts,
        commands: [
          `aws apigateway create-domain-name --domain-name ${plan.name} --endpoint-configuration types=EDGE --certificate-arn <ACM certificate in us-east-1>`,
          `aws apigateway create-base-path-mapping --domain-name ${plan.name} --rest-api-id ${api.id}${plan.stage ? ` --stage ${plan.stage}` : ''}`,
        ],
      };
    }
    const owner = api.fromFacts
      ? `Ask the owner of API ${api.id} to add an EDGE-optimized custom domain (e.g. ${plan.name}) mapped to ` +
        `${plan.stage ? `stage ${plan.stage}` : 'its stage'}, with a public DNS record for it, and call ${plan.url} instead.`
      : undefined;
    return [{
      id: `edge-custom-domain:${api.name ?? api.id}`,
      title: `${api.fromFacts ? 'Ask the owner for' : 'Add'} an EDGE custom domain ${plan.name} for ${api.name ?? api.id} and call it instead`,
      description: `Create the EDGE-optimized custom domain ${plan.name} with a base path mapping to ${api.name ?? api.id}` +
        `${plan.stage ? ` stage ${plan.stage}` : ''}, point ${plan.name} at its CloudFront distribution (CNAME or Route 53 alias), ` +
        `and call ${plan.url}. The name resolves to CloudFront, which the endpoint's private DNS does not cover (R29, R26).`,
      apply: (model: Model) => addDomain(model, plan, 'EDGE', ctx),
      request: plan.request,
      patch,
      assumes: [
        `an ACM certificate for ${plan.name} in us-east-1 (EDGE domains take it from there, R26)`,
        `a DNS record for ${plan.name} at your DNS provider: CNAME (or Route 53 alias) to the distribution name`,
        'the caller has internet access (internet gateway with a public IP, or NAT), R32',
      ],
      ...(owner ? { ownerAction: owner } : {}),
    }];
  },
};
