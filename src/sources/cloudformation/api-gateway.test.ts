// API Gateway resources beyond the conformance templates: inline definitions, policies as JSON strings, S3 bodies,
// nested resources, domains and mappings of both API versions.
import { describe, expect, it } from 'vitest';
import { loadText, yaml } from './test-support.js';

function load(...lines: string[]) {
  const result = loadText(yaml('Resources:', ...lines));
  expect(result.problems).toEqual([]);
  return result.model;
}

describe('API Gateway', () => {
  it('a RestApi Body: paths with parent resources, the policy and endpoint configuration extensions; properties win', () => {
    const model = load(
      '  Api:',
      '    Type: AWS::ApiGateway::RestApi',
      '    Properties:',
      '      EndpointConfiguration: { Types: [PRIVATE] }',
      '      Body:',
      '        openapi: 3.0.1',
      '        x-amazon-apigateway-endpoint-configuration: { vpcEndpointIds: [vpce-0aaaaaaaaaaaaaaaa], disableExecuteApiEndpoint: true }',
      '        x-amazon-apigateway-policy: { Statement: [{ Effect: Allow, Principal: "*", Action: execute-api:Invoke, Resource: execute-api:/* }] }',
      '        paths:',
      '          /a/b/{c}: { get: {}, post: {} }',
      '          /: { x-amazon-apigateway-any-method: {} }',
      '  Other:',
      '    Type: AWS::ApiGateway::RestApi',
      '    Properties:',
      '      Policy: \'{"Version":"2012-10-17","Statement":{"Effect":"Deny","Principal":"*","Action":"execute-api:Invoke","Resource":"*"}}\'',
      '      BodyS3Location: { Bucket: b, Key: k }',
    );
    const api = model.apis.find((a) => a.name === 'Api')!;
    expect(api.endpointType).toBe('PRIVATE');
    expect(api.vpcEndpointIds).toEqual(['vpce-0aaaaaaaaaaaaaaaa']);
    expect(api.disableExecuteApiEndpoint).toBe(true);
    expect(api.policy).toEqual({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' }] });
    expect(api.resources).toEqual([
      expect.objectContaining({ path: '/', methods: ['ANY'] }), expect.objectContaining({ path: '/a', methods: [] }),
      expect.objectContaining({ path: '/a/b', methods: [] }), expect.objectContaining({ path: '/a/b/{c}', methods: ['GET', 'POST'] }),
    ]);
    const other = model.apis.find((a) => a.name === 'Other')!;
    expect(other.endpointType).toBe('EDGE');
    expect(other.resources).toEqual(expect.objectContaining({ kind: 'unknown', reason: expect.stringContaining('S3') }));
    expect(other.policy).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 'execute-api:Invoke', Resource: '*' }] });
  });

  it('nested Resource chains, methods on the root, a Deployment that creates its stage', () => {
    const model = load(
      '  Api: { Type: AWS::ApiGateway::RestApi, Properties: { Name: a, EndpointConfiguration: { Types: [REGIONAL] } } }',
      '  V1: { Type: AWS::ApiGateway::Resource, Properties: { RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: v1 } }',
      '  Item: { Type: AWS::ApiGateway::Resource, Properties: { RestApiId: !Ref Api, ParentId: !Ref V1, PathPart: "{id}" } }',
      '  Put: { Type: AWS::ApiGateway::Method, Properties: { RestApiId: !Ref Api, ResourceId: !Ref Item, HttpMethod: put, AuthorizationType: NONE } }',
      '  Root: { Type: AWS::ApiGateway::Method, Properties: { RestApiId: !Ref Api, ResourceId: !GetAtt Api.RootResourceId, HttpMethod: ANY } }',
      '  Deploy: { Type: AWS::ApiGateway::Deployment, Properties: { RestApiId: !Ref Api, StageName: beta } }',
    );
    const api = model.apis[0]!;
    expect(api.resources).toEqual([
      expect.objectContaining({ path: '/', methods: ['ANY'] }), expect.objectContaining({ path: '/v1', methods: [] }),
      expect.objectContaining({ path: '/v1/{id}', methods: ['PUT'] }),
    ]);
    expect(api.stages).toEqual([expect.objectContaining({ name: 'beta' })]);
  });

  it('v1 and v2 domains share one namespace; mappings with base paths; DomainNameV2 and its access association', () => {
    const model = load(
      '  Rest: { Type: AWS::ApiGateway::RestApi, Properties: { Name: r } }',
      '  Http: { Type: AWS::ApiGatewayV2::Api, Properties: { Name: h, ProtocolType: HTTP, Target: arn:aws:lambda:us-east-1:111111111111:function:f } }',
      '  Domain: { Type: AWS::ApiGatewayV2::DomainName, Properties: { DomainName: api.example.com, DomainNameConfigurations: [{ EndpointType: REGIONAL, CertificateArn: c }] } }',
      '  MapHttp: { Type: AWS::ApiGatewayV2::ApiMapping, Properties: { DomainName: !Ref Domain, ApiId: !Ref Http, Stage: $default, ApiMappingKey: v2/x } }',
      '  MapRest: { Type: AWS::ApiGateway::BasePathMapping, Properties: { DomainName: !Ref Domain, RestApiId: !Ref Rest, BasePath: /v1/ } }',
      '  Private: { Type: AWS::ApiGateway::DomainNameV2, Properties: { DomainName: private.example.com, EndpointConfiguration: { Types: [PRIVATE] } } }',
      '  Assoc: { Type: AWS::ApiGateway::DomainNameAccessAssociation, Properties: { DomainNameArn: !Ref Private, AccessAssociationSource: vpce-0bbbbbbbbbbbbbbbb, AccessAssociationSourceType: VPCE } }',
    );
    const http = model.apis.find((a) => a.name === 'Http')!;
    expect(http.stages).toEqual([expect.objectContaining({ name: '$default' })]);
    expect(http.resources).toEqual([expect.objectContaining({ path: '/{proxy+}', methods: ['ANY'] })]);
    const domain = model.domainNames.find((d) => d.domainName === 'api.example.com')!;
    expect(domain.mappings.map((m) => [m.basePath, m.apiId, m.stage])).toEqual([
      ['v2/x', http.id, '$default'], ['v1', model.apis.find((a) => a.name === 'Rest')!.id, undefined],
    ]);
    const priv = model.domainNames.find((d) => d.domainName === 'private.example.com')!;
    expect(priv.endpointType).toBe('PRIVATE');
    expect(priv.id).toBe(priv.arn);
    expect(model.stacks[0]!.resources.Private!.ref).toBe(priv.arn);
    expect(model.domainNameAccessAssociations).toEqual([expect.objectContaining({ domainNameArn: priv.arn, vpcEndpointId: 'vpce-0bbbbbbbbbbbbbbbb' })]);
  });
});
