// API Gateway's own decision once an API is selected: default endpoint, stage, route, resource policy (R14-R19).
import { displayName, isUnknown, nameAndId, type Api, type DomainName } from '../../model/index.js';
import { conditionKeysUsed, expandApiPolicy, type RequestContext } from '../policy/index.js';
import type { Hop } from '../trace.js';
import { accessDenied, forbidden, notFound, reachedIntegration } from './answers.js';
import { invokeArn } from './arn.js';
import { defaultEndpointDisabledCause, resourcePolicyDeniedCause } from './causes-refusals.js';
import { okCause, stageNotFoundCause } from './causes-routing.js';
import { isDenial, runPolicy } from './policy-check.js';
import type { Recorder } from './recorder.js';
import { checkRoute } from './route-check.js';
import type { StageSelection } from './stage.js';
import type { FrontDoorResult } from './types.js';

export interface ApiCall {
  readonly api: Api;
  readonly stage: StageSelection;
  readonly method: string;
  /** Called by an execute-api name (default host, {api}-{vpce} alias, endpoint name with a header), not a custom domain. */
  readonly byDefaultEndpoint: boolean;
  readonly through?: DomainName;
  readonly keys: RequestContext['keys'];
  readonly signed: boolean;
  /** How the request came in, for the explanation: `through ApiEndpoint (vpce-...)`. */
  readonly way: string;
}

const FIX_FACTS = 'Load the template that defines the API, or describe it in facts.apis (see scenario-format.md).';

export function decideApi(rec: Recorder, call: ApiCall): FrontDoorResult {
  const { api } = call;
  const at = displayName(api);
  const by = `API Gateway (${at})`;
  const hop = (h: Omit<Hop, 'at' | 'elementId' | 'component'>): Hop => ({ at, elementId: api.id, component: 'api-gateway', ...h });

  // R14: a disabled default endpoint answers 403 to calls by the execute-api name, before anything else.
  if (call.byDefaultEndpoint && api.disableExecuteApiEndpoint) {
    rec.add(hop({
      action: 'default-endpoint', verdict: 'answer',
      detail: `${at} has disableExecuteApiEndpoint: true; its default execute-api endpoint answers 403 on every stage`,
      ...(api.disableExecuteApiEndpointOrigin ? { origin: api.disableExecuteApiEndpointOrigin } : {}),
      rules: ['R14'], confidence: 'documented',
    }));
    rec.caveat('AWS documents the 403 of a disabled default endpoint, not its body or error type; the body shown is the usual {"message":"Forbidden"} (R14).', 'R14');
    return rec.finish(forbidden(by, 'documented'), defaultEndpointDisabledCause(api));
  }

  // Stage: the first path segment of a default URL, or the mapping's stage (R14, R28).
  const stage = call.stage;
  if (stage.kind === 'unknown') {
    return rec.unknown(
      hop({ action: 'stage', verdict: 'unknown', detail: `the deployed stages of ${at} are not known: ${stage.reason}`, rules: ['R14'], confidence: 'documented' }),
      [{ fact: `stages of ${nameAndId(api)}`, reason: stage.reason, ...(stage.origin ? { origin: stage.origin } : {}) }],
      FIX_FACTS,
    );
  }
  if (stage.kind === 'no-stage') {
    const deployed = isUnknown(api.stages) ? [] : api.stages.map((s) => s.name);
    rec.add(hop({
      action: 'stage', verdict: 'answer',
      detail: `${stage.name === undefined ? 'the URL names no stage' : `no stage "${stage.name}"`} in ${at} (deployed: ${deployed.join(', ') || 'none'})`,
      ...(api.origin ? { origin: api.origin } : {}), rules: ['R16'], confidence: api.kind === 'REST' ? 'observed' : 'inferred',
    }));
    if (api.kind === 'HTTP') {
      rec.caveat('An HTTP API answers a path with no matching stage or route with 404 {"message":"Not Found"}; AWS does not document this answer (inferred).', 'R16');
      return rec.finish(notFound(by), stageNotFoundCause(api, stage.name, call.through));
    }
    rec.caveat('A stage that does not exist is answered 403 {"message":"Forbidden"}: users report it, AWS does not document it (R16, observed).', 'R16');
    return rec.finish(forbidden(by, api.kind === 'REST' ? 'observed' : 'inferred'), stageNotFoundCause(api, stage.name, call.through));
  }
  rec.add(hop({
    action: 'stage', verdict: 'pass',
    detail: stage.anyStage
      ? `stage ${stage.name}: ${at} comes from facts without a list of stages, so any stage is taken as deployed`
      : `stage ${stage.name} is deployed`,
    ...(stage.origin ? { origin: stage.origin } : {}), rules: ['R14'], confidence: 'documented',
  }));

  // Resource and method (REST) or route (HTTP).
  const route = checkRoute(rec, call, hop);
  if (route) return route;

  // R17, R19: the resource policy, on the request's execute-api ARN with the R35 shorthand expanded.
  const arn = invokeArn(api, stage.name, call.method, stage.path);
  if (api.kind === 'REST') {
    const refused = checkResourcePolicy(rec, call, arn, hop, by);
    if (refused) return refused;
  }

  rec.add(hop({
    action: 'integration', verdict: 'pass',
    detail: `${call.method} ${stage.path} on stage ${stage.name} is handed to ${at}'s integration`,
    rules: [], confidence: 'documented',
  }));
  return rec.finish(reachedIntegration(by, rec.confidence()), okCause(api, call.method, stage.path, stage.name, call.way));
}

function checkResourcePolicy(
  rec: Recorder, call: ApiCall, arn: string, hop: (h: Omit<Hop, 'at' | 'elementId' | 'component'>) => Hop, by: string,
): FrontDoorResult | undefined {
  const { api } = call;
  const at = displayName(api);
  const isPrivate = api.endpointType === 'PRIVATE';
  const where = api.policyOrigin ? { origin: api.policyOrigin } : api.origin ? { origin: api.origin } : {};
  if (api.policy === undefined) {
    if (!isPrivate) {
      rec.add(hop({ action: 'resource-policy', verdict: 'pass', detail: `${at} has no resource policy: API Gateway does not restrict callers`, ...where, rules: ['R17'], confidence: 'documented' }));
      return undefined;
    }
    // R19: "Until you do so, all calls to the API will fail"; newer consoles refuse to deploy it.
    rec.add(hop({ action: 'resource-policy', verdict: 'answer', detail: `${at} is PRIVATE and has no resource policy: all calls fail`, ...where, rules: ['R19'], confidence: 'documented' }));
    rec.caveat('The exact answer to a private API without a resource policy is not documented; vpcpath shows the R17 access-denied answer (inferred).', 'R19');
    return rec.finish(accessDenied(by, arn, 'inferred'), resourcePolicyDeniedCause(api, arn, '', true));
  }
  if (isUnknown(api.policy)) {
    return rec.unknown(
      hop({ action: 'resource-policy', verdict: 'unknown', detail: `${at}'s resource policy is not known: ${api.policy.reason}`, ...where, rules: ['R17'], confidence: 'documented' }),
      [{ fact: `resource policy of ${nameAndId(api)}`, reason: api.policy.reason, ...(api.policyOrigin ? { origin: api.policyOrigin } : {}) }],
      FIX_FACTS,
    );
  }
  const policy = expandApiPolicy(api.policy, api);
  const keysUsed = conditionKeysUsed(policy);
  if (isPrivate && keysUsed.has('aws:sourceip')) {
    rec.caveat(`${at}'s resource policy tests aws:SourceIp, but through an execute-api endpoint the source IP is rewritten: the client's address is in aws:VpcSourceIp, and aws:SourceIp is treated as absent (R20; the exact value AWS sees is inferred).`, 'R20');
  }
  const run = runPolicy(policy, { resource: arn, keys: call.keys, signed: call.signed });
  const detail = `${at}'s resource policy on ${arn}: ${run.words}`;
  if (run.decision.kind === 'unknown') {
    return rec.unknown(
      hop({ action: 'resource-policy', verdict: 'unknown', detail, ...where, rules: ['R17'], confidence: 'documented' }),
      [{ fact: `resource policy of ${nameAndId(api)}`, reason: run.decision.reason, ...(api.policyOrigin ? { origin: api.policyOrigin } : {}) }],
      'Give the policy value or condition key a known value (a parameter value, or facts), then trace again.',
    );
  }
  if (isDenial(run.decision)) {
    rec.add(hop({ action: 'resource-policy', verdict: 'answer', detail, ...where, rules: ['R17', 'R35'], confidence: 'documented' }));
    if (run.decision.kind === 'explicit-deny') {
      rec.caveat('For an explicit Deny, AWS may end the message with "with an explicit deny"; that suffix is not confirmed (R17).', 'R17');
    }
    return rec.finish(accessDenied(by, arn, 'documented'), resourcePolicyDeniedCause(api, arn, run.words, false));
  }
  rec.add(hop({ action: 'resource-policy', verdict: 'pass', detail, ...where, rules: ['R17', 'R35'], confidence: 'documented' }));
  return undefined;
}
