// Principal and NotPrincipal: who a statement is about. R17: only `*` covers an anonymous caller.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
import { isUnknown } from '../../model/index.js';
import type { RequestContext } from './types.js';
import { anyOf, not, type Tri, undecided } from './tri.js';
import { testValue, valuesOf } from './values.js';

/** Whether the statement applies to the caller, from its Principal or NotPrincipal element. */
export function principalMatches(statement: { Principal?: unknown; NotPrincipal?: unknown }, who: RequestContext['principal']): Tri {
  if (statement.Principal !== undefined) return principalElementMatches(statement.Principal, who);
  if (statement.NotPrincipal !== undefined) return not(principalElementMatches(statement.NotPrincipal, who));
  // Resource and endpoint policies require a Principal; a statement without one is read as identity-policy style,
  // applying to whoever makes the request.
  return true;
}

function principalElementMatches(element: unknown, who: RequestContext['principal']): Tri {
  if (element === '*') return true;
  if (isUnknown(element)) return undecided(element.reason);
  if (typeof element !== 'object' || element === null || Array.isArray(element)) {
    return undecided('the statement has a Principal element vpcpath cannot read');
  }
  return anyOf(Object.entries(element as Record<string, unknown>), ([type, value]) =>
    anyOf(valuesOf(value), (v) => testValue(v, (known) => principalValueMatches(type, known, who))),
  );
}

function principalValueMatches(type: string, value: string, who: RequestContext['principal']): boolean {
  // { "AWS": "*" } is the same as "*": everyone, anonymous callers included.
  if (type === 'AWS' && value === '*') return true;
  // IAM principals (accounts, roles, users), services and federated identities never cover an anonymous caller.
  if (who === 'anonymous' || type !== 'AWS') return false;
  const caller = who.arn;
  const callerAccount = caller.split(':')[4] ?? '';
  if (/^\d{12}$/.test(value)) return value === callerAccount;
  const root = /^arn:[^:]+:iam::(\d{12}):root$/.exec(value);
  if (root) return root[1] === callerAccount;
  if (value === caller) return true;
  // A role principal also covers the sessions of that role.
  const session = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\//.exec(caller);
  return session !== null && new RegExp(`^arn:${session[1]}:iam::${session[2]}:role/(.*/)?${escape(session[3] ?? '')}$`).test(value);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
