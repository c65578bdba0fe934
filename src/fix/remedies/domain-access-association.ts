// R25: a private custom domain answers only through VPC endpoints associated with it. The consumer (the owner of
// the endpoint) creates the domain name access association: AWS::ApiGateway::DomainNameAccessAssociation with the
// domain's ARN, AccessAssociationSource the endpoint id, AccessAssociationSourceType VPCE.
import type { DomainNameAccessAssociation, Model } from '../../model/index.js';
import { addElements, fromTemplate, madeUp } from '../model-edit.js';
import { addResources } from '../template-text.js';
import type { Candidate, FixContext, Patch, Remedy } from '../types.js';
import { clientAccount, named, refusal } from './api-request.js';
import { freeName, referTo, takenNames } from './yaml-text.js';

export const domainAccessAssociation: Remedy = {
  id: 'domain-access-association',
  title: 'Associate the VPC endpoint with the private custom domain',
  rule: 'R25',
  causes: ['domain-not-associated'],
  propose(ctx: FixContext): Candidate[] {
    const hop = refusal(ctx.trace, 'domain-association');
    const endpoint = hop?.elementId ? ctx.model.vpcEndpoints.find((e) => e.id === hop.elementId) : undefined;
    if (!endpoint || ctx.request.kind !== 'http') return [];
    const host = (ctx.request.headers.host ?? ctx.request.url.hostname).toLowerCase().replace(/:\d+$/, '');
    const domain = ctx.model.domainNames.find((d) => d.domainName === host && d.endpointType === 'PRIVATE' && d.region === endpoint.region);
    if (!domain) return [];
    const foreign = domain.account !== clientAccount(ctx);
    const association: DomainNameAccessAssociation = {
      id: `arn:aws:apigateway:${endpoint.region}:${clientAccount(ctx)}:/domainnameaccessassociations/${madeUp(`${domain.arn}:${endpoint.id}`, 10)}`,
      name: 'DomainAccessAssociation', origin: { file: 'vpcpath fix', path: `proposed access association for ${domain.domainName}` },
      domainNameArn: domain.arn, vpcEndpointId: endpoint.id,
    };
    let patch: Patch;
    const assumes: string[] = [];
    if (fromTemplate(endpoint)) {
      const file = endpoint.origin!.file;
      const arn = referTo(ctx.texts, ctx.model, file, domain, domain.arn, `the ARN of the private custom domain ${domain.domainName}`, fromTemplate(domain) ? 'DomainNameArn' : undefined);
      const source = referTo(ctx.texts, ctx.model, file, endpoint, endpoint.id, `the id of ${named(endpoint)}`);
      const logicalId = freeName(takenNames(ctx.texts, file), `${named(endpoint).replace(/[^A-Za-z0-9]/g, '')}DomainAccessAssociation`);
      const add = arn && source ? addResources(ctx.texts, file, {
        [logicalId]: ['Type: AWS::ApiGateway::DomainNameAccessAssociation', 'Properties:', `  DomainNameArn: ${arn.expr.yaml}`,
          `  AccessAssociationSource: ${source.expr.yaml}`, '  AccessAssociationSourceType: VPCE'],
      }) : undefined;
      patch = add && arn && source
        ? { edits: [...arn.edits, ...source.edits, add], commands: [] }
        : { edits: [], commands: [], note: 'the template is JSON or could not be read: add the AWS::ApiGateway::DomainNameAccessAssociation by hand' };
      assumes.push(...(arn?.assumes ?? []), ...(source?.assumes ?? []));
    } else {
      patch = {
        edits: [], commands: [
          `aws apigateway create-domain-name-access-association --domain-name-arn ${domain.arn} --access-association-source-type VPCE --access-association-source ${endpoint.id}`,
        ],
      };
    }
    if (foreign) {
      assumes.push(`the owner of ${domain.domainName} (account ${domain.account}) shares the domain with your account (AWS RAM, or the domain's managementPolicy), R25`);
    }
    assumes.push(
      `${named(endpoint)} is not also the endpoint this VPC uses to reach public custom domains: AWS advises against associating such an endpoint (R25)`,
    );
    return [{
      id: `domain-access-association:${named(endpoint)}`,
      title: `Associate ${named(endpoint)} with the private custom domain ${domain.domainName}`,
      description: `Create a domain name access association between ${named(endpoint)}${fromTemplate(endpoint) ? '' : ` (${endpoint.id})`} and ` +
        `${domain.domainName}${fromTemplate(domain) ? '' : ` (${domain.arn})`}: AWS::ApiGateway::DomainNameAccessAssociation with ` +
        'AccessAssociationSourceType VPCE. A private custom ' +
        'domain answers only through the VPC endpoints associated with it; the association is made by the endpoint\'s owner (R25).',
      apply: (model: Model) => addElements(model, { domainNameAccessAssociations: [association] }),
      patch,
      assumes,
    }];
  },
};
