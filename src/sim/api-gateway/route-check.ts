// The resource-and-method (REST) or route (HTTP) step of API Gateway's decision (R16).
import { displayName, isUnknown, nameAndId } from '../../model/index.js';
import type { Hop } from '../trace.js';
import { missingAuthenticationToken, notFound } from './answers.js';
import type { ApiCall } from './api-decision.js';
import { routeNotFoundCause } from './causes-routing.js';
import type { Recorder } from './recorder.js';
import { matchRoute } from './routes.js';
import type { FrontDoorResult } from './types.js';

type HopMaker = (h: Omit<Hop, 'at' | 'elementId' | 'component'>) => Hop;

/** Records the method hop; returns a result when API Gateway answers by itself (or a fact is missing). */
export function checkRoute(rec: Recorder, call: ApiCall, hop: HopMaker): FrontDoorResult | undefined {
  const { api } = call;
  const at = displayName(api);
  const by = `API Gateway (${at})`;
  if (call.stage.kind !== 'stage') return undefined;
  const { name: stage, path } = call.stage;
  if (api.fromFacts) {
    rec.add(hop({ action: 'method', verdict: 'pass', detail: `${at} comes from facts.apis, which accept any path and method`, rules: [], confidence: 'documented' }));
    return undefined;
  }
  if (api.kind === 'WEBSOCKET') {
    rec.add(hop({ action: 'method', verdict: 'info', detail: `${at} is a WebSocket API: the handshake goes to its $connect route`, rules: ['R15'], confidence: 'inferred' }));
    rec.caveat('WebSocket routes ($connect and the route selection expression) are not simulated; the handshake is taken to reach $connect (inferred).', 'R15');
    return undefined;
  }
  if (isUnknown(api.resources)) {
    return rec.unknown(
      hop({ action: 'method', verdict: 'unknown', detail: `the resources and methods of ${at} are not known: ${api.resources.reason}`, rules: ['R16'], confidence: 'documented' }),
      [{ fact: `resources and methods of ${nameAndId(api)}`, reason: api.resources.reason, ...(api.resources.origin ? { origin: api.resources.origin } : {}) }],
      'Load the API definition (an inline Body or the resources and methods), or describe the API in facts.apis.',
    );
  }
  const match = matchRoute(api.resources, path, call.method, api.kind);
  if (match.kind === 'match') {
    const r = match.resource;
    rec.add(hop({
      action: 'method', verdict: 'pass',
      detail: `${call.method} ${path} matches ${api.kind === 'REST' ? 'resource' : 'route'} ${r.path} (${r.methods.join(', ')})`,
      ...(r.origin ? { origin: r.origin } : {}), rules: ['R16'], confidence: 'documented',
    }));
    return undefined;
  }
  const noMethodOn = match.kind === 'no-method' ? match.resource.path : undefined;
  rec.add(hop({
    action: 'method', verdict: 'answer',
    detail: noMethodOn
      ? `${path} selects resource ${noMethodOn}, which has no ${call.method} or ANY method`
      : `no ${api.kind === 'REST' ? 'resource' : 'route'} of ${at} matches ${call.method} ${path}`,
    ...(match.kind === 'no-method' && match.resource.origin ? { origin: match.resource.origin } : api.origin ? { origin: api.origin } : {}),
    rules: ['R16'], confidence: api.kind === 'REST' ? 'documented' : 'inferred',
  }));
  if (match.kind === 'no-method' && match.alsoAccepts) {
    rec.caveat(`The less specific resource ${match.alsoAccepts.path} has ${call.method}, but API Gateway picks the most specific resource for the path first; that it does not fall back is inferred.`, 'R16');
  }
  if (api.kind === 'HTTP') {
    rec.caveat('An HTTP API answers a request with no matching route with 404 {"message":"Not Found"}; AWS does not document this answer (inferred).', 'R16');
    return rec.finish(notFound(by), routeNotFoundCause(api, call.method, path, stage));
  }
  return rec.finish(missingAuthenticationToken(by, 'documented'), routeNotFoundCause(api, call.method, path, stage, noMethodOn));
}
