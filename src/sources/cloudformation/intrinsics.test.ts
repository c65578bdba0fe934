// Intrinsic functions, conditions, mappings, parameters and pseudo parameters, observed through stack outputs.
import { describe, expect, it } from 'vitest';
import { loadText, yaml } from './test-support.js';

function outputs(lines: string[], options = {}) {
  const { model, problems } = loadText(yaml(...lines), options);
  expect(problems).toEqual([]);
  return model.stacks[0]!.outputs;
}

const QUEUE = ['Resources:', '  Q: { Type: AWS::SQS::Queue }'];

describe('intrinsic functions', () => {
  it.each([
    ['!Sub "${AWS::Region}/${AWS::AccountId}/${AWS::StackName}/${AWS::Partition}/${AWS::URLSuffix}"', 'eu-central-1/123456789012/test/aws/amazonaws.com'],
    ['!Sub ["${A}-${B}", { A: x, B: !Join ["", [y, z]] }]', 'x-yz'],
    ['!Sub "literal ${!Keep} stays"', 'literal ${Keep} stays'],
    ['!Join [":", [a, b, c]]', 'a:b:c'],
    ['!Select [1, !Split [",", "a,b,c"]]', 'b'],
    ['!Select [2, !GetAZs ""]', 'eu-central-1c'],
    ['!Join [",", !Cidr [10.0.0.0/16, 3, 8]]', '10.0.0.0/24,10.0.1.0/24,10.0.2.0/24'],
    ['!Base64 hello', 'aGVsbG8='],
    ['!FindInMap [Sizes, !Ref AWS::Region, Cidr]', '10.5.0.0/16'],
    ['!If [IsProd, prod, dev]', 'dev'],
    ['!Length [a, b, c]', '3'],
    ['!ToJsonString { a: [1, x] }', '{"a":[1,"x"]}'],
    ['{ "Fn::Join": ["-", [{ "Ref": "AWS::Region" }, { "Fn::Select": ["0", ["p", "q"]] }]] }', 'eu-central-1-p'],
    ['!Sub "${Q.Arn}"', undefined],
  ])('%s', (expr, expected) => {
    const out = outputs([
      'Transform: AWS::LanguageExtensions',
      'Parameters:', '  Env: { Type: String, Default: dev }',
      'Mappings:', '  Sizes:', '    eu-central-1: { Cidr: 10.5.0.0/16 }',
      'Conditions:', '  IsProd: !Equals [!Ref Env, prod]',
      ...QUEUE, 'Outputs:', `  O: { Value: ${expr} }`,
    ], { region: 'eu-central-1', account: '123456789012' });
    if (expected === undefined) expect(out.O).toEqual(expect.objectContaining({ kind: 'unknown' }));
    else expect(out.O).toBe(expected);
  });

  it('Fn::If with AWS::NoValue removes the key; a resource whose condition is false does not exist', () => {
    const { model, problems } = loadText(yaml(
      'Parameters:', '  WithDns: { Type: String, AllowedValues: ["yes", "no"], Default: "no" }',
      'Conditions:', '  Dns: !Equals [!Ref WithDns, "yes"]', '  NoDns: !Not [!Condition Dns]',
      '  Both: !And [!Condition Dns, !Condition NoDns]', '  Either: !Or [!Condition Dns, !Condition NoDns]',
      'Resources:',
      '  Vpc:', '    Type: AWS::EC2::VPC',
      '    Properties: { CidrBlock: 10.0.0.0/16, EnableDnsSupport: !If [Dns, true, !Ref AWS::NoValue] }',
      '  Other:', '    Type: AWS::EC2::VPC', '    Condition: Both', '    Properties: { CidrBlock: 10.1.0.0/16 }',
      '  Third:', '    Type: AWS::EC2::VPC', '    Condition: Either', '    Properties: { CidrBlock: 10.2.0.0/16, EnableDnsSupport: false }',
    ));
    expect(problems).toEqual([]);
    expect(model.vpcs.map((v) => [v.name, v.enableDnsSupport, v.dnsSupportOrigin?.path])).toEqual([
      ['Vpc', true, 'Resources.Vpc.Properties'], ['Third', false, 'Resources.Third.Properties.EnableDnsSupport'],
    ]);
  });

  it('a parameter without a value is unknown with the reason; a condition on it is unknown', () => {
    const { model, problems } = loadText(yaml(
      'Parameters:', '  VpcEndpoint: { Type: String }', '  Flag: { Type: String }',
      'Conditions:', '  IsOn: !Equals [!Ref Flag, "on"]',
      ...QUEUE, 'Outputs:', '  O: { Value: !Ref VpcEndpoint }', '  P: { Value: !If [IsOn, a, b] }', '  Q: { Value: !If [IsOn, same, same] }',
    ));
    expect(problems).toEqual([]);
    const out = model.stacks[0]!.outputs;
    expect(out.O).toEqual(expect.objectContaining({ kind: 'unknown', reason: 'parameter VpcEndpoint has no value; pass --parameter VpcEndpoint=...' }));
    expect(out.P).toEqual(expect.objectContaining({ kind: 'unknown', reason: expect.stringContaining('parameter Flag has no value') }));
    expect(out.Q).toBe('same');
  });

  it('given parameters, list parameters, undeclared parameters ignored, AllowedValues checked', () => {
    const lines = [
      'Parameters:', '  Name: { Type: String, Default: d }', '  Ids: { Type: CommaDelimitedList }', '  Level: { Type: String, AllowedValues: [a, b] }',
      ...QUEUE, 'Outputs:', '  N: { Value: !Ref Name }', '  I: { Value: !Select [1, !Ref Ids] }', '  L: { Value: !Ref Level }',
    ];
    expect(outputs(lines, { parameters: { Name: 'given', Ids: 'x, y ,z', Level: 'a', Unused: 'u' } })).toEqual({ N: 'given', I: 'y', L: 'a' });
    const { problems } = loadText(yaml(...lines), { parameters: { Ids: 'x,y', Level: 'c' } });
    expect(problems).toEqual([expect.objectContaining({ code: 'parameter-not-allowed', line: 4, column: 3 })]);
  });

  it('Fn::ImportValue of an export no stack has is unknown, naming the export', () => {
    const out = outputs([...QUEUE, 'Outputs:', '  O: { Value: !ImportValue shared-Thing }']);
    expect(out.O).toEqual(expect.objectContaining({ kind: 'unknown', reason: expect.stringContaining('shared-Thing') }));
  });

  it('Ref and GetAtt answer what CloudFormation documents', () => {
    const { model, problems } = loadText(yaml(
      'Resources:',
      '  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }',
      '  Subnet: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1b } }',
      '  Eip: { Type: AWS::EC2::EIP }',
      '  Api: { Type: AWS::ApiGateway::RestApi, Properties: { Name: a } }',
      '  Http: { Type: AWS::ApiGatewayV2::Api, Properties: { Name: h, ProtocolType: HTTP } }',
      '  Zone: { Type: AWS::Route53::HostedZone, Properties: { Name: example.com } }',
      '  Domain: { Type: AWS::ApiGateway::DomainName, Properties: { DomainName: API.example.com, EndpointConfiguration: { Types: [REGIONAL] } } }',
      '  Fn: { Type: AWS::Lambda::Function, Properties: { FunctionName: f1, Runtime: x, Handler: y, Role: r, Code: { ZipFile: z } } }',
    ));
    expect(problems).toEqual([]);
    const r = model.stacks[0]!.resources;
    expect(r.Vpc!.ref).toMatch(/^vpc-[0-9a-f]{17}$/);
    expect(r.Vpc!.attributes).toEqual(expect.objectContaining({ CidrBlock: '10.0.0.0/16', DefaultSecurityGroup: expect.stringMatching(/^sg-/), DefaultNetworkAcl: expect.stringMatching(/^acl-/) }));
    expect(r.Subnet!.attributes).toEqual(expect.objectContaining({ VpcId: r.Vpc!.ref, AvailabilityZone: 'us-east-1b' }));
    expect(r.Eip!.ref).toMatch(/^203\.0\.113\.\d+$/);
    expect(r.Eip!.attributes.AllocationId).toMatch(/^eipalloc-[0-9a-f]{17}$/);
    expect(r.Api!.ref).toMatch(/^[a-z0-9]{10}$/);
    expect(r.Api!.attributes.RootResourceId).toMatch(/^[a-z0-9]{10}$/);
    expect(r.Http!.attributes.ApiEndpoint).toBe(`https://${r.Http!.ref as string}.execute-api.us-east-1.amazonaws.com`);
    expect(r.Zone!.ref).toMatch(/^Z[A-Z0-9]{13,21}$/);
    expect(r.Domain!.ref).toBe('api.example.com');
    expect(r.Domain!.attributes.RegionalDomainName).toMatch(/^d-[a-z0-9]{10}\.execute-api\.us-east-1\.amazonaws\.com$/);
    expect(r.Fn!.ref).toBe('f1');
    expect(r.Fn!.attributes.Arn).toBe('arn:aws:lambda:us-east-1:111111111111:function:f1');
    expect(model.notes.filter((n) => n.code === 'made-up-id')).toHaveLength(1);
  });
});
