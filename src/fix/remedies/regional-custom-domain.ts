// R29, R27: a REGIONAL custom domain behind a Route 53 alias (A): Route 53 answers the alias itself, so the VPC
// resolver never asks for d-....execute-api... (which the endpoint's zone would capture). REST and HTTP APIs.
import type { Model } from '../../model/index.js';
import { addResources } from '../template-text.js';
import { fromTemplate } from '../model-edit.js';
import { targetApi } from '../requests.js';
import type { Candidate, FixContext, Patch, Remedy } from '../types.js';
import { addDomain, planDomain, REGIONAL_CERT, type DomainPlan } from './custom-domain.js';

function resources(plan: DomainPlan, apiLogicalId: string, http: boolean): Record<string, string[]> {
  const id = plan.logicalId;
  const mapping = http
    ? ['Type: AWS::ApiGatewayV2::ApiMapping', ...(plan.stageResource ? [`DependsOn: ${plan.stageResource}`] : []), 'Properties:',
        `  DomainName: !Ref ${id}`, `  ApiId: !Ref ${apiLogicalId}`, `  Stage: ${plan.stageValue ?? '$default'}`]
    : ['Type: AWS::ApiGateway::BasePathMapping', ...(plan.stageResource ? [`DependsOn: ${plan.stageResource}`] : []), 'Properties:',
        `  DomainName: !Ref ${id}`, `  RestApiId: !Ref ${apiLogicalId}`, ...(plan.stageValue ? [`  Stage: ${plan.stageValue}`] : [])];
  const domain = http
    ? ['Type: AWS::ApiGatewayV2::DomainName', 'Properties:', `  DomainName: ${plan.name}`, '  DomainNameConfigurations:',
        `    - CertificateArn: ${REGIONAL_CERT}`, '      EndpointType: REGIONAL']
    : ['Type: AWS::ApiGateway::DomainName', 'Properties:', `  DomainName: ${plan.name}`,
        `  RegionalCertificateArn: ${REGIONAL_CERT}`, '  EndpointConfiguration:', '    Types:', '      - REGIONAL'];
  const zone = plan.name.split('.').slice(1).join('.');
  const record = ['Type: AWS::Route53::RecordSet', 'Properties:', `  HostedZoneName: ${zone}.`, `  Name: ${plan.name}`, '  Type: A',
    '  AliasTarget:', `    DNSName: !GetAtt ${id}.RegionalDomainName`, `    HostedZoneId: !GetAtt ${id}.RegionalHostedZoneId`];
  return { [id]: domain, [`${id}Mapping`]: mapping, [`${id}Alias`]: record };
}

export const regionalCustomDomain: Remedy = {
  id: 'regional-custom-domain',
  title: 'Call the API through a REGIONAL custom domain with a Route 53 alias record',
  rule: 'R29',
  causes: ['public-api-via-vpc-endpoint', 'default-endpoint-disabled'],
  propose(ctx: FixContext): Candidate[] {
    const api = targetApi(ctx.model, ctx.request);
    if (!api || api.kind === 'WEBSOCKET' || api.endpointType === 'PRIVATE') return [];
    const plan = planDomain(ctx, api, 'RegionalDomain');
    if (!plan) return [];
    const http = api.kind === 'HTTP';
    const method = ctx.request.kind === 'http' ? ctx.request.method : 'GET';
    const facts = `dns:\n  - name: ${plan.name}\n    type: ALIAS\n    value: "${api.fromFacts ? '<the regional domain name the owner gives you>' : `\${${plan.logicalId}.RegionalDomainName}`}"`;
    let patch: Patch;
    if (api.fromFacts) {
      patch = { edits: [], commands: [], facts, request: `${method} ${plan.url}` };
    } else if (fromTemplate(api)) {
      const edit = addResources(ctx.texts, api.origin!.file, resources(plan, api.origin!.logicalId!, http));
      patch = edit ? { edits: [edit], commands: [], request: `${method} ${plan.url}` }
        : { edits: [], commands: [], note: 'the template is JSON or unreadable: add the resources by hand' };
    } else {
      patch = {
        edits: [], facts,
        commands: http
          ? [`aws apigatewayv2 create-domain-name --domain-name ${plan.name} --domain-name-configurations CertificateArn=<ACM certificate in ${api.region}>,EndpointType=REGIONAL`,
              `aws apigatewayv2 create-api-mapping --domain-name ${plan.name} --api-id ${api.id} --stage ${plan.stage ?? '$default'}`]
          : [`aws apigateway create-domain-name --domain-name ${plan.name} --endpoint-configuration types=REGIONAL --regional-certificate-arn <ACM certificate in ${api.region}>`,
              `aws apigateway create-base-path-mapping --domain-name ${plan.name} --rest-api-id ${api.id}${plan.stage ? ` --stage ${plan.stage}` : ''}`],
      };
    }
    const owner = api.fromFacts
      ? `Ask the owner of API ${api.id} to add a REGIONAL custom domain (e.g. ${plan.name}) mapped to ` +
        `${plan.stage ? `stage ${plan.stage}` : 'its stage'}, published as a Route 53 alias (A) record, not a CNAME, and call ${plan.url} instead.`
      : undefined;
    return [{
      id: `regional-custom-domain:${api.name ?? api.id}`,
      title: `${api.fromFacts ? 'Ask the owner for' : 'Add'} a REGIONAL custom domain ${plan.name} (Route 53 alias) for ${api.name ?? api.id} and call it instead`,
      description: `Create the REGIONAL custom domain ${plan.name} mapped to ${api.name ?? api.id}${plan.stage ? ` stage ${plan.stage}` : ''}, ` +
        `publish it as a Route 53 alias (A) record to the domain's regional name, and call ${plan.url}. Route 53 answers the ` +
        'alias with public addresses itself; a CNAME would lead back into the endpoint\'s *.execute-api zone (R29, R27).',
      apply: (model: Model) => addDomain(model, plan, 'REGIONAL', ctx),
      request: plan.request,
      patch,
      assumes: [
        `an ACM certificate for ${plan.name} in ${api.region} (R27)`,
        `the public hosted zone ${plan.name.split('.').slice(1).join('.')} in Route 53 (the record must be an alias, not a CNAME at another provider)`,
        'the caller has internet access (internet gateway with a public IP, or NAT), R32',
      ],
      ...(owner ? { ownerAction: owner } : {}),
    }];
  },
};
