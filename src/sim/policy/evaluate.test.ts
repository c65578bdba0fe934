import { describe, expect, it } from 'vitest';
import { unknown, type PolicyDocument, type PolicyStatement } from '../../model/index.js';
import { evaluatePolicy } from './evaluate.js';
import type { PolicyDecision, RequestContext } from './types.js';

const ARN = 'arn:aws:execute-api:us-east-1:111111111111:abc/prod/GET/items';
const ctx: RequestContext = {
  action: 'execute-api:Invoke',
  resource: ARN,
  principal: 'anonymous',
  keys: {
    'aws:sourcevpce': 'vpce-1', 'aws:sourcevpc': 'vpc-1', 'aws:vpcsourceip': '10.0.1.5', 'aws:sourceip': undefined,
    'aws:securetransport': 'true', 'aws:principalorgid': undefined, 'test:n': '5', 'test:date': '2020-01-02T00:00:00Z',
    'aws:sourcearn': 'arn:aws:lambda:us-east-1:111111111111:function:f',
  },
};

const allow = (extra: Partial<PolicyStatement> = {}): PolicyStatement =>
  ({ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'arn:aws:execute-api:*:*:abc/*', ...extra });
const deny = (extra: Partial<PolicyStatement> = {}): PolicyStatement => ({ ...allow(extra), Effect: 'Deny' });
const when = (op: string, key: string, value: PolicyStatement['Resource']) => ({ Condition: { [op]: { [key]: value! } } });

const ALLOW0: PolicyDecision = { kind: 'allow', statement: 0 };
const IMPLICIT: PolicyDecision = { kind: 'implicit-deny' };

const table: [string, PolicyStatement[], PolicyDecision | 'unknown', RequestContext?][] = [
  ['an Allow for everyone allows', [allow()], ALLOW0],
  ['no statement is an implicit deny', [], IMPLICIT],
  ['Deny beats Allow', [allow(), deny()], { kind: 'explicit-deny', statement: 1 }],
  ['StringEquals on the endpoint id', [allow(when('StringEquals', 'aws:SourceVpce', 'vpce-1'))], ALLOW0],
  ['StringEquals on another endpoint', [allow(when('StringEquals', 'aws:SourceVpce', 'vpce-2'))], IMPLICIT],
  ['several values are OR', [allow(when('StringEquals', 'aws:SourceVpce', ['vpce-2', 'vpce-1']))], ALLOW0],
  ['condition keys are case-insensitive', [allow(when('StringEquals', 'AWS:SOURCEVPCE', 'vpce-1'))], ALLOW0],
  ['Deny unless our endpoint: not applied', [allow(), deny(when('StringNotEquals', 'aws:SourceVpce', 'vpce-1'))], ALLOW0],
  ['Deny unless another endpoint: applied', [allow(), deny(when('StringNotEquals', 'aws:SourceVpce', 'vpce-OTHER'))], { kind: 'explicit-deny', statement: 1 }],
  ['a negated operator matches an absent key (R20: aws:SourceIp)', [allow(), deny(when('NotIpAddress', 'aws:SourceIp', '10.0.0.0/16'))], { kind: 'explicit-deny', statement: 1 }],
  ['a positive operator does not match an absent key', [allow(when('IpAddress', 'aws:SourceIp', '10.0.0.0/16'))], IMPLICIT],
  ['IpAddress on aws:VpcSourceIp', [allow(when('IpAddress', 'aws:VpcSourceIp', '10.0.0.0/16'))], ALLOW0],
  ['IpAddress with a bare address', [allow(when('IpAddress', 'aws:VpcSourceIp', '10.0.1.5'))], ALLOW0],
  ['IpAddress outside the range', [allow(when('IpAddress', 'aws:VpcSourceIp', '192.168.0.0/16'))], IMPLICIT],
  ['IfExists on an absent key matches', [allow(when('StringEqualsIfExists', 'aws:SourceIp', 'x'))], ALLOW0],
  ['IfExists on a present key tests it', [allow(when('StringEqualsIfExists', 'aws:SourceVpce', 'x'))], IMPLICIT],
  ['Null true on an absent key', [allow(when('Null', 'aws:SourceIp', 'true'))], ALLOW0],
  ['Null false on an absent key', [allow(when('Null', 'aws:SourceIp', 'false'))], IMPLICIT],
  ['Bool', [allow(), deny(when('Bool', 'aws:SecureTransport', 'false'))], ALLOW0],
  ['ForAnyValue:StringEquals', [allow(when('ForAnyValue:StringEquals', 'aws:SourceVpce', ['vpce-1']))], ALLOW0],
  ['ForAnyValue on an absent key is false', [allow(when('ForAnyValue:StringEquals', 'aws:PrincipalOrgID', ['o-1']))], IMPLICIT],
  ['ForAllValues on an absent key is true', [allow(when('ForAllValues:StringEquals', 'aws:PrincipalOrgID', ['o-1']))], ALLOW0],
  ['StringLike', [allow(when('StringLike', 'aws:SourceVpce', 'vpce-*'))], ALLOW0],
  ['StringNotLike', [allow(when('StringNotLike', 'aws:SourceVpce', 'vpce-*'))], IMPLICIT],
  ['StringEqualsIgnoreCase', [allow(when('StringEqualsIgnoreCase', 'aws:SourceVpce', 'VPCE-1'))], ALLOW0],
  ['StringEquals is case-sensitive', [allow(when('StringEquals', 'aws:SourceVpce', 'VPCE-1'))], IMPLICIT],
  ['NumericLessThan', [allow(when('NumericLessThan', 'test:n', '10'))], ALLOW0],
  ['NumericGreaterThan', [allow(when('NumericGreaterThan', 'test:n', '10'))], IMPLICIT],
  ['DateGreaterThan', [allow(when('DateGreaterThan', 'test:date', '2020-01-01T00:00:00Z'))], ALLOW0],
  ['ArnLike', [allow(when('ArnLike', 'aws:SourceArn', 'arn:aws:lambda:*:111111111111:function:*'))], ALLOW0],
  ['ArnNotEquals', [allow(when('ArnNotEquals', 'aws:SourceArn', 'arn:aws:lambda:*:*:function:f'))], IMPLICIT],
  ['two keys are AND', [allow({ Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1', 'aws:SourceVpc': 'vpc-2' } } })], IMPLICIT],
  ['two operators are AND', [allow({ Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1' }, IpAddress: { 'aws:VpcSourceIp': '10.0.0.0/8' } } })], ALLOW0],
  ['R17: an IAM principal does not cover an anonymous caller', [allow({ Principal: { AWS: 'arn:aws:iam::111111111111:root' } })], IMPLICIT],
  ['{ AWS: "*" } covers an anonymous caller', [allow({ Principal: { AWS: '*' } })], ALLOW0],
  ['a service principal does not cover an anonymous caller', [allow({ Principal: { Service: 'lambda.amazonaws.com' } })], IMPLICIT],
  ['NotPrincipal with an IAM principal applies to an anonymous caller', [allow(), deny({ Principal: undefined, NotPrincipal: { AWS: 'arn:aws:iam::111111111111:root' } } as Partial<PolicyStatement>)], { kind: 'explicit-deny', statement: 1 }],
  ['actions are case-insensitive', [allow({ Action: 'EXECUTE-API:invoke' })], ALLOW0],
  ['another action', [allow({ Action: 'execute-api:ManageConnections' })], IMPLICIT],
  ['execute-api:* covers Invoke', [allow({ Action: 'execute-api:*' })], ALLOW0],
  ['NotAction', [allow({ Action: undefined, NotAction: 'execute-api:ManageConnections' } as Partial<PolicyStatement>)], ALLOW0],
  ['another stage', [allow({ Resource: 'arn:aws:execute-api:*:*:abc/dev/*' })], IMPLICIT],
  ['NotResource', [allow({ Resource: undefined, NotResource: 'arn:aws:execute-api:*:*:abc/dev/*' } as Partial<PolicyStatement>)], ALLOW0],
  ['resources are case-sensitive', [allow({ Resource: 'arn:aws:execute-api:*:*:ABC/*' })], IMPLICIT],
  ['an Unknown condition value that matters', [allow(when('StringEquals', 'aws:SourceVpce', unknown('parameter EndpointId has no value')))], 'unknown'],
  ['an Unknown beside a matching value does not matter', [allow(when('StringEquals', 'aws:SourceVpce', [unknown('x'), 'vpce-1']))], ALLOW0],
  ['an undecided Deny keeps an Allow undecided', [allow(), deny(when('StringEquals', 'aws:SourceVpce', unknown('x')))], 'unknown'],
  ['a certain Deny stands beside an undecided one', [deny(when('StringEquals', 'aws:SourceVpce', unknown('x'))), deny()], { kind: 'explicit-deny', statement: 1 }],
  ['an undecided Allow beside a certain one', [allow({ Resource: unknown('x') }), allow()], { kind: 'allow', statement: 1 }],
  ['a key vpcpath does not know', [allow(when('DateLessThan', 'aws:CurrentTime', '2030-01-01T00:00:00Z'))], 'unknown'],
  ['an operator vpcpath does not evaluate', [allow(when('BinaryEquals', 'aws:SourceVpce', 'dnBjZS0x'))], 'unknown'],
  ['an invalid CIDR', [allow(when('IpAddress', 'aws:VpcSourceIp', '10.0.0.0/99'))], 'unknown'],
  ['an account principal covers an IAM user of that account', [allow({ Principal: { AWS: '111111111111' } })], ALLOW0,
    { ...ctx, principal: { arn: 'arn:aws:iam::111111111111:user/alice' } }],
  ['a role principal covers the role\'s sessions', [allow({ Principal: { AWS: 'arn:aws:iam::111111111111:role/App' } })], ALLOW0,
    { ...ctx, principal: { arn: 'arn:aws:sts::111111111111:assumed-role/App/session-1' } }],
  ['another account\'s root does not cover the caller', [allow({ Principal: { AWS: 'arn:aws:iam::222222222222:root' } })], IMPLICIT,
    { ...ctx, principal: { arn: 'arn:aws:iam::111111111111:user/alice' } }],
];

describe('evaluatePolicy', () => {
  it.each(table)('%s', (_name, statements, expected, context) => {
    const decision = evaluatePolicy({ Version: '2012-10-17', Statement: statements }, context ?? ctx);
    if (expected === 'unknown') {
      expect(decision.kind).toBe('unknown');
      expect((decision as { reason: string }).reason).not.toBe('');
    } else {
      expect(decision).toEqual(expected);
    }
  });

  it('accepts a single statement object, as IAM does', () => {
    const policy = { Statement: allow() } as unknown as PolicyDocument;
    expect(evaluatePolicy(policy, ctx)).toEqual(ALLOW0);
  });

  it('reports the reason of an Unknown that matters', () => {
    const decision = evaluatePolicy({ Statement: [allow(when('StringEquals', 'aws:SourceVpce', unknown('parameter EndpointId has no value')))] }, ctx);
    expect(decision).toEqual({ kind: 'unknown', reason: 'statement 0 (Allow): parameter EndpointId has no value' });
  });

  it('the scenario 07 policy allows its endpoint and refuses another', () => {
    const policy: PolicyDocument = { Statement: [allow({ Resource: 'arn:aws:execute-api:us-east-1:111111111111:abc/*', ...when('StringEquals', 'aws:SourceVpce', 'vpce-1') })] };
    expect(evaluatePolicy(policy, ctx).kind).toBe('allow');
    expect(evaluatePolicy(policy, { ...ctx, keys: { ...ctx.keys, 'aws:sourcevpce': 'vpce-9' } }).kind).toBe('implicit-deny');
  });
});
