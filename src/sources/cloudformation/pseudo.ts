// Pseudo parameters: AWS::Region, AWS::AccountId, AWS::StackName, AWS::StackId, AWS::Partition, AWS::URLSuffix ...
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html
import { list, NO_VALUE, str, type Loc, type NoValue, type Val } from './val.js';

export interface StackIdentity {
  readonly stack: string;
  readonly region: string;
  readonly account: string;
  /** Made-up UUID of the stack id. */
  readonly stackUuid: string;
}

export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

export function urlSuffixOf(region: string): string {
  return region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
}

/** The value of a pseudo parameter, or undefined when the name is not one. */
export function pseudoParameter(name: string, who: StackIdentity, loc: Loc): Val | NoValue | undefined {
  switch (name) {
    case 'AWS::Region': return str(who.region, loc);
    case 'AWS::AccountId': return str(who.account, loc);
    case 'AWS::StackName': return str(who.stack, loc);
    case 'AWS::StackId':
      return str(`arn:${partitionOf(who.region)}:cloudformation:${who.region}:${who.account}:stack/${who.stack}/${who.stackUuid}`, loc);
    case 'AWS::Partition': return str(partitionOf(who.region), loc);
    case 'AWS::URLSuffix': return str(urlSuffixOf(who.region), loc);
    case 'AWS::NoValue': return NO_VALUE;
    case 'AWS::NotificationARNs': return list([], loc);
    default: return undefined;
  }
}
