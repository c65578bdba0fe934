// Reading policy values as IAM does: a scalar or a list, each a string or an explicit Unknown.
import { isUnknown, type PolicyScalar, type Unknown } from '../../model/index.js';
import { type Tri, undecided } from './tri.js';

/** The values of a policy element as a list; booleans and numbers written without quotes become strings. */
export function valuesOf(value: unknown): (string | Unknown)[] {
  const list = Array.isArray(value) ? value : [value];
  const out: (string | Unknown)[] = [];
  for (const item of list) {
    if (item === undefined || item === null) continue;
    if (isUnknown(item)) out.push(item);
    else if (typeof item === 'string') out.push(item);
    else if (typeof item === 'number' || typeof item === 'boolean') out.push(String(item));
    else out.push({ kind: 'unknown', reason: `the policy holds a value vpcpath cannot read: ${JSON.stringify(item)}` });
  }
  return out;
}

/** Applies a test to a known value; an Unknown value stays undecided with its reason. */
export function testValue(value: PolicyScalar, test: (known: string) => Tri): Tri {
  return isUnknown(value) ? undecided(value.reason) : test(value);
}
