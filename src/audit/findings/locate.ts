// Where a failing pair's cause lives: the element of the pair's own VPC to change, with its file and line.
import type { Origin } from '../../model/index.js';
import type { CauseCode } from '../../sim/trace.js';
import type { Evaluation, PairResult } from '../evaluate.js';
import type { Placement } from '../placements.js';
import type { Target } from '../targets.js';
import { capturingEndpoints, originKey, ownTrace } from './pairs.js';

export interface CauseSite {
  /** Stable key to group pairs that one change fixes. */
  readonly key: string;
  readonly origin?: Origin;
  /** The element, for a person: `ApiEndpoint (vpce-0a1b...)`. */
  readonly element: string;
}

/** Locates causes, tracing a pair again only once per VPC, cause and representative cause site. */
export class CauseLocator {
  private readonly cache = new Map<string, CauseSite>();
  constructor(private readonly e: Evaluation) {}

  site(placement: Placement, target: Target, result: PairResult): CauseSite {
    const cause: CauseCode = result.outcome.cause;
    if (cause === 'public-api-via-vpc-endpoint') {
      // R3, R4: the endpoint whose private DNS answers *.execute-api in this VPC.
      const ep = capturingEndpoints(this.e, placement.vpcId)[0];
      if (ep) {
        const origin = ep.privateDnsOrigin ?? ep.origin;
        return { key: `endpoint:${ep.id}`, element: `${ep.name ?? ep.id} (${ep.id}, PrivateDnsEnabled)`, ...(origin ? { origin } : {}) };
      }
    }
    const key = `${placement.vpcId}|${cause}|${originKey(result.trace.cause.origin)}`;
    let site = this.cache.get(key);
    if (!site) {
      const trace = ownTrace(this.e, placement, target, result);
      const stop = [...trace.hops].reverse().find((h) => h.verdict === 'drop' || h.verdict === 'answer' || h.verdict === 'unknown');
      const origin = trace.cause.origin ?? stop?.origin;
      site = {
        key: `${cause}:${originKey(origin) || placement.vpcId}`,
        element: stop ? `${stop.at}${stop.elementId && stop.elementId !== stop.at ? ` (${stop.elementId})` : ''}` : trace.source.vpc,
        ...(origin ? { origin } : {}),
      };
      this.cache.set(key, site);
    }
    return site;
  }
}
