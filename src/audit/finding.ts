// What `vpcpath audit` and `vpcpath diff` report: a finding, with its severity, the pairs it affects, and where
// in the user's input the change belongs. SARIF, text and JSON are renderings of this one shape.
import type { Origin } from '../model/index.js';
import type { CauseCode } from '../sim/trace.js';

export type Severity = 'error' | 'warning' | 'note';

/** One kind of finding per thing an estate can get wrong; the SARIF rule id is the kind. */
export type FindingKind =
  /** A hostname seen in Resolver query logs goes to an execute-api endpoint although its API is public (R4, R12). */
  | 'queried-public-api-captured'
  /** A public API of the estate cannot be called by its default URL from some VPCs. */
  | 'public-api-default-url-unreachable'
  /** A custom domain's CNAME leads into a `*.execute-api` name the VPC's endpoint captures (R29). */
  | 'custom-domain-cname-captured'
  /** A private API whose resource policy admits calls from any VPC endpoint (no aws:SourceVpce / aws:SourceVpc), R20. */
  | 'private-api-open-to-any-endpoint'
  /** A private API that no workload of the estate can reach. */
  | 'private-api-unreachable'
  /** An interface endpoint whose security groups shut out subnets of its own VPC (R22). */
  | 'endpoint-security-group-excludes-own-vpc'
  /** `vpcpath diff`: a pair that reached its target before the change no longer does. */
  | 'pair-broken'
  /** `vpcpath diff`: a pair whose outcome changed in another way (now reaches, or fails differently). */
  | 'pair-changed'
  /** `vpcpath check`: a scenario check whose expectation does not hold. */
  | 'check-failed';

/** How one request ends, in a few fields. */
export interface PairOutcome {
  readonly reached: boolean;
  /** `reached`, `http`, `timeout`, `dns-failure`, ... (trace.answer.result). */
  readonly result: string;
  readonly status?: number;
  readonly cause: CauseCode;
}

/** Workloads that meet the same fate for the same target, grouped. */
export interface AffectedPairs {
  /** Workload names (logical id, name, or id). */
  readonly from: string[];
  /** The VPCs those workloads sit in. */
  readonly vpcs: string[];
  /** The URL or hostname asked for. */
  readonly target: string;
  readonly outcome: PairOutcome;
  /** For diff: the outcome before the change. */
  readonly before?: PairOutcome;
}

export interface Finding {
  readonly kind: FindingKind;
  readonly severity: Severity;
  /** One line: `items-public (a1b2c3d4e5) cannot be called by its default URL from 3 VPCs`. */
  readonly title: string;
  /** The why, in a few sentences, naming the rule. */
  readonly message: string;
  readonly cause?: CauseCode;
  /** The aws-behavior.md rules it relies on. */
  readonly rules: string[];
  /** Where to change it: the element in the user's template or snapshot (file, line, column). */
  readonly location?: Origin;
  /** Other places involved (the endpoint, the zone, the API). */
  readonly related: { readonly message: string; readonly origin: Origin }[];
  readonly pairs: AffectedPairs[];
  /** Affected targets beyond those listed in `pairs` (large estates list a sample). */
  readonly omittedPairs?: number;
}
