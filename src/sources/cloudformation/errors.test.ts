// Bad input is data: every problem has a code, a message, the file, and the exact line and column.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStacks } from './load-stacks.js';
import { loadText, SERVERLESS_PATTERNS, yaml } from './test-support.js';

const BASE = [
  'Resources:',
  '  Vpc:',
  '    Type: AWS::EC2::VPC',
  '    Properties:',
  '      CidrBlock: 10.0.0.0/16',
  '  Sg:',
  '    Type: AWS::EC2::SecurityGroup',
  '    Properties:',
  '      GroupDescription: app',
  '      VpcId: !Ref Vpc',
];

function only(text: string, options = {}) {
  const { problems } = loadText(text, options);
  return problems.map(({ code, line, column }) => ({ code, line, column }));
}

describe('input problems with positions', () => {
  it('a dangling Ref', () => {
    expect(only(yaml(...BASE, '  Subnet:', '    Type: AWS::EC2::Subnet', '    Properties:', '      VpcId: !Ref Nope', '      CidrBlock: 10.0.1.0/24')))
      .toEqual([{ code: 'dangling-ref', line: 14, column: 14 }]);
  });

  it('a dangling Ref in long form points at the Ref key', () => {
    expect(only(yaml(...BASE, '  Subnet:', '    Type: AWS::EC2::Subnet', '    Properties:', '      VpcId:', '        Ref: Nope', '      CidrBlock: 10.0.1.0/24')))
      .toEqual([{ code: 'dangling-ref', line: 15, column: 9 }]);
  });

  it('an unknown intrinsic function', () => {
    expect(only(yaml(...BASE, '  Subnet:', '    Type: AWS::EC2::Subnet', '    Properties:', '      VpcId: !Ref Vpc', '      CidrBlock:', '        Fn::Foo: [1, 2]')))
      .toEqual([{ code: 'unknown-function', line: 16, column: 9 }]);
  });

  it('a Ref to a resource of the wrong type where a type is required', () => {
    const problems = loadText(yaml(...BASE, '  Host:', '    Type: AWS::EC2::Instance', '    Properties:', '      SubnetId: !Ref Sg')).problems;
    expect(problems).toEqual([expect.objectContaining({ code: 'wrong-resource-type', file: 'test.yaml', line: 14, column: 17 })]);
    expect(problems[0]!.message).toContain('AWS::EC2::Subnet');
    expect(problems[0]!.message).toContain('Sg (AWS::EC2::SecurityGroup)');
  });

  it('a parameter of the wrong AWS-specific type', () => {
    const text = yaml('Parameters:', '  Group:', '    Type: AWS::EC2::SecurityGroup::Id', ...BASE.slice(0, 5), '  Subnet:', '    Type: AWS::EC2::Subnet',
      '    Properties:', '      VpcId: !Ref Group', '      CidrBlock: 10.0.1.0/24');
    expect(only(text, { parameters: { Group: 'sg-0123456789abcdef0' } })).toEqual([{ code: 'wrong-resource-type', line: 12, column: 14 }]);
  });

  it('a GetAtt of an unknown attribute, in both forms', () => {
    const text = yaml(...BASE, '  Subnet:', '    Type: AWS::EC2::Subnet', '    Properties:', '      VpcId: !Ref Vpc', '      CidrBlock: !GetAtt Vpc.Nope',
      'Outputs:', '  X:', '    Value: !GetAtt [Sg, Bogus]');
    expect(only(text)).toEqual([{ code: 'unknown-attribute', line: 15, column: 18 }, { code: 'unknown-attribute', line: 18, column: 12 }]);
  });

  it('a GetAtt of a resource that does not exist, a condition that does not exist', () => {
    const text = yaml(...BASE, 'Outputs:', '  X:', '    Value: !GetAtt Nope.Id', '  Y:', '    Value: !If [NoSuchCondition, a, b]');
    expect(only(text)).toEqual([{ code: 'dangling-getatt', line: 13, column: 12 }, { code: 'unknown-condition', line: 15, column: 12 }]);
  });

  it('positions of an inline template are shifted into the scenario file', () => {
    const text = yaml(...BASE, '  Subnet:', '    Type: AWS::EC2::Subnet', '    Properties:', '      VpcId: !Ref Nope', '      CidrBlock: 10.0.1.0/24');
    expect(only(text, { lineOffset: 20, columnOffset: 2 })).toEqual([{ code: 'dangling-ref', line: 34, column: 16 }]);
  });

  it('invalid YAML (an unclosed bracket points at the bracket), invalid JSON, an unknown short-form tag', () => {
    expect(only('Resources:\n  A: [1,\n  B: 2\n')[0]).toEqual({ code: 'yaml-syntax', line: 2, column: 6 });
    expect(only('{\n  "Resources": {\n    "A": 1,\n  }\n}\n')).toEqual([{ code: 'json-syntax', line: 4, column: 3 }]);
    expect(only(yaml(...BASE, 'Outputs:', '  X:', '    Value: !Reff Vpc'))).toEqual([{ code: 'unknown-tag', line: 13, column: 12 }]);
  });

  it('the corpus template that is invalid as published gives line and column, not an exception', () => {
    const file = join(SERVERLESS_PATTERNS, 'apigw-custom-domain-edge', 'template.yaml');
    const { problems, model } = loadStacks([{ file: 'apigw-custom-domain-edge/template.yaml', text: readFileSync(file, 'utf8'), stack: 'edge', region: 'us-east-1', account: '111111111111', parameters: {} }]);
    expect(problems[0]).toEqual({
      code: 'yaml-syntax', message: expect.stringContaining('invalid YAML'), file: 'apigw-custom-domain-edge/template.yaml', line: 34, column: 3,
    });
    expect(model.domainNames).toEqual([]);
  });

  it('a resource without Type, a template without Resources, an unknown section', () => {
    expect(only(yaml('Resources:', '  A:', '    Properties: {}'))).toEqual([{ code: 'missing-type', line: 2, column: 3 }]);
    expect(only(yaml('Outputs: {}'))).toEqual([{ code: 'missing-resources', line: 1, column: 1 }]);
    expect(only(yaml('Resourses: {}', ...BASE))).toEqual([{ code: 'unknown-section', line: 1, column: 1 }]);
    expect(only('just text')).toEqual([{ code: 'not-a-template', line: 1, column: 1 }]);
  });

  it('bad arguments of intrinsic functions', () => {
    const text = yaml(...BASE, 'Outputs:', '  A:', '    Value: !Select [5, [a, b]]', '  B:', '    Value: !Join [",", {x: 1}]', '  C:', '    Value: !Ref [x]');
    expect(only(text)).toEqual([
      { code: 'bad-function-args', line: 13, column: 12 }, { code: 'bad-function-args', line: 15, column: 12 }, { code: 'bad-function-args', line: 17, column: 12 },
    ]);
  });

  it('a missing required property and a circular dependency', () => {
    expect(only(yaml('Resources:', '  S:', '    Type: AWS::EC2::Subnet', '    Properties:', '      CidrBlock: 10.0.0.0/24')))
      .toEqual([{ code: 'missing-property', line: 4, column: 5 }]);
    const text = yaml('Resources:', '  A:', '    Type: AWS::EC2::VPC', '    Properties:', '      CidrBlock: !GetAtt B.CidrBlock',
      '  B:', '    Type: AWS::EC2::VPC', '    Properties:', '      CidrBlock: !GetAtt A.CidrBlock');
    expect(only(text)).toEqual([{ code: 'circular-dependency', line: 9, column: 18 }]);
  });
});

describe('warnings go to notes', () => {
  it('a duplicate key keeps the last value, with a warning that says where', () => {
    const { model, problems } = loadText(yaml(...BASE.slice(0, 5), '      CidrBlock: 10.1.0.0/16'));
    expect(problems).toEqual([]);
    expect(model.vpcs[0]!.cidrBlocks).toEqual(['10.1.0.0/16']);
    expect(model.notes).toContainEqual(expect.objectContaining({
      level: 'warning', code: 'duplicate-key', origin: expect.objectContaining({ file: 'test.yaml', line: 6, column: 7, path: 'Resources.Vpc.Properties.CidrBlock' }),
    }));
  });

  it('an unsupported resource type is an info note, once per type', () => {
    const { model, problems } = loadText(yaml(...BASE, '  Q1:', '    Type: AWS::SQS::Queue', '  Q2:', '    Type: AWS::SQS::Queue'));
    expect(problems).toEqual([]);
    const notes = model.notes.filter((n) => n.code === 'unsupported-resource-type');
    expect(notes).toEqual([expect.objectContaining({ level: 'info', message: expect.stringContaining('Q1, Q2') })]);
  });

  it('an unknown transform and Fn::Transform are noted, not fatal', () => {
    const { model, problems } = loadText(yaml('Transform: MyMacro', ...BASE, 'Outputs:', '  X:', '    Value: !Transform {Name: AWS::Include}'));
    expect(problems).toEqual([]);
    expect(model.notes.map((n) => n.code)).toEqual(expect.arrayContaining(['transform-ignored']));
    expect(model.stacks[0]!.outputs.X).toEqual(expect.objectContaining({ kind: 'unknown' }));
  });
});
