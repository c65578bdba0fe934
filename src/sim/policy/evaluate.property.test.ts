import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unknown, type PolicyDocument, type PolicyScalar, type PolicyStatement } from '../../model/index.js';
import { evaluatePolicy } from './evaluate.js';
import type { RequestContext } from './types.js';

const KEYS = ['aws:SourceVpce', 'aws:SourceVpc', 'aws:VpcSourceIp', 'aws:SourceIp', 'aws:PrincipalOrgID', 'aws:CurrentTime', 'test:n'];
const OPERATORS = [
  'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike',
  'IpAddress', 'NotIpAddress', 'Bool', 'Null', 'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike', 'NumericEquals',
  'NumericLessThan', 'NumericGreaterThanEquals', 'DateLessThan', 'BinaryEquals', 'Nonsense',
];

const scalar: fc.Arbitrary<PolicyScalar> = fc.oneof(
  fc.constantFrom('vpce-1', 'vpce-2', 'vpc-1', '10.0.0.0/16', '10.0.1.5', 'true', 'false', '5', '*', 'vpce-*', 'o-1', '::/0', 'bad/99'),
  fc.string({ maxLength: 6 }),
  fc.constant(unknown('parameter X has no value')),
);
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }));
const operator = fc.tuple(fc.constantFrom('', 'ForAnyValue:', 'ForAllValues:'), fc.constantFrom(...OPERATORS), fc.boolean())
  .map(([set, op, ifExists]) => `${set}${op}${ifExists ? 'IfExists' : ''}`);
const condition = fc.dictionary(operator, fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 2 }), { maxKeys: 2 });
const principal = fc.oneof(
  fc.constant('*' as const),
  fc.record({ AWS: fc.oneof(fc.constant('*'), fc.constant('arn:aws:iam::111111111111:root'), fc.constant('111111111111')) }),
  fc.record({ Service: fc.constant('lambda.amazonaws.com') }),
);
const statement: fc.Arbitrary<PolicyStatement> = fc.record({
  Effect: fc.constantFrom('Allow' as const, 'Deny' as const),
  Principal: principal,
  Action: fc.oneof(fc.constantFrom('execute-api:Invoke', 'execute-api:*', '*', 'execute-api:ManageConnections'), value),
  Resource: fc.oneof(fc.constantFrom('*', 'arn:aws:execute-api:*:*:abc/*', 'arn:aws:execute-api:*:*:abc/dev/*'), value),
  Condition: condition,
}, { requiredKeys: ['Effect', 'Principal', 'Action', 'Resource'] });
const policy: fc.Arbitrary<PolicyDocument> = fc.record({ Statement: fc.array(statement, { maxLength: 4 }) });
const context: fc.Arbitrary<RequestContext> = fc.record({
  action: fc.constantFrom('execute-api:Invoke', 'execute-api:invoke'),
  resource: fc.constantFrom('arn:aws:execute-api:us-east-1:111111111111:abc/prod/GET/', 'arn:aws:execute-api:us-east-1:111111111111:abc/dev/POST/x'),
  principal: fc.oneof(fc.constant('anonymous' as const), fc.constant({ arn: 'arn:aws:iam::111111111111:user/a' })),
  keys: fc.record({
    'aws:sourcevpce': fc.option(fc.constantFrom('vpce-1', 'vpce-2'), { nil: undefined }),
    'aws:sourcevpc': fc.option(fc.constant('vpc-1'), { nil: undefined }),
    'aws:vpcsourceip': fc.option(fc.constantFrom('10.0.1.5', '192.168.1.1', 'fd00::1'), { nil: undefined }),
    'aws:sourceip': fc.option(fc.constantFrom('203.0.113.9', 'not-an-ip'), { nil: undefined }),
    'test:n': fc.option(fc.constantFrom('5', 'x'), { nil: undefined }),
  }),
});

const DENY_ALL: PolicyStatement = { Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' };

describe('evaluatePolicy properties', () => {
  it('never throws on random policies and contexts, and always decides one of four ways', () => {
    fc.assert(fc.property(policy, context, (p, c) => {
      const d = evaluatePolicy(p, c);
      expect(['allow', 'explicit-deny', 'implicit-deny', 'unknown']).toContain(d.kind);
    }), { numRuns: 2000 });
  });

  it('never throws on malformed input', () => {
    fc.assert(fc.property(fc.anything(), fc.anything(), (statements, cond) => {
      const p = { Statement: [statements, { Effect: 'Allow', Principal: statements, Action: cond, Resource: cond, Condition: cond }] } as unknown as PolicyDocument;
      expect(() => evaluatePolicy(p, { action: 'execute-api:Invoke', resource: 'x', principal: 'anonymous', keys: {} })).not.toThrow();
    }), { numRuns: 500 });
  });

  it('adding a Deny that matches makes any decision an explicit deny', () => {
    fc.assert(fc.property(policy, context, fc.nat(4), (p, c, at) => {
      const statements = [...p.Statement];
      statements.splice(Math.min(at, statements.length), 0, DENY_ALL);
      expect(evaluatePolicy({ Statement: statements }, c).kind).toBe('explicit-deny');
    }), { numRuns: 1000 });
  });

  it('adding any Deny statement never turns a decision into allow', () => {
    fc.assert(fc.property(policy, context, statement, (p, c, extra) => {
      const before = evaluatePolicy(p, c);
      const after = evaluatePolicy({ Statement: [...p.Statement, { ...extra, Effect: 'Deny' }] }, c);
      if (after.kind === 'allow') expect(before.kind).toBe('allow');
      if (before.kind === 'explicit-deny') expect(after.kind).toBe('explicit-deny');
    }), { numRuns: 2000 });
  });
});
