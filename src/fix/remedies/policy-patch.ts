// The patch that adds a statement to a policy: template edits where the policy is the resource's own property,
// AWS CLI commands for a snapshot element, a note otherwise. Shared by the policy remedies (R17, R21, R25).
import { isKnown, type Element, type Maybe, type Origin, type PolicyDocument, type PolicyStatement } from '../../model/index.js';
import { fromTemplate, resourceType } from '../model-edit.js';
import { findInResource } from '../template-text.js';
import type { FixContext, Patch, TextEdit } from '../types.js';
import { appendStatement, type NewStatement } from './policy-text.js';
import type { Reference } from './yaml-text.js';

/** The policy with the statement added (a new document when there was none). */
export function withStatement(policy: Maybe<PolicyDocument> | undefined, statement: PolicyStatement): PolicyDocument {
  const current = isKnown(policy) ? policy : undefined;
  const raw: unknown = current?.Statement;
  const list = Array.isArray(raw) ? (raw as PolicyStatement[]) : raw ? [raw as PolicyStatement] : [];
  return { Version: current?.Version ?? '2012-10-17', Statement: [...list, statement] };
}

export interface PolicyHolder {
  readonly element: Element;
  readonly policy: Maybe<PolicyDocument> | undefined;
  readonly policyOrigin: Origin | undefined;
  /** `Policy` or `PolicyDocument`. */
  readonly key: string;
  /** The resource type whose own property the policy is (`AWS::ApiGateway::RestApi`). */
  readonly types: readonly string[];
}

/**
 * Where the policy can be edited as the resource's own property: its line is the property (or, with no policy,
 * the Properties line of a resource of the plain type). A policy from an OpenAPI body or SAM Auth is not.
 */
function editable(ctx: FixContext, h: PolicyHolder): Origin | undefined {
  const type = resourceType(ctx.model, h.element.origin?.logicalId, h.element.origin?.stack);
  if (!type || !h.types.includes(type)) return undefined;
  // No policy at all: the reader gives no origin for it; the statement goes under the resource's Properties.
  const origin = h.policyOrigin ?? (h.policy === undefined ? findInResource(ctx.texts, h.element.origin, /^\s*Properties:\s*(#.*)?$/) : undefined);
  const path = origin?.path ?? '';
  return path.endsWith(`.${h.key}`) || (h.policy === undefined && (path.endsWith('.Properties') || !h.policyOrigin)) ? origin : undefined;
}

/** The patch for a statement added to a template's (or a snapshot's) policy. */
export function statementPatch(
  ctx: FixContext, h: PolicyHolder, statement: NewStatement, refs: readonly Reference[], commands: () => string[],
): Patch {
  if (!fromTemplate(h.element)) return { edits: [], commands: commands() };
  const origin = editable(ctx, h);
  if (!origin) {
    return { edits: [], commands: [], note: `the policy of ${h.element.name ?? h.element.id} is not its ${h.key} property (an API definition's x-amazon-apigateway-policy, or SAM Auth): add the statement there by hand` };
  }
  const r = appendStatement(ctx.texts, origin, h.key, statement);
  if ('note' in r) return { edits: [], commands: [], note: r.note };
  const edits: TextEdit[] = [...refs.flatMap((x) => x.edits), ...r.edits];
  return { edits, commands: [] };
}
