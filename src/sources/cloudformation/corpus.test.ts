// The serverless-patterns corpus (real SAM/CloudFormation templates) loads, and gives what its READMEs state.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../model/index.js';
import { loadStacks } from './load-stacks.js';
import { SERVERLESS_PATTERNS } from './test-support.js';
import type { ParameterSpec, StackSpec } from './types.js';

function templates(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? templates(p) : f.endsWith('.yaml') ? [p] : [];
  });
}

function spec(path: string, parameters: Record<string, ParameterSpec> = {}, extra: Partial<StackSpec> = {}): StackSpec {
  const file = relative(SERVERLESS_PATTERNS, path);
  return {
    file, text: readFileSync(path, 'utf8'), stack: file.replace(/\/template\.yaml$|\.yaml$/, '').replace(/[^A-Za-z0-9-]/g, '-'),
    region: 'us-east-1', account: '111111111111', parameters, ...extra,
  };
}

function load(name: string, parameters: Record<string, ParameterSpec> = {}): Model {
  const { model, problems } = loadStacks([spec(join(SERVERLESS_PATTERNS, name), parameters)]);
  expect(problems).toEqual([]);
  return model;
}

const VPCE = 'vpce-0123456789abcdef0';
const VPCE_DNS = `${VPCE}-abcd1234.execute-api.us-east-1.vpce.amazonaws.com`;

describe('serverless-patterns corpus', () => {
  it.each(templates(SERVERLESS_PATTERNS).map((p) => relative(SERVERLESS_PATTERNS, p)))('%s loads without throwing', (file) => {
    const { problems, model } = loadStacks([spec(join(SERVERLESS_PATTERNS, file))]);
    if (file.startsWith('apigw-custom-domain-edge/')) {
      // Not valid YAML as published (`MappingRestEdge:curc`): an input error with line and column.
      expect(problems[0]).toEqual(expect.objectContaining({ code: 'yaml-syntax', line: 34, column: 3 }));
    } else {
      expect(problems).toEqual([]);
      expect(model.stacks).toHaveLength(1);
    }
  });

  it('apigw-private-lambda: a PRIVATE API whose policy allows only the VpcEndpoint parameter (aws:sourceVpce)', () => {
    const api = load('apigw-private-lambda/template.yaml', { VpcEndpoint: VPCE }).apis[0]!;
    expect(api.endpointType).toBe('PRIVATE');
    expect(api.stages).toContainEqual(expect.objectContaining({ name: 'Prod' }));
    expect(api.resources).toContainEqual(expect.objectContaining({ path: '/get', methods: ['ANY'] }));
    expect(api.policy).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Allow', Principal: '*', Action: ['execute-api:Invoke'], Resource: 'execute-api:/*',
        Condition: { StringEquals: { 'aws:sourceVpce': VPCE } },
      }],
    });
    const unknownEndpoint = load('apigw-private-lambda/template.yaml').apis[0]!;
    const statement = (unknownEndpoint.policy as { Statement: { Condition: Record<string, Record<string, unknown>> }[] }).Statement[0]!;
    expect(statement.Condition.StringEquals!['aws:sourceVpce']).toEqual(expect.objectContaining({
      kind: 'unknown', reason: 'parameter VpcEndpoint has no value; pass --parameter VpcEndpoint=...',
    }));
  });

  it('private-apigw-custom-domain: DomainNameV2 PRIVATE with its policy, a mapping, an access association, a private alias', () => {
    const model = load('private-apigw-custom-domain/template.yaml', {
      VpcEndpointDNSName: VPCE_DNS, VPCEndpointHostedZoneID: 'Z1HUB4AJLBHPJF', CustomDomainName: 'private.example.com',
      CertificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/x', PrivateHostedZoneId: 'Z0PRIVATE123456',
    });
    const api = model.apis[0]!;
    expect(api.endpointType).toBe('PRIVATE');
    const domain = model.domainNames[0]!;
    expect(domain.domainName).toBe('private.example.com');
    expect(domain.endpointType).toBe('PRIVATE');
    expect(domain.arn).toMatch(/^arn:aws:apigateway:us-east-1:111111111111:\/domainnames\/private\.example\.com\+[a-z0-9]{10}$/);
    expect(domain.policy).toEqual(expect.objectContaining({
      Statement: [
        expect.objectContaining({ Effect: 'Allow' }),
        expect.objectContaining({ Effect: 'Deny', Condition: { StringNotEquals: { 'aws:SourceVpce': VPCE } } }),
      ],
    }));
    expect(domain.mappings).toEqual([expect.objectContaining({ basePath: '', apiId: api.id, stage: 'Prod' })]);
    expect(model.domainNameAccessAssociations).toEqual([expect.objectContaining({ domainNameArn: domain.arn, vpcEndpointId: VPCE })]);
    const zone = model.hostedZones[0]!;
    expect(zone).toEqual(expect.objectContaining({ id: 'Z0PRIVATE123456', external: true }));
    expect(zone.records).toEqual([expect.objectContaining({ name: 'private.example.com', type: 'A', alias: { dnsName: VPCE_DNS, hostedZoneId: 'Z1HUB4AJLBHPJF' } })]);
  });

  it('apigw-custom-domain-regional: a REGIONAL domain, an API mapping, a public alias to the regional name', () => {
    const model = load('apigw-custom-domain-regional/template.yaml', {
      DomainName: 'api.example.com', CertificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/x', PublicHostedZoneId: 'Z0PUBLIC', ApiId: 'a1b2c3d4e5', Stage: 'prod',
    });
    const domain = model.domainNames[0]!;
    expect(domain.endpointType).toBe('REGIONAL');
    expect(domain.regionalDomainName).toMatch(/^d-[a-z0-9]{10}\.execute-api\.us-east-1\.amazonaws\.com$/);
    expect(domain.mappings).toEqual([expect.objectContaining({ basePath: '', apiId: 'a1b2c3d4e5', stage: 'prod' })]);
    expect(model.hostedZones[0]!.records[0]!.alias?.dnsName).toBe(domain.regionalDomainName);
  });

  it('apigw-custom-domain-regional without parameters: unknowns with reasons, the mapping still on its domain', () => {
    const model = load('apigw-custom-domain-regional/template.yaml');
    const domain = model.domainNames[0]!;
    expect(domain.domainName).toBe('unresolved:parameter:DomainName');
    expect(domain.mappings).toHaveLength(1);
    expect(model.unresolvedReferences).toContainEqual(expect.objectContaining({ placeholder: 'unresolved:parameter:DomainName' }));
  });

  it('public-nlb-or-alb-private-api-cfn: endpoint with private DNS on, PRIVATE API denying other endpoints; conditions decide', () => {
    const params = { Prefix: 'demo', VPC: 'vpc-0aaaaaaaaaaaaaaaa', PublicSubnetIDs: 'subnet-1,subnet-2', PrivateSubnetIDs: 'subnet-3,subnet-4', SecurityGroupID: 'sg-1', DomainName: 'api.example.com', HostedZoneId: 'Z0PUBLIC' };
    const model = load('public-nlb-or-alb-private-api-cfn/template.yaml', params);
    const endpoint = model.vpcEndpoints[0]!;
    expect(endpoint.privateDnsEnabled).toBe(true);
    expect(endpoint.subnetIds).toEqual(['subnet-3', 'subnet-4']);
    expect(endpoint.vpcId).toBe('vpc-0aaaaaaaaaaaaaaaa');
    const api = model.apis[0]!;
    expect(api.endpointType).toBe('PRIVATE');
    expect(api.policy).toEqual(expect.objectContaining({
      Statement: [expect.objectContaining({ Effect: 'Allow' }), expect.objectContaining({ Effect: 'Deny', Condition: { StringNotEquals: { 'aws:sourceVpce': endpoint.id } } })],
    }));
    expect(api.resources).toContainEqual(expect.objectContaining({ path: '/lambda', methods: ['GET'] }));
    expect(load('public-nlb-or-alb-private-api-cfn/template.yaml', { ...params, SameAccount: 'No' }).apis).toEqual([]);
  });

  it('cross-account private custom domain: account B associates its endpoint with account A\'s domain ARN (an output)', () => {
    const a = spec(join(SERVERLESS_PATTERNS, 'apigw-private-custom-domain-name-cross-account/accountA/template.yaml'),
      { VpcEndpoint: VPCE, CustomDomainName: 'private.example.com', CertificateArn: 'arn:x', TargetAccountID: '222222222222' }, { stack: 'accountA' });
    const b = spec(join(SERVERLESS_PATTERNS, 'apigw-private-custom-domain-name-cross-account/accountB/template.yaml'), {
      VPC: 'vpc-0bbbbbbbbbbbbbbbb', VpcEndpointDNSName: VPCE_DNS, CustomDomainName: 'private.example.com',
      CustomDomainNameARN: { output: 'accountA.CustomDomainNameArn' }, VpcEndpointHostedZoneId: 'Z1HUB4AJLBHPJF',
    }, { stack: 'accountB', account: '222222222222' });
    const { model, problems } = loadStacks([b, a]);
    expect(problems).toEqual([]);
    const domain = model.domainNames[0]!;
    expect(domain.account).toBe('111111111111');
    expect(model.domainNameAccessAssociations).toEqual([expect.objectContaining({ domainNameArn: domain.arn, vpcEndpointId: VPCE })]);
    const zone = model.hostedZones[0]!;
    expect(zone).toEqual(expect.objectContaining({ private: true, zoneName: 'private.example.com', vpcs: [{ vpcId: 'vpc-0bbbbbbbbbbbbbbbb', region: 'us-east-1' }] }));
  });
});
