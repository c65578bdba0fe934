// IAM policy evaluation for resource, endpoint and private-domain policies: Deny beats Allow, no Allow denies.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html ; R17
import { isUnknown, type PolicyDocument } from '../../model/index.js';
import { conditionsMatch } from './conditions.js';
import { principalMatches } from './principal.js';
import { allOf, anyOf, isUndecided, not, type Tri, undecided } from './tri.js';
import type { PolicyDecision, RequestContext } from './types.js';
import { testValue, valuesOf } from './values.js';
import { wildcardMatch } from './wildcard.js';

type Keys = ReadonlyMap<string, string | undefined>;

/**
 * The decision of one policy document for one request. An Unknown inside the policy (or a condition key vpcpath
 * cannot know) makes the decision `unknown` only where it could change it: a certain explicit Deny stands even
 * when another statement is undecided.
 */
export function evaluatePolicy(policy: PolicyDocument, ctx: RequestContext): PolicyDecision {
  const keys: Keys = new Map(Object.entries(ctx.keys).map(([k, v]) => [k.toLowerCase(), v] as const));
  const raw: unknown = (policy as { Statement?: unknown } | null | undefined)?.Statement;
  if (isUnknown(raw)) return { kind: 'unknown', reason: raw.reason };
  // IAM accepts a single statement object as well as a list.
  const statements: unknown[] = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  let denyAt: number | undefined;
  let denyPending: string | undefined;
  let allowAt: number | undefined;
  let allowPending: string | undefined;
  for (const [index, statement] of statements.entries()) {
    const effect = effectOf(statement);
    if (effect === undefined) {
      allowPending ??= `statement ${index} has no Effect of Allow or Deny`;
      continue;
    }
    const applies = statementApplies(statement as Record<string, unknown>, ctx, keys);
    if (effect === 'Deny') {
      if (applies === true) denyAt ??= index;
      else if (isUndecided(applies)) denyPending ??= `statement ${index} (Deny): ${applies.unknown}`;
    } else if (applies === true) {
      allowAt ??= index;
    } else if (isUndecided(applies)) {
      allowPending ??= `statement ${index} (Allow): ${applies.unknown}`;
    }
  }
  if (denyAt !== undefined) return { kind: 'explicit-deny', statement: denyAt };
  if (denyPending !== undefined) return { kind: 'unknown', reason: denyPending };
  if (allowAt !== undefined) return { kind: 'allow', statement: allowAt };
  if (allowPending !== undefined) return { kind: 'unknown', reason: allowPending };
  return { kind: 'implicit-deny' };
}

function effectOf(statement: unknown): 'Allow' | 'Deny' | undefined {
  if (typeof statement !== 'object' || statement === null) return undefined;
  const effect = (statement as { Effect?: unknown }).Effect;
  return effect === 'Allow' || effect === 'Deny' ? effect : undefined;
}

/** Principal, action, resource and conditions must all match for a statement to apply. */
function statementApplies(statement: Record<string, unknown>, ctx: RequestContext, keys: Keys): Tri {
  const parts: (() => Tri)[] = [
    () => principalMatches(statement, ctx.principal),
    // Actions match case-insensitively (`execute-api:invoke` is `execute-api:Invoke`).
    () => elementMatches(statement.Action, statement.NotAction, 'Action', (p) => wildcardMatch(p, ctx.action, true)),
    // Resources match case-sensitively.
    () => elementMatches(statement.Resource, statement.NotResource, 'Resource', (p) => wildcardMatch(p, ctx.resource)),
    () => conditionsMatch(statement.Condition, keys),
  ];
  return allOf(parts, (part) => part());
}

function elementMatches(positive: unknown, negative: unknown, name: string, test: (pattern: string) => boolean): Tri {
  if (positive !== undefined) return anyOf(valuesOf(positive), (v) => testValue(v, test));
  if (negative !== undefined) return not(anyOf(valuesOf(negative), (v) => testValue(v, test)));
  return undecided(`the statement has neither ${name} nor Not${name}`);
}
