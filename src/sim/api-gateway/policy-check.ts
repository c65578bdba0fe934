// Runs one policy (resource, endpoint or private-domain) for a request and says in words what decided.
import { isUnknown, type PolicyDocument } from '../../model/index.js';
import { evaluatePolicy, namesSpecificPrincipals, type PolicyDecision, type RequestContext } from '../policy/index.js';
import { withUnknownPrincipal } from './request-keys.js';

export interface PolicyRun {
  readonly decision: PolicyDecision;
  /** `statement 0 (Allow; StringEquals aws:SourceVpce vpce-0a1b...) allows it`. */
  readonly words: string;
}

export interface PolicyRequest {
  readonly resource: string;
  readonly keys: RequestContext['keys'];
  /** R21: a SigV4-signed caller is an IAM identity vpcpath cannot name. */
  readonly signed: boolean;
}

export function runPolicy(policy: PolicyDocument, request: PolicyRequest): PolicyRun {
  if (request.signed && namesSpecificPrincipals(policy)) {
    const decision: PolicyDecision = {
      kind: 'unknown',
      reason: 'the request is SigV4-signed and the policy names IAM principals; which identity signed it is not in the model',
    };
    return { decision, words: decision.reason };
  }
  const ctx: RequestContext = {
    action: 'execute-api:Invoke',
    resource: request.resource,
    principal: 'anonymous',
    keys: request.signed ? withUnknownPrincipal(request.keys) : request.keys,
  };
  const decision = evaluatePolicy(policy, ctx);
  return { decision, words: describeDecision(policy, decision) };
}

export function isDenial(decision: PolicyDecision): boolean {
  return decision.kind === 'explicit-deny' || decision.kind === 'implicit-deny';
}

function describeDecision(policy: PolicyDocument, decision: PolicyDecision): string {
  switch (decision.kind) {
    case 'allow': return `${describeStatement(policy, decision.statement)} allows it`;
    case 'explicit-deny': return `${describeStatement(policy, decision.statement)} denies it (explicit deny)`;
    case 'implicit-deny': return 'no statement allows it (implicit deny)';
    case 'unknown': return `the decision depends on something vpcpath does not know: ${decision.reason}`;
  }
}

/** `statement 1 (Deny, Sid DenyOthers; StringNotEquals aws:SourceVpce vpce-0a1b...)`. */
export function describeStatement(policy: PolicyDocument, index: number): string {
  const raw: unknown = (policy as { Statement?: unknown }).Statement;
  const list = Array.isArray(raw) ? raw : [raw];
  const s = list[index] as { Effect?: string; Sid?: string; Condition?: unknown } | undefined;
  if (!s || typeof s !== 'object') return `statement ${index}`;
  const head = [s.Effect, s.Sid ? `Sid ${s.Sid}` : undefined].filter(Boolean).join(', ');
  const cond = describeCondition(s.Condition);
  return `statement ${index} (${head}${cond ? `; ${cond}` : ''})`;
}

function describeCondition(condition: unknown): string {
  if (typeof condition !== 'object' || condition === null || isUnknown(condition)) return '';
  const parts: string[] = [];
  for (const [op, block] of Object.entries(condition as Record<string, unknown>)) {
    if (typeof block !== 'object' || block === null || isUnknown(block)) continue;
    for (const [key, value] of Object.entries(block as Record<string, unknown>)) {
      const values = (Array.isArray(value) ? value : [value]).map((v) => (isUnknown(v) ? '(unknown)' : String(v)));
      parts.push(`${op} ${key} ${values.join(' | ')}`);
    }
  }
  return parts.join(', ');
}
