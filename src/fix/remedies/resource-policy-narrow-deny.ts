// R17, R20: an explicit Deny in the resource policy (or a private custom domain's policy, R25) matches the request,
// and an added Allow cannot override it. Narrow the Deny only where that is plain: a Deny whose one condition is
// StringNotEquals on aws:SourceVpce (or aws:SourceVpc), "deny unless the request comes through these endpoints",
// gets the endpoint the request came through (or its VPC) added to its list; an Allow is added too when nothing
// else allows the request. Any other Deny is left alone: no candidate.
import {
  isKnown, isUnknown, type Api, type DomainName, type Element, type Maybe, type Model, type PolicyDocument, type PolicyStatement,
} from '../../model/index.js';
import { traceRequest } from '../../sim/trace-request.js';
import { fromTemplate, resourceType } from '../model-edit.js';
import type { Candidate, FixContext, Patch, Remedy, TextEdit } from '../types.js';
import { arrivalEndpoint, clientAccount, domainNameId, invokeTarget, named, refusal, shellQuote } from './api-request.js';
import { withStatement } from './policy-patch.js';
import { addConditionValue, appendStatement, statementOf, type NewStatement } from './policy-text.js';
import { mergeInserts } from './private-api-path.js';
import { constant, referTo, type Reference } from './yaml-text.js';

const NEGATED = new Set(['stringnotequals', 'stringnotequalsignorecase']);
const KEYS = new Set(['aws:sourcevpce', 'aws:sourcevpc']);

/** The Deny's one condition, when it is "StringNotEquals aws:SourceVpce|aws:SourceVpc [values]". */
function narrowable(s: PolicyStatement): { operator: string; key: string; values: string[] } | undefined {
  const ops = Object.entries(s.Condition ?? {});
  if (ops.length !== 1) return undefined;
  const [operator, block] = ops[0]!;
  if (!NEGATED.has(operator.toLowerCase()) || isUnknown(block)) return undefined;
  const keys = Object.entries(block);
  if (keys.length !== 1) return undefined;
  const [key, value] = keys[0]!;
  if (!KEYS.has(key.toLowerCase())) return undefined;
  const values = (Array.isArray(value) ? value : [value]);
  if (!values.every((v): v is string => typeof v === 'string')) return undefined;
  return { operator, key, values };
}

function statements(policy: PolicyDocument): PolicyStatement[] {
  const raw: unknown = policy.Statement;
  return Array.isArray(raw) ? (raw as PolicyStatement[]) : [raw as PolicyStatement];
}

interface Holder {
  readonly element: Api | DomainName;
  readonly policy: PolicyDocument;
  readonly type: string;
  readonly foreign: boolean;
  readonly replace: (model: Model, policy: PolicyDocument) => Model;
  readonly cli: (policy: PolicyDocument) => string[];
}

export const resourcePolicyNarrowDeny: Remedy = {
  id: 'resource-policy-narrow-deny',
  title: 'Narrow the resource policy\'s Deny to let this endpoint through',
  rule: 'R17',
  causes: ['resource-policy-denied'],
  propose(ctx: FixContext): Candidate[] {
    const hop = refusal(ctx.trace, 'resource-policy');
    const index = Number(/statement (\d+) \(Deny/.exec(hop?.detail ?? '')?.[1] ?? NaN);
    if (!hop?.elementId || !/explicit deny/.test(hop.detail) || Number.isNaN(index)) return [];
    const holder = holderOf(ctx, hop.elementId);
    const endpoint = arrivalEndpoint(ctx);
    if (!holder || !endpoint) return [];
    const deny = statements(holder.policy)[index];
    const cond = deny && deny.Effect === 'Deny' ? narrowable(deny) : undefined;
    if (!deny || !cond) return [];
    const byVpc = cond.key.toLowerCase() === 'aws:sourcevpc';
    const vpc = ctx.model.vpcs.find((v) => v.id === endpoint.vpcId);
    const target: Element | undefined = byVpc ? vpc : endpoint;
    if (!target) return [];
    const value = target.id;
    if (cond.values.includes(value)) return [];
    const file = holder.element.origin?.file ?? '';
    const ref: Reference | undefined = referTo(ctx.texts, ctx.model, file, target, value, `the id of ${named(target)}`, undefined, holder.element.origin?.logicalId);
    if (!ref) return [];

    const narrowed: PolicyStatement = { ...deny, Condition: { [cond.operator]: { [cond.key]: [...cond.values, value] } } };
    const policy1: PolicyDocument = { ...holder.policy, Statement: statements(holder.policy).map((s, i) => (i === index ? narrowed : s)) };
    // With the Deny narrowed, does anything allow the request? If not, an Allow for this caller goes with it.
    const probe = traceRequest(holder.replace(ctx.model, policy1), ctx.from, ctx.request);
    const stillDenied = !('error' in probe) && probe.cause.code === 'resource-policy-denied' && refusal(probe, 'resource-policy')?.elementId === holder.element.id;
    let allow: NewStatement | undefined;
    if (stillDenied) {
      if (/explicit deny/.test(refusal(probe, 'resource-policy')?.detail ?? '')) return [];
      const api = 'kind' in holder.element ? holder.element : undefined;
      const t = api ? invokeTarget(ctx, api) : undefined;
      if (api && !t) return [];
      allow = { resources: [constant(t ? t.shorthand : 'execute-api:/*')], condition: { operator: 'StringEquals', key: cond.key, value: ref.expr } };
    }
    const policy = allow ? withStatement(policy1, statementOf(allow)) : policy1;
    const patch = patchFor(ctx, holder, index, cond.key, ref, allow, policy, target);
    const what = `${named(target)}${fromTemplate(target) ? '' : ` (${value})`}`;
    const el = holder.element;
    const elWords = 'kind' in el ? named(el) : `the private custom domain ${el.domainName}`;
    return [{
      id: `resource-policy-narrow-deny:${named(el)}`,
      title: `${holder.foreign ? 'Ask the owner to add' : 'Add'} ${named(target)} to the ${cond.key} list of the Deny in ${elWords}'s policy`,
      description: `Statement ${index} of ${elWords}'s policy denies every request whose ${cond.key} is not one of ` +
        `${cond.values.join(', ')} (${cond.operator}). Add ${what} to that list, so the Deny no longer covers requests through ` +
        `${byVpc ? `endpoints in ${named(target)}` : named(target)} (R17, R20)` +
        (allow ? `, and add an Allow for them: ${allow.resources[0]!.value} when ${cond.key} is ${named(target)}.` : '. Another statement already allows the request.') +
        ('kind' in el ? ' Then deploy the API again.' : ''),
      apply: (model: Model) => holder.replace(model, policy),
      patch,
      assumes: [
        ...ref.assumes,
        `the Deny was meant to admit requests through ${named(target)}; whatever else it refuses it still refuses`,
        ...('kind' in el ? ['a new deployment of the stage: a REST API\'s resource policy takes effect when the API is deployed again'] : []),
      ],
      ...(holder.foreign ? {
        ownerAction: `Ask the owner of ${'kind' in el ? `API ${el.id}` : el.domainName} to add ${fromTemplate(target) ? `your ${named(target)}'s id` : value} ` +
          `to the ${cond.key} list of statement ${index} of its policy${allow ? ', and to allow it' : ''}.`,
      } : {}),
    }];
  },
};

function holderOf(ctx: FixContext, id: string): Holder | undefined {
  const api = ctx.model.apis.find((a) => a.id === id);
  if (api) {
    if (!isKnown(api.policy) || api.policy === undefined) return undefined;
    return {
      element: api, policy: api.policy, type: 'AWS::ApiGateway::RestApi', foreign: api.fromFacts === true,
      replace: (m, p) => ({ ...m, apis: m.apis.map((a) => (a.id === api.id ? { ...a, policy: p } : a)) }),
      cli: (p) => [
        `aws apigateway update-rest-api --rest-api-id ${api.id} --patch-operations ${shellQuote(JSON.stringify([{ op: 'replace', path: '/policy', value: JSON.stringify(p) }]))}`,
        `aws apigateway create-deployment --rest-api-id ${api.id} --stage-name <stage>`,
      ],
    };
  }
  const domain = ctx.model.domainNames.find((d) => d.id === id);
  if (!domain || !isKnown(domain.policy as Maybe<PolicyDocument> | undefined) || domain.policy === undefined) return undefined;
  const did = domainNameId(domain);
  return {
    element: domain, policy: domain.policy as PolicyDocument, type: 'AWS::ApiGateway::DomainNameV2', foreign: domain.account !== clientAccount(ctx),
    replace: (m, p) => ({ ...m, domainNames: m.domainNames.map((d) => (d.id === domain.id ? { ...d, policy: p } : d)) }),
    cli: (p) => [`aws apigateway update-domain-name --domain-name ${domain.domainName}${did ? ` --domain-name-id ${did}` : ''} --patch-operations ${shellQuote(JSON.stringify([{ op: 'replace', path: '/policy', value: JSON.stringify(p) }]))}`],
  };
}

function patchFor(
  ctx: FixContext, h: Holder, index: number, key: string, ref: Reference, allow: NewStatement | undefined, policy: PolicyDocument, target: Element,
): Patch {
  const el = h.element;
  if ('kind' in el && el.fromFacts) {
    let json = JSON.stringify(policy);
    if (fromTemplate(target)) json = json.split(`"${target.id}"`).join(`"\${${target.origin!.logicalId}}"`);
    return { edits: [], commands: [], facts: `apis:\n  - id: ${el.id}  # the policy of this facts.apis entry, once its owner has changed it\n    policy: ${json}` };
  }
  if (!fromTemplate(el)) return { edits: [], commands: h.cli(policy) };
  const origin = el.policyOrigin;
  const type = resourceType(ctx.model, el.origin?.logicalId, el.origin?.stack);
  if (type !== h.type || !(origin?.path ?? '').endsWith('.Policy')) {
    return { edits: [], commands: [], note: `the policy of ${named(el)} is not its Policy property: change statement ${index} there by hand` };
  }
  const narrowed = addConditionValue(ctx.texts, origin, 'Policy', index, key, ref.expr);
  if ('note' in narrowed) return { edits: [], commands: [], note: narrowed.note };
  const edits: TextEdit[] = [...ref.edits, ...narrowed.edits];
  if (allow) {
    const added = appendStatement(ctx.texts, origin, 'Policy', allow);
    if ('note' in added) return { edits: [], commands: [], note: added.note };
    edits.push(...added.edits);
  }
  return { edits: mergeInserts(edits), commands: [] };
}
