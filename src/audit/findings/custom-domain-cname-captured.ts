// A custom domain whose CNAME leads to `d-....execute-api.{region}.amazonaws.com`: inside a VPC whose execute-api
// endpoint has private DNS, the resolver follows the CNAME into the endpoint's *.execute-api zone, and the public
// API behind the domain answers 403. A Route 53 alias is answered by Route 53 itself and does not fall in (R29).
import type { DnsStep } from '../../sim/trace.js';
import type { Evaluation } from '../evaluate.js';
import type { Finding } from '../finding.js';
import { capPairs, pairsOf } from './pairs.js';

const CAPTURABLE = /\.execute-api\.[a-z0-9-]+\.amazonaws\.com$/;

/** The CNAME step that leads into an execute-api name the endpoint's private DNS then answers. */
export function capturedCname(steps: readonly DnsStep[]): DnsStep | undefined {
  const last = steps.at(-1);
  if (!last || last.source !== 'endpoint-private-dns') return undefined;
  return steps.find((s) => s.recordType === 'CNAME' && s.answer.some((a) => CAPTURABLE.test(a)));
}

export function customDomainCnameCaptured(e: Evaluation): Finding[] {
  const out = new Map<string, Finding>();
  e.targetClasses.forEach((tMembers, tc) => {
    const target = e.targets[tMembers[0]!]!;
    if (target.kind === 'default-url' || target.kind === 'vpce-name' || CAPTURABLE.test(target.host)) return;
    e.placementClasses.forEach((pMembers, pc) => {
      const result = e.results.get(`${pc},${tc}`);
      if (!result || result.outcome.reached) return;
      const step = capturedCname(result.trace.dns?.steps ?? []);
      if (!step) return;
      const pairs = pairsOf(e, pMembers, tc, result);
      if (!pairs.length) return;
      const key = `${target.host}|${step.name}`;
      const seen = out.get(key);
      if (seen) {
        out.set(key, { ...seen, pairs: capPairs([...seen.pairs, ...pairs]).pairs });
        return;
      }
      out.set(key, {
        kind: 'custom-domain-cname-captured',
        severity: 'error',
        title: `${target.host}: its CNAME to ${step.answer[0]} falls into the execute-api endpoint's private DNS; calls fail (${result.outcome.status !== undefined ? `HTTP ${result.outcome.status}` : result.outcome.result})`,
        message: `${step.name} is a CNAME to ${step.answer[0]}, a *.execute-api name. In a VPC whose execute-api endpoint has private DNS ` +
          'on, the VPC resolver follows the CNAME and the endpoint\'s hidden zone answers it with the endpoint\'s addresses (R4, R29), ' +
          'so the request goes to the endpoint, which serves private APIs only (R12). Publish the name as a Route 53 alias (A) record ' +
          'instead, or use an edge-optimized custom domain (a CloudFront name is outside the wildcard), R29.',
        cause: result.outcome.cause,
        rules: ['R4', 'R12', 'R27', 'R29'],
        ...(step.origin ? { location: step.origin } : target.origin ? { location: target.origin } : {}),
        related: target.origin && step.origin ? [{ message: `the custom domain ${target.domainName ?? target.host}`, origin: target.origin }] : [],
        pairs: capPairs(pairs).pairs,
      });
    });
  });
  return [...out.values()];
}
