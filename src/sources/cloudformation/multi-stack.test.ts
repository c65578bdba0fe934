// Several stacks: dependency order, Export/ImportValue, parameters that name other stacks' resources and outputs.
import { describe, expect, it } from 'vitest';
import { isPlaceholderId } from '../../model/index.js';
import { contains, parseBlock } from './cidr.js';
import { loadStacks } from './load-stacks.js';
import type { StackSpec } from './types.js';
import { yaml } from './test-support.js';

const NETWORK = yaml(
  'Resources:',
  '  Vpc:',
  '    Type: AWS::EC2::VPC',
  '    Properties: { CidrBlock: 10.20.0.0/16 }',
  '  SubnetA:',
  '    Type: AWS::EC2::Subnet',
  '    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.20.1.0/24, AvailabilityZone: !Select [0, !GetAZs ""] }',
  '  SubnetB:',
  '    Type: AWS::EC2::Subnet',
  '    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.20.2.0/24 }',
  'Outputs:',
  '  VpcId:',
  '    Value: !Ref Vpc',
  '    Export: { Name: !Sub "${AWS::StackName}-VpcId" }',
  '  SubnetA:',
  '    Value: !Ref SubnetA',
  '    Export: { Name: network-SubnetA }',
);

const APP = yaml(
  'Resources:',
  '  Sg:',
  '    Type: AWS::EC2::SecurityGroup',
  '    Properties: { GroupDescription: app, VpcId: !ImportValue network-VpcId }',
  '  Host:',
  '    Type: AWS::EC2::Instance',
  '    Properties:',
  '      SubnetId: !ImportValue network-SubnetA',
  '      SecurityGroupIds: [!Ref Sg]',
);

function spec(stack: string, text: string, extra: Partial<StackSpec> = {}): StackSpec {
  return { file: `${stack}.yaml`, text, stack, region: 'eu-west-1', account: '222222222222', parameters: {}, ...extra };
}

describe('several stacks', () => {
  it('imports resolve whatever order the stacks are given in', () => {
    const { model, problems } = loadStacks([spec('app', APP), spec('network', NETWORK)]);
    expect(problems).toEqual([]);
    expect(model.stacks.map((s) => s.name)).toEqual(['network', 'app']);
    const vpc = model.vpcs[0]!;
    expect(model.securityGroups.find((g) => g.name === 'Sg')!.vpcId).toBe(vpc.id);
    const eni = model.networkInterfaces.find((e) => e.name === 'Host')!;
    expect(eni.subnetId).toBe(model.subnets.find((s) => s.name === 'SubnetA')!.id);
    expect(eni.vpcId).toBe(vpc.id);
    // The address is made up inside the other stack's subnet: base + 10.
    expect(eni.privateIps).toEqual(['10.20.1.10']);
    expect(model.stacks[0]!.exports).toEqual({ 'network-VpcId': vpc.id, 'network-SubnetA': eni.subnetId });
    expect(model.subnets.find((s) => s.name === 'SubnetA')!.availabilityZone).toBe('eu-west-1a');
  });

  it('an import no loaded stack exports becomes a placeholder id with the reason', () => {
    const { model, problems } = loadStacks([spec('app', APP)]);
    expect(problems).toEqual([]);
    const eni = model.networkInterfaces.find((e) => e.name === 'Host')!;
    expect(eni.subnetId).toBe('unresolved:import:network-SubnetA');
    expect(isPlaceholderId(eni.subnetId)).toBe(true);
    expect(model.unresolvedReferences).toContainEqual(expect.objectContaining({
      placeholder: 'unresolved:import:network-SubnetA',
      reason: expect.stringContaining('network-SubnetA'),
      origin: expect.objectContaining({ file: 'app.yaml', line: 8 }),
    }));
    expect(eni.privateIps[0]).toEqual(expect.objectContaining({ kind: 'unknown' }));
    expect(model.securityGroups.find((g) => g.name === 'Sg')!.vpcId).toBe('unresolved:import:network-VpcId');
  });

  it('parameters name resources and outputs of other stacks: ${Id}, ${Id.Attr}, ${stack.Id}, { output }', () => {
    const consumer = yaml(
      'Parameters:',
      '  VpcId: { Type: AWS::EC2::VPC::Id }',
      '  Cidr: { Type: String }',
      '  Subnets: { Type: "List<AWS::EC2::Subnet::Id>" }',
      '  FromOutput: { Type: String }',
      'Resources:',
      '  Sg:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      '      GroupDescription: x',
      '      VpcId: !Ref VpcId',
      '      SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: !Ref Cidr }]',
      '  Endpoint:',
      '    Type: AWS::EC2::VPCEndpoint',
      '    Properties:',
      '      VpcId: !Ref FromOutput',
      '      ServiceName: com.amazonaws.eu-west-1.execute-api',
      '      VpcEndpointType: Interface',
      '      SubnetIds: !Ref Subnets',
      '      SecurityGroupIds: [!Ref Sg]',
    );
    const { model, problems } = loadStacks([
      spec('consumer', consumer, {
        parameters: { VpcId: '${Vpc}', Cidr: '${network.Vpc.CidrBlock}', Subnets: '${SubnetA},${SubnetB}', FromOutput: { output: 'network.VpcId' }, Ignored: 'x' },
      }),
      spec('network', NETWORK),
    ]);
    expect(problems).toEqual([]);
    const vpc = model.vpcs[0]!;
    const sg = model.securityGroups.find((g) => g.name === 'Sg')!;
    expect(sg.vpcId).toBe(vpc.id);
    expect(sg.ingress[0]!.cidrIpv4).toBe('10.20.0.0/16');
    const endpoint = model.vpcEndpoints[0]!;
    expect(endpoint.vpcId).toBe(vpc.id);
    expect(endpoint.subnetIds).toEqual(model.subnets.map((s) => s.id));
    const ips = endpoint.networkInterfaceIds.map((id) => model.networkInterfaces.find((e) => e.id === id)!.privateIps[0]);
    expect(ips.every((ip, i) => contains(parseBlock(i === 0 ? '10.20.1.0/24' : '10.20.2.0/24')!, ip as string))).toBe(true);
    // CloudFormation's default for PrivateDnsEnabled is false.
    expect(endpoint.privateDnsEnabled).toBe(false);
  });

  it('a parameter reference nothing answers is an input error of that file', () => {
    const text = yaml('Parameters:', '  V: { Type: String }', 'Resources:', '  Q: { Type: AWS::SQS::Queue }');
    const { problems } = loadStacks([spec('a', text, { parameters: { V: '${Nowhere}' } })]);
    expect(problems).toEqual([expect.objectContaining({ code: 'parameter-reference', file: 'a.yaml' })]);
  });

  it('a duplicate export and a duplicate stack name are input errors', () => {
    const { problems } = loadStacks([spec('network', NETWORK), spec('network2', NETWORK.replace('network-SubnetA', 'other').replace('"${AWS::StackName}-VpcId"', 'network-VpcId')), spec('network', NETWORK)]);
    expect(problems.map((p) => p.code).sort()).toEqual(['duplicate-export', 'duplicate-stack']);
  });

  it('stacks that import from each other in a cycle load anyway, with a problem', () => {
    const a = yaml('Resources:', '  Q: { Type: AWS::SQS::Queue, Properties: { QueueName: !ImportValue b-x } }', 'Outputs:', '  X: { Value: a, Export: { Name: a-x } }');
    const b = yaml('Resources:', '  Q: { Type: AWS::SQS::Queue, Properties: { QueueName: !ImportValue a-x } }', 'Outputs:', '  X: { Value: b, Export: { Name: b-x } }');
    const { problems, model } = loadStacks([spec('a', a), spec('b', b)]);
    expect(problems.map((p) => p.code)).toEqual(['stack-cycle']);
    expect(model.stacks).toHaveLength(2);
  });

  it('an SSM parameter type takes the value of an AWS::SSM::Parameter in the model, else unknown', () => {
    const ssm = yaml('Resources:', '  P:', '    Type: AWS::SSM::Parameter', '    Properties: { Name: /net/cidr, Type: String, Value: 10.9.0.0/16 }');
    const user = yaml('Parameters:', '  Cidr: { Type: "AWS::SSM::Parameter::Value<String>", Default: /net/cidr }',
      '  Other: { Type: "AWS::SSM::Parameter::Value<String>", Default: /not/here }',
      'Resources:', '  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: !Ref Cidr } }', 'Outputs:', '  O: { Value: !Ref Other }');
    const { model, problems } = loadStacks([spec('user', user), spec('ssm', ssm)]);
    expect(problems).toEqual([]);
    expect(model.stacks.map((s) => s.name)).toEqual(['ssm', 'user']);
    expect(model.vpcs[0]!.cidrBlocks).toEqual(['10.9.0.0/16']);
    expect(model.stacks[1]!.outputs.O).toEqual(expect.objectContaining({ kind: 'unknown', reason: expect.stringContaining('/not/here') }));
  });
});
