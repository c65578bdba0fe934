// An S3 gateway endpoint's route names an AWS-managed prefix list whose CIDRs no template holds: it must not make
// every internet-bound trace unknown, only those whose destination could be in AWS's service ranges.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenarioText } from '../src/scenario/run-scenario.js';
import { SHARED } from './support/shared.js';

const base = readFileSync(`${SHARED}conformance/03-public-api-before-endpoint.yaml`, 'utf8');
const withS3 = base.replace('    AppSecurityGroup:\n', [
  '    S3Endpoint:',
  '      Type: AWS::EC2::VPCEndpoint',
  '      Properties:',
  '        VpcId: !Ref Vpc',
  '        ServiceName: !Sub com.amazonaws.${AWS::Region}.s3',
  '        VpcEndpointType: Gateway',
  '        RouteTableIds: [!Ref PublicRouteTable]',
  '    AppSecurityGroup:', ''].join('\n'));

describe('gateway endpoint with an AWS-managed prefix list', () => {
  it('still sends the public API call through the internet gateway', () => {
    expect(withS3).not.toBe(base);
    const outcome = runScenarioText('s3.yaml', withS3);
    expect(outcome.problems).toEqual([]);
    expect(outcome.checks[0]?.mismatches).toEqual([]);
  });

  it('answers unknown for an address that could be S3, naming the prefix list', () => {
    const text = withS3.replace(/request: GET .*/, 'request: TCP 52.216.237.77:443').replace(/expect:[\s\S]*$/, 'expect: { reached: false, result: unknown, cause: missing-facts }\n');
    const outcome = runScenarioText('s3-flow.yaml', text);
    expect(outcome.problems).toEqual([]);
    expect(outcome.checks[0]?.mismatches).toEqual([]);
    expect(JSON.stringify(outcome.checks[0]?.trace?.missing)).toContain('prefix list');
  });
});
