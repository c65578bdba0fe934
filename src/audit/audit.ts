// `vpcpath audit`: every workload placement of an estate against every target it knows, and what is wrong.
import type { Model } from '../model/index.js';
import type { QueriedName } from '../sources/query-logs/read-query-logs.js';
import { evaluateEstate, type Evaluation } from './evaluate.js';
import type { Finding, Severity } from './finding.js';
import { customDomainCnameCaptured } from './findings/custom-domain-cname-captured.js';
import { endpointSecurityGroupExcludesOwnVpc } from './findings/endpoint-security-group-excludes-own-vpc.js';
import { privateApiOpenToAnyEndpoint } from './findings/private-api-open-to-any-endpoint.js';
import { privateApiUnreachable } from './findings/private-api-unreachable.js';
import { publicApiDefaultUrlUnreachable } from './findings/public-api-default-url-unreachable.js';
import { queriedPublicApiCaptured } from './findings/queried-public-api-captured.js';
import { matchQueriedVpcs } from './queried-vpcs.js';
import { estateTargets, type CheckUrl } from './targets.js';

export interface AuditOptions {
  readonly queried?: readonly QueriedName[];
  readonly checks?: readonly CheckUrl[];
  readonly exhaustive?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface AuditStats {
  readonly vpcs: number;
  readonly placements: number;
  readonly placementClasses: number;
  readonly targets: number;
  readonly targetClasses: number;
  /** Workload-to-target pairs answered. */
  readonly pairs: number;
  /** Traces run to answer them. */
  readonly traced: number;
  readonly milliseconds: number;
}

export interface AuditReport {
  readonly findings: Finding[];
  readonly stats: AuditStats;
  /** What the audit could not cover, in words (VPCs without workloads, names asked from VPCs not in the model). */
  readonly notes: string[];
  readonly evaluation: Evaluation;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

export function audit(model: Model, options: AuditOptions = {}): AuditReport {
  const started = performance.now();
  const matched = matchQueriedVpcs(model, options.queried ?? []);
  const targets = estateTargets(model, { ...(options.checks ? { checks: options.checks } : {}), queried: matched.queried });
  const evaluation = evaluateEstate(model, targets, {
    ...(options.exhaustive ? { exhaustive: true } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const findings = [
    ...queriedPublicApiCaptured(evaluation),
    ...customDomainCnameCaptured(evaluation),
    ...publicApiDefaultUrlUnreachable(evaluation),
    ...privateApiOpenToAnyEndpoint(evaluation),
    ...privateApiUnreachable(evaluation),
    ...endpointSecurityGroupExcludesOwnVpc(evaluation),
  ].sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.kind.localeCompare(b.kind) || a.title.localeCompare(b.title));
  const notes: string[] = [...matched.notes];
  const placed = new Set(evaluation.placements.map((p) => p.vpcId));
  const empty = model.vpcs.filter((v) => !placed.has(v.id));
  if (empty.length) {
    notes.push(`${empty.length} VPC${empty.length === 1 ? ' has' : 's have'} no instance or Lambda function to start from, so nothing was traced from ${empty.length === 1 ? 'it' : 'them'}: ` +
      `${empty.slice(0, 10).map((v) => v.name ?? v.id).join(', ')}${empty.length > 10 ? ', ...' : ''}`);
  }
  const ids = new Set(model.vpcs.map((v) => v.id));
  const idle = [...new Set(matched.queried.map((q) => q.vpcId).filter((id) => ids.has(id) && !placed.has(id)))];
  if (idle.length) notes.push(`query logs name VPCs with no workload in the model (their names were not audited): ${idle.join(', ')}`);
  return {
    findings, notes, evaluation,
    stats: {
      vpcs: model.vpcs.length, placements: evaluation.placements.length, placementClasses: evaluation.placementClasses.length,
      targets: targets.length, targetClasses: evaluation.targetClasses.length, pairs: evaluation.pairs, traced: evaluation.traced,
      milliseconds: performance.now() - started,
    },
  };
}
