// What a policy refers to, for caveats: which condition keys it reads and whether it names IAM principals.
import { isUnknown, type PolicyDocument } from '../../model/index.js';

function statementsOf(policy: PolicyDocument): Record<string, unknown>[] {
  const raw: unknown = (policy as { Statement?: unknown }).Statement;
  if (raw === undefined || raw === null || isUnknown(raw)) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((s): s is Record<string, unknown> => typeof s === 'object' && s !== null);
}

/** Lower-cased names of every condition key the policy reads. */
export function conditionKeysUsed(policy: PolicyDocument): Set<string> {
  const keys = new Set<string>();
  for (const statement of statementsOf(policy)) {
    const condition = statement.Condition;
    if (typeof condition !== 'object' || condition === null || isUnknown(condition)) continue;
    for (const block of Object.values(condition as Record<string, unknown>)) {
      if (typeof block !== 'object' || block === null || isUnknown(block)) continue;
      for (const key of Object.keys(block)) keys.add(key.toLowerCase());
    }
  }
  return keys;
}

/** Whether any statement's Principal or NotPrincipal is something other than everyone (`*`). */
export function namesSpecificPrincipals(policy: PolicyDocument): boolean {
  return statementsOf(policy).some((s) => [s.Principal, s.NotPrincipal].some((p) => p !== undefined && !isEveryone(p)));
}

function isEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  if (typeof principal !== 'object' || principal === null || isUnknown(principal)) return false;
  const entries = Object.entries(principal as Record<string, unknown>);
  return entries.length === 1 && entries[0]?.[0] === 'AWS' && (entries[0][1] === '*' || (Array.isArray(entries[0][1]) && entries[0][1].every((v) => v === '*')));
}
