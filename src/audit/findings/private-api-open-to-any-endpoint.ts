// A private API whose resource policy admits calls through any VPC endpoint: with no aws:SourceVpce or
// aws:SourceVpc condition, any account's execute-api endpoint can reach it (R19, R20). A security warning.
import { isKnown, type Api } from '../../model/index.js';
import { invokeArn } from '../../sim/api-gateway/arn.js';
import { runPolicy } from '../../sim/api-gateway/policy-check.js';
import { expandApiPolicy } from '../../sim/policy/index.js';
import { samplePath } from '../../fix/requests.js';
import type { Evaluation } from '../evaluate.js';
import type { Finding } from '../finding.js';

/** An endpoint and VPC no policy can name: a stranger's. */
const STRANGER = { vpce: 'vpce-0ffffffffffffffff', vpc: 'vpc-0ffffffffffffffff', ip: '10.255.255.254' };

/** Whether the API's policy allows an anonymous call through a stranger's endpoint (R20 keys). */
export function admitsAnyEndpoint(api: Api): boolean | undefined {
  if (api.policy === undefined) return false; // R19: without a policy every call fails.
  if (!isKnown(api.policy)) return undefined;
  const stage = isKnown(api.stages) ? api.stages[0]?.name ?? 'prod' : 'prod';
  const policy = expandApiPolicy(api.policy, { region: api.region, account: api.account, id: api.id });
  const run = runPolicy(policy, {
    resource: invokeArn(api, stage, 'GET', samplePath(api)),
    signed: false,
    keys: {
      'aws:sourcevpce': STRANGER.vpce, 'aws:sourcevpc': STRANGER.vpc, 'aws:vpcsourceip': STRANGER.ip, 'aws:sourceip': undefined,
      'aws:sourceaccount': undefined, 'aws:principalaccount': undefined, 'aws:principalorgid': undefined,
    },
  });
  if (run.decision.kind === 'unknown') return undefined;
  return run.decision.kind === 'allow';
}

export function privateApiOpenToAnyEndpoint(e: Evaluation): Finding[] {
  const out: Finding[] = [];
  for (const api of e.model.apis) {
    if (api.endpointType !== 'PRIVATE' || api.fromFacts) continue;
    if (admitsAnyEndpoint(api) !== true) continue;
    const location = api.policyOrigin ?? api.origin;
    out.push({
      kind: 'private-api-open-to-any-endpoint',
      severity: 'warning',
      title: `${api.name ?? api.id} (${api.id}) is a private API whose resource policy admits any VPC endpoint`,
      message: 'The resource policy allows execute-api:Invoke without an aws:SourceVpce or aws:SourceVpc condition, so a call ' +
        'through any execute-api VPC endpoint, in any account, is allowed (R20). Private is a network path, not an access ' +
        'control: add a condition naming your endpoints or VPCs (StringEquals aws:SourceVpce), or an explicit Deny for others.',
      rules: ['R19', 'R20', 'R35'],
      ...(location ? { location } : {}),
      related: [],
      pairs: [],
    });
  }
  return out;
}
