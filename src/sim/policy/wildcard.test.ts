import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arnMatch, wildcardMatch } from './wildcard.js';

describe('wildcardMatch', () => {
  it.each([
    ['*', '', true],
    ['*', 'anything', true],
    ['execute-api:*', 'execute-api:Invoke', true],
    ['execute-api:Invoke', 'execute-api:Invoke', true],
    ['execute-api:Inv?ke', 'execute-api:Invoke', true],
    ['execute-api:Inv?ke', 'execute-api:Invooke', false],
    ['arn:aws:execute-api:*:*:abc/*', 'arn:aws:execute-api:us-east-1:111111111111:abc/prod/GET/', true],
    ['arn:aws:execute-api:*:*:abc/*/GET/*', 'arn:aws:execute-api:us-east-1:1:abc/prod/POST/items', false],
    ['a*b*c', 'aXXbYYc', true],
    ['a*b*c', 'aXXbYY', false],
    ['**', 'x', true],
    ['Items', 'items', false],
  ])('%j vs %j -> %s', (pattern, value, expected) => {
    expect(wildcardMatch(pattern, value)).toBe(expected);
  });

  it('ignores case when asked (actions)', () => {
    expect(wildcardMatch('EXECUTE-API:invoke', 'execute-api:Invoke', true)).toBe(true);
    expect(wildcardMatch('EXECUTE-API:invoke', 'execute-api:Invoke')).toBe(false);
  });

  it('agrees with a regular expression on random inputs', () => {
    const alphabet = fc.constantFrom('a', 'b', '*', '?', ':', '/');
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 8 }), fc.array(fc.constantFrom('a', 'b', ':', '/'), { maxLength: 10 }), (p, v) => {
      const pattern = p.join('');
      const value = v.join('');
      const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\/:]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 's');
      expect(wildcardMatch(pattern, value)).toBe(re.test(value));
    }));
  });
});

describe('arnMatch (ArnLike)', () => {
  it.each([
    ['arn:aws:execute-api:*:*:abc/*', 'arn:aws:execute-api:us-east-1:111111111111:abc/prod/GET/x', true],
    ['arn:aws:execute-api:us-*:*:*', 'arn:aws:execute-api:eu-west-1:111111111111:abc/prod', false],
    // `*` in one part does not run into the next part.
    ['arn:aws:*:us-east-1', 'arn:aws:execute-api:us-east-1:111111111111:abc', false],
    ['*', 'arn:aws:iam::111111111111:role/x', true],
  ])('%j vs %j -> %s', (pattern, arn, expected) => {
    expect(arnMatch(pattern, arn)).toBe(expected);
  });
});
