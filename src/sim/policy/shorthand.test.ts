import { describe, expect, it } from 'vitest';
import { unknown } from '../../model/index.js';
import { expandApiPolicy, expandExecuteApiShorthand, partitionOf } from './shorthand.js';

const api = { region: 'ap-northeast-1', account: '111111111111', id: 'a1b2c3d4e5' };

describe('expandExecuteApiShorthand (R35)', () => {
  it.each([
    ['execute-api:/*', 'arn:aws:execute-api:ap-northeast-1:111111111111:a1b2c3d4e5/*'],
    ['execute-api:/prod/GET/items', 'arn:aws:execute-api:ap-northeast-1:111111111111:a1b2c3d4e5/prod/GET/items'],
    ['execute-api:/*/*/*', 'arn:aws:execute-api:ap-northeast-1:111111111111:a1b2c3d4e5/*/*/*'],
    ['arn:aws:execute-api:us-east-1:222222222222:zzz/*', 'arn:aws:execute-api:us-east-1:222222222222:zzz/*'],
    ['*', '*'],
  ])('%s -> %s', (resource, expected) => {
    expect(expandExecuteApiShorthand(resource, api)).toBe(expected);
  });

  it('uses the Region\'s partition', () => {
    expect(partitionOf('cn-north-1')).toBe('aws-cn');
    expect(partitionOf('us-gov-west-1')).toBe('aws-us-gov');
    expect(expandExecuteApiShorthand('execute-api:/*', { ...api, region: 'cn-north-1' })).toMatch(/^arn:aws-cn:/);
  });

  it('expands Resource and NotResource of every statement and keeps Unknown values', () => {
    const u = unknown('parameter ApiArn has no value');
    const policy = expandApiPolicy({
      Statement: [
        { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: ['execute-api:/*', u] },
        { Effect: 'Deny', Principal: '*', Action: 'execute-api:Invoke', NotResource: 'execute-api:/prod/*' },
      ],
    }, api);
    expect(policy.Statement[0]?.Resource).toEqual(['arn:aws:execute-api:ap-northeast-1:111111111111:a1b2c3d4e5/*', u]);
    expect(policy.Statement[1]?.NotResource).toBe('arn:aws:execute-api:ap-northeast-1:111111111111:a1b2c3d4e5/prod/*');
  });
});
