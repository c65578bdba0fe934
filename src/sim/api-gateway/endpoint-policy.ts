// The execute-api endpoint's own policy (R21): evaluated before API Gateway looks at the API; absent = full access.
import { displayName, isUnknown, nameAndId, type VpcEndpoint } from '../../model/index.js';
import type { RequestContext } from '../policy/index.js';
import type { Component, Hop } from '../trace.js';
import { endpointPolicyDeniedCause } from './causes-refusals.js';
import { isDenial, runPolicy, type PolicyRun } from './policy-check.js';
import type { Recorder } from './recorder.js';
import type { FrontDoorResult } from './types.js';

export interface EndpointPolicyInput {
  readonly endpoint: VpcEndpoint;
  /** The ARNs the policy is evaluated on: the API's invoke ARN, and for a private custom domain also the domain's. */
  readonly resources: readonly string[];
  readonly target: string;
  readonly keys: RequestContext['keys'];
  readonly signed: boolean;
}

export function checkEndpointPolicy(rec: Recorder, input: EndpointPolicyInput): FrontDoorResult | undefined {
  const { endpoint } = input;
  const at = displayName(endpoint);
  const where = endpoint.policyOrigin ?? endpoint.origin;
  const hop = (h: Pick<Hop, 'verdict' | 'detail' | 'confidence'>): Hop => ({
    at, elementId: endpoint.id, action: 'endpoint-policy', component: 'vpc-endpoint' as Component,
    ...(where ? { origin: where } : {}), rules: ['R21'], ...h,
  });
  const policy = endpoint.policy;
  if (policy === undefined) {
    rec.add(hop({ verdict: 'pass', detail: `${at} has no custom endpoint policy: the default policy allows full access`, confidence: 'documented' }));
    return undefined;
  }
  if (isUnknown(policy)) {
    return rec.unknown(hop({ verdict: 'unknown', detail: `${at}'s endpoint policy is not known: ${policy.reason}`, confidence: 'documented' }),
      [{ fact: `endpoint policy of ${nameAndId(endpoint)}`, reason: policy.reason, ...(where ? { origin: where } : {}) }],
      'Give the endpoint policy a known value (the parameter or import it depends on), then trace again.');
  }
  const runs = input.resources.map((resource) => ({ resource, run: runPolicy(policy, { resource, keys: input.keys, signed: input.signed }) }));
  const pending = runs.find((r) => r.run.decision.kind === 'unknown');
  const denied = runs.filter((r) => isDenial(r.run.decision));
  const detail = runs.map((r) => `on ${r.resource}: ${r.run.words}`).join('; ');
  if (denied.length === runs.length) {
    rec.add(hop({ verdict: 'answer', detail: `${at}'s endpoint policy ${detail}`, confidence: 'documented' }));
    rec.caveat('AWS documents that an endpoint policy restricts which APIs the endpoint reaches (R21), not the answer a denied request gets; vpcpath shows a 403 without a body (Q7, inferred). A policy that allows only IAM principals answers an unsigned request 403 IncompleteSignatureException or InvalidSignatureException (R21).', 'R21');
    const first = denied[0] as { resource: string; run: PolicyRun };
    return rec.finish(
      { result: 'http', status: 403, answeredBy: `the execute-api VPC endpoint ${at}`, confidence: 'inferred' },
      endpointPolicyDeniedCause(endpoint, input.target, first.resource, first.run.words),
    );
  }
  if (pending || denied.length > 0) {
    const reason = pending
      ? (pending.run.decision as { reason: string }).reason
      : 'the policy allows one of the ARNs a private custom domain request carries and not the other; which one AWS evaluates is not documented';
    return rec.unknown(hop({ verdict: 'unknown', detail: `${at}'s endpoint policy ${detail}`, confidence: 'inferred' }),
      [{ fact: `endpoint policy decision of ${nameAndId(endpoint)}`, reason, ...(where ? { origin: where } : {}) }],
      'Make the endpoint policy decide without the unknown (or allow both the domain and the API).');
  }
  rec.add(hop({ verdict: 'pass', detail: `${at}'s endpoint policy ${detail}`, confidence: 'documented' }));
  return undefined;
}
