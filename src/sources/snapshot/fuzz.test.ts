// Bad input never throws: any JSON under any key the reader knows gives a model and problems, not an exception.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KINDS } from './dispatch.js';
import { load } from './test-fixtures.js';

const FILES = [
  'aws_configs/us-east-1/Any.json', 'aws_configs/us-east-1/RestApis.json', 'aws_configs/us-east-1/DomainNames.json',
  'aws_configs/us-east-1/Apis.json', 'aws_configs/us-east-1/apigateway/restapis/abc/Stages.json',
  'aws_configs/global/route53/Z1/ResourceRecordSets.json', 'aws_configs/Flat.json', 'manifest.json',
];
const element = fc.dictionary(fc.constantFrom('VpcId', 'SubnetId', 'NetworkInterfaceId', 'id', 'Id', 'Name', 'PolicyDocument', 'policy', 'Routes', 'Entries', 'IpPermissions', 'calls', 'ok', 'Cidrs', 'VpcConfig', 'IpAddresses'), fc.jsonValue({ maxDepth: 3 }));
const answer = fc.dictionary(fc.constantFrom(...KINDS, 'items', 'Items', 'item', 'calls', 'Other'), fc.oneof(fc.array(element, { maxLength: 3 }), fc.jsonValue({ maxDepth: 2 })));

describe('snapshot fuzz', () => {
  it('any JSON in any answer file loads without throwing', () => {
    fc.assert(fc.property(fc.dictionary(fc.constantFrom(...FILES), fc.oneof(answer, fc.string())), (files) => {
      const { model, problems } = load(files);
      expect(Array.isArray(model.vpcs)).toBe(true);
      expect(Array.isArray(problems)).toBe(true);
    }), { numRuns: Number(process.env.FUZZ_RUNS ?? 60) });
  });
});
