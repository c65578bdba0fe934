// SAM: implicit APIs from function events, Globals, Auth.ResourcePolicy as SAM expands it, Domain, `Api.Stage` refs.
import { describe, expect, it } from 'vitest';
import { loadText, yaml } from './test-support.js';

const HEAD = ['Transform: AWS::Serverless-2016-10-31'];

function sam(...lines: string[]) {
  const result = loadText(yaml(...HEAD, ...lines));
  expect(result.problems).toEqual([]);
  return result.model;
}

describe('SAM', () => {
  it('Api events with no RestApiId create ServerlessRestApi (EDGE, stage Prod) and its methods', () => {
    const model = sam(
      'Resources:',
      '  Fn:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Runtime: nodejs22.x',
      '      Handler: index.handler',
      '      InlineCode: x',
      '      Events:',
      '        List: { Type: Api, Properties: { Path: /items, Method: get } }',
      '        One: { Type: Api, Properties: { Path: "/items/{id}", Method: any } }',
      '        Http: { Type: HttpApi }',
      'Outputs:',
      '  Url: { Value: !Sub "https://${ServerlessRestApi}.execute-api.${AWS::Region}.amazonaws.com/Prod/items" }',
    );
    const rest = model.apis.find((a) => a.name === 'ServerlessRestApi')!;
    expect(rest.endpointType).toBe('EDGE');
    expect(rest.stages).toEqual([expect.objectContaining({ name: 'Prod' }), expect.objectContaining({ name: 'Stage' })]);
    expect(rest.resources).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: '/items', methods: ['GET'] }), expect.objectContaining({ path: '/items/{id}', methods: ['ANY'] }),
    ]));
    const http = model.apis.find((a) => a.name === 'ServerlessHttpApi')!;
    expect(http).toEqual(expect.objectContaining({ kind: 'HTTP', endpointType: 'REGIONAL', stages: [expect.objectContaining({ name: '$default' })] }));
    expect(http.resources).toEqual([expect.objectContaining({ path: '/{proxy+}', methods: ['ANY'] })]);
    expect(model.stacks[0]!.outputs.Url).toBe(`https://${rest.id}.execute-api.us-east-1.amazonaws.com/Prod/items`);
    expect(model.stacks[0]!.resources.ServerlessRestApiProdStage!.ref).toBe('Prod');
  });

  it('Globals, Auth.ResourcePolicy expanded per path as SAM does, events into an explicit managed API, Api.Stage', () => {
    const model = sam(
      'Parameters:', '  Endpoint: { Type: String, Default: vpce-0123456789abcdef0 }',
      'Globals:',
      '  Function: { Runtime: python3.12, Handler: app.handler, VpcConfig: { SubnetIds: [!Ref Subnet], SecurityGroupIds: [!GetAtt Vpc.DefaultSecurityGroup] } }',
      '  Api:',
      '    OpenApiVersion: 3.0.1',
      '    EndpointConfiguration: { Type: PRIVATE, VPCEndpointIds: [!Ref Endpoint] }',
      'Resources:',
      '  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }',
      '  Subnet: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.3.0/24 } }',
      '  Api:',
      '    Type: AWS::Serverless::Api',
      '    Properties:',
      '      StageName: live',
      '      Auth:',
      '        ResourcePolicy:',
      '          IntrinsicVpceWhitelist: [!Ref Endpoint]',
      '          CustomStatements: [{ Effect: Deny, Principal: "*", Action: execute-api:Invoke, Resource: execute-api:/*/DELETE/* }]',
      '  Fn:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      InlineCode: x',
      '      Events:',
      '        Get: { Type: Api, Properties: { RestApiId: !Ref Api, Path: "/orders/{id}", Method: GET } }',
      'Outputs:',
      '  Stage: { Value: !Ref Api.Stage }',
    );
    const api = model.apis[0]!;
    expect(api.endpointType).toBe('PRIVATE');
    expect(api.vpcEndpointIds).toEqual(['vpce-0123456789abcdef0']);
    // OpenApiVersion in Globals: no extra "Stage" stage.
    expect(api.stages).toEqual([expect.objectContaining({ name: 'live' })]);
    expect(api.resources).toEqual(expect.arrayContaining([expect.objectContaining({ path: '/orders/{id}', methods: ['GET'] }), expect.objectContaining({ path: '/orders', methods: [] })]));
    const resource = ['execute-api:/live/GET/orders/*'];
    expect(api.policy).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: resource, Principal: '*' },
        { Effect: 'Deny', Action: 'execute-api:Invoke', Resource: resource, Principal: '*', Condition: { StringNotEquals: { 'aws:SourceVpce': ['vpce-0123456789abcdef0'] } } },
        { Effect: 'Deny', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*/DELETE/*' },
      ],
    });
    expect(model.stacks[0]!.outputs.Stage).toBe('live');
    expect(model.stacks[0]!.resources.Api!.attributes.Stage).toBe('live');
    const fn = model.lambdaFunctions[0]!;
    const eni = model.networkInterfaces.find((e) => e.id === fn.networkInterfaceIds[0])!;
    expect(eni.privateIps).toEqual(['10.0.3.10']);
    expect(eni.securityGroupIds).toEqual([model.securityGroups.find((g) => g.groupName === 'default')!.id]);
  });

  it('an explicit API with its own DefinitionBody keeps it: events do not add paths (SAM manages only its own)', () => {
    const model = sam(
      'Resources:',
      '  Api:',
      '    Type: AWS::Serverless::Api',
      '    Properties:',
      '      StageName: v1',
      '      EndpointConfiguration: REGIONAL',
      '      DefinitionBody: { openapi: 3.0.1, paths: { /a: { post: {} } } }',
      '  Fn:',
      '    Type: AWS::Serverless::Function',
      '    Properties: { Runtime: x, Handler: y, InlineCode: z, Events: { E: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /b, Method: get } } } }',
    );
    const api = model.apis[0]!;
    expect(api.endpointType).toBe('REGIONAL');
    expect(api.resources).toEqual([expect.objectContaining({ path: '/', methods: [] }), expect.objectContaining({ path: '/a', methods: ['POST'] })]);
  });

  it('IP and account lists, blacklists; a Domain with base paths and a Route 53 alias', () => {
    const model = sam(
      'Resources:',
      '  Zone: { Type: AWS::Route53::HostedZone, Properties: { Name: example.com } }',
      '  Api:',
      '    Type: AWS::Serverless::Api',
      '    Properties:',
      '      StageName: prod',
      '      Auth: { ResourcePolicy: { IpRangeBlacklist: [198.51.100.0/24], AwsAccountWhitelist: ["333333333333"], SourceVpcBlacklist: [vpc-1, vpce-2] } }',
      '      Domain: { DomainName: Api.Example.com, CertificateArn: arn:x, BasePath: [/v1], Route53: { HostedZoneId: !Ref Zone } }',
      '  Fn:',
      '    Type: AWS::Serverless::Function',
      '    Properties: { Runtime: x, Handler: y, InlineCode: z, Events: { E: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /, Method: any } } } }',
    );
    const api = model.apis[0]!;
    const policy = api.policy as { Statement: { Effect: string; Condition?: unknown; Principal?: unknown; Resource?: unknown }[] };
    expect(policy.Statement.map((s) => [s.Effect, s.Condition ?? s.Principal])).toEqual([
      ['Allow', { AWS: ['333333333333'] }],
      ['Allow', '*'],
      ['Deny', { IpAddress: { 'aws:SourceIp': ['198.51.100.0/24'] } }],
      ['Deny', { StringEquals: { 'aws:SourceVpc': ['vpc-1'], 'aws:SourceVpce': ['vpce-2'] } }],
    ]);
    expect(policy.Statement[0]!.Resource).toEqual(['execute-api:/prod/*/']);
    const domain = model.domainNames[0]!;
    expect(domain).toEqual(expect.objectContaining({ domainName: 'api.example.com', endpointType: 'REGIONAL' }));
    expect(domain.mappings).toEqual([expect.objectContaining({ basePath: 'v1', apiId: api.id, stage: 'prod' })]);
    expect(model.hostedZones[0]!.records).toEqual([expect.objectContaining({ name: 'api.example.com', type: 'A', alias: expect.objectContaining({ dnsName: domain.regionalDomainName }) })]);
  });

  it('an event naming a non-SAM API is an input error; an HttpApi with a definition', () => {
    const { problems } = loadText(yaml(...HEAD,
      'Resources:',
      '  Rest: { Type: AWS::ApiGateway::RestApi, Properties: { Name: r } }',
      '  Fn:',
      '    Type: AWS::Serverless::Function',
      '    Properties: { Runtime: x, Handler: y, InlineCode: z, Events: { E: { Type: Api, Properties: { RestApiId: !Ref Rest, Path: /b, Method: get } } } }',
    ));
    expect(problems.map((p) => p.code)).toEqual(['sam-event']);
    const model = sam('Resources:', '  H:', '    Type: AWS::Serverless::HttpApi',
      '    Properties: { StageName: api, DefinitionBody: { openapi: 3.0.1, paths: { /x: { get: {}, x-amazon-apigateway-any-method: {} } } } }');
    expect(model.apis[0]!).toEqual(expect.objectContaining({ kind: 'HTTP', stages: [expect.objectContaining({ name: 'api' })], resources: [expect.objectContaining({ path: '/x', methods: ['GET', 'ANY'] })] }));
  });
});
