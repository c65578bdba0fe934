// IAM policy documents as they appear in resource and endpoint policies (JSON shape, values kept as given).
import type { Unknown } from './unknown.js';

/** A value the template could not fix (a parameter without a value) stays an Unknown inside the policy. */
export type PolicyScalar = string | Unknown;
export type PolicyValue = PolicyScalar | PolicyScalar[];

export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: '*' | Record<string, PolicyValue>;
  readonly NotPrincipal?: '*' | Record<string, PolicyValue>;
  readonly Action?: PolicyValue;
  readonly NotAction?: PolicyValue;
  readonly Resource?: PolicyValue;
  readonly NotResource?: PolicyValue;
  /** operator -> condition key -> value(s), e.g. { StringEquals: { 'aws:SourceVpce': 'vpce-...' } } */
  readonly Condition?: Record<string, Record<string, PolicyValue>>;
}

export interface PolicyDocument {
  readonly Version?: string;
  readonly Statement: PolicyStatement[];
}
