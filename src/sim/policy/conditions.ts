// The Condition block: every operator and every key must match (AND); a key's several policy values are OR.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html
import { isUnknown, type Unknown } from '../../model/index.js';
import { operatorNamed } from './operators.js';
import { allOf, anyOf, not, type Tri, undecided } from './tri.js';
import { testValue, valuesOf } from './values.js';

interface ParsedOperator {
  readonly name: string;
  readonly base: string;
  readonly set?: 'any' | 'all';
  readonly ifExists: boolean;
}

function parseOperator(name: string): ParsedOperator {
  let base = name.toLowerCase();
  let set: 'any' | 'all' | undefined;
  if (base.startsWith('foranyvalue:')) {
    set = 'any';
    base = base.slice('foranyvalue:'.length);
  } else if (base.startsWith('forallvalues:')) {
    set = 'all';
    base = base.slice('forallvalues:'.length);
  }
  const ifExists = base.endsWith('ifexists') && base !== 'ifexists';
  if (ifExists) base = base.slice(0, -'ifexists'.length);
  return set ? { name, base, set, ifExists } : { name, base, ifExists };
}

type Keys = ReadonlyMap<string, string | undefined>;

/** Whether a statement's Condition block matches the request's condition keys (lower-cased names). */
export function conditionsMatch(condition: unknown, keys: Keys): Tri {
  if (condition === undefined || condition === null) return true;
  if (isUnknown(condition)) return undecided(condition.reason);
  if (typeof condition !== 'object' || Array.isArray(condition)) {
    return undecided('the statement has a Condition block vpcpath cannot read');
  }
  return allOf(Object.entries(condition as Record<string, unknown>), ([opName, block]) => {
    if (isUnknown(block)) return undecided(block.reason);
    if (typeof block !== 'object' || block === null || Array.isArray(block)) {
      return undecided(`the condition operator ${opName} has no key-value block`);
    }
    const op = parseOperator(opName);
    return allOf(Object.entries(block as Record<string, unknown>), ([key, value]) =>
      keyMatches(op, key, valuesOf(value), keys),
    );
  });
}

function keyMatches(op: ParsedOperator, key: string, values: (string | Unknown)[], keys: Keys): Tri {
  const lower = key.toLowerCase();
  if (!keys.has(lower)) return undecided(`vpcpath does not know the value of the condition key ${key} for this request`);
  const requestValue = keys.get(lower);
  const present = requestValue !== undefined;
  if (op.base === 'null') {
    // Null: "true" matches an absent key, "false" a present one.
    return anyOf(values, (v) => testValue(v, (known) => (known.toLowerCase() === 'true') === !present));
  }
  const operator = operatorNamed(op.base);
  if (!operator) return undecided(`vpcpath does not evaluate the condition operator ${op.name}`);
  if (!present && op.ifExists) return true;
  const perValue = (requestVal: string): Tri => {
    const positive = anyOf(values, (v) => testValue(v, (known) => operator.test(requestVal, known)));
    return operator.negated ? not(positive) : positive;
  };
  const requestValues = present ? [requestValue] : [];
  if (op.set === 'any') return anyOf(requestValues, perValue);
  if (op.set === 'all') return allOf(requestValues, perValue);
  // A negated operator matches a request without the key, as IAM evaluates it.
  if (!present) return operator.negated;
  return perValue(requestValue);
}
