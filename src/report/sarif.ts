// SARIF 2.1.0 output: findings (audit, diff) and failed scenario checks as results GitHub code scanning can show
// at the template line to change. docs/sarif.md says what each field holds.
import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AffectedPairs, Finding, FindingKind, PairOutcome, Severity } from '../audit/finding.js';
import type { Origin } from '../model/index.js';
import type { CheckOutcome, FileOutcome } from '../scenario/run-scenario.js';
import type { InputProblem } from '../sources/input-problem.js';
import {
  SARIF_SCHEMA, type SarifArtifactLocation, type SarifLevel, type SarifLocation, type SarifLog, type SarifLogicalLocation,
  type SarifReportingDescriptor, type SarifResult,
} from './sarif-types.js';

export type * from './sarif-types.js';
export { SARIF_SCHEMA } from './sarif-types.js';

export interface SarifOptions {
  /** vpcpath's version, written as tool.driver.version. */
  readonly toolVersion: string;
  /** Artifact URIs are written relative to this folder (default: the working directory), as `%SRCROOT%`. */
  readonly baseDir?: string;
  /** The input files: a finding with no location and no related location is placed at the first (no region). */
  readonly inputs?: readonly string[];
}

/** Rule ids: one per finding kind, and `input-error` for input files vpcpath could not read (check). */
export type SarifRuleId = FindingKind | 'input-error';

export const SARIF_TOOL_NAME = 'vpcpath';
export const SARIF_INFORMATION_URI = 'https://github.com/vpcpath/vpcpath';
const DOCS = `${SARIF_INFORMATION_URI}/blob/main/docs/`;
const URI_BASE_ID = '%SRCROOT%';
/** The partialFingerprints key; bump the version if what goes into the hash changes. */
export const FINGERPRINT_KEY = 'vpcpath/v1';

interface RuleText {
  readonly name: string;
  readonly short: string;
  readonly full: string;
  /** A page under docs/, with an optional anchor. */
  readonly doc: string;
  readonly level: Severity;
  readonly tags: string[];
}

/** In this order in `rules` (only the ids a run uses). */
const RULES: Record<SarifRuleId, RuleText> = {
  'queried-public-api-captured': {
    name: 'QueriedPublicApiCaptured',
    short: 'A public API name asked in the VPC is answered by an execute-api VPC endpoint.',
    full: 'A hostname seen in Route 53 Resolver query logs is a public API\'s execute-api name, but the VPC\'s execute-api ' +
      'interface endpoint has private DNS on, so its hidden zone answers every *.execute-api.{region}.amazonaws.com name ' +
      'with the endpoint\'s addresses (R4). The endpoint serves private APIs only and answers 403 itself (R12).',
    doc: 'causes/public-api-via-vpc-endpoint.md', level: 'error', tags: ['dns', 'vpc-endpoint', 'api-gateway'],
  },
  'public-api-default-url-unreachable': {
    name: 'PublicApiDefaultUrlUnreachable',
    short: 'A public API cannot be called by its default URL from some VPCs.',
    full: 'Workloads in some VPCs cannot call a public (EDGE or REGIONAL) API by its default execute-api URL: usually ' +
      'because an execute-api endpoint with private DNS captures the name (R4, R12), sometimes because the network ' +
      'has no way out to the public front door.',
    doc: 'causes/public-api-via-vpc-endpoint.md', level: 'warning', tags: ['dns', 'vpc-endpoint', 'api-gateway'],
  },
  'custom-domain-cname-captured': {
    name: 'CustomDomainCnameCaptured',
    short: 'A custom domain\'s CNAME leads into an execute-api name the VPC endpoint captures.',
    full: 'A custom domain name is a CNAME to a *.execute-api.{region}.amazonaws.com name, which the VPC\'s execute-api ' +
      'endpoint with private DNS answers; the request goes to the endpoint instead of the API. A Route 53 alias record, ' +
      'answered in its own zone, or an edge-optimized domain avoids the capture (R29).',
    doc: 'causes/public-api-via-vpc-endpoint.md', level: 'error', tags: ['dns', 'custom-domain', 'vpc-endpoint'],
  },
  'private-api-open-to-any-endpoint': {
    name: 'PrivateApiOpenToAnyEndpoint',
    short: 'A private API\'s resource policy admits calls through any VPC endpoint.',
    full: 'The resource policy of a private API allows execute-api:Invoke without an aws:SourceVpce or aws:SourceVpc ' +
      'condition, so any execute-api VPC endpoint, in any account, can call it (R20).',
    doc: 'sarif.md#private-api-open-to-any-endpoint', level: 'warning', tags: ['security', 'resource-policy', 'api-gateway'],
  },
  'private-api-unreachable': {
    name: 'PrivateApiUnreachable',
    short: 'No workload of the estate can reach a private API.',
    full: 'A private API that no workload modelled can reach: no execute-api endpoint on a path to it, a resource or ' +
      'endpoint policy that denies every caller, or a network that drops the traffic. The result names the cause.',
    doc: 'sarif.md#private-api-unreachable', level: 'warning', tags: ['api-gateway', 'vpc-endpoint'],
  },
  'endpoint-security-group-excludes-own-vpc': {
    name: 'EndpointSecurityGroupExcludesOwnVpc',
    short: 'An interface endpoint\'s security groups shut out subnets of its own VPC.',
    full: 'The security groups of an interface VPC endpoint do not admit HTTPS from some subnets of its own VPC; ' +
      'workloads there time out instead of reaching the endpoint (R22).',
    doc: 'causes/security-group-denied.md', level: 'warning', tags: ['network', 'security-group', 'vpc-endpoint'],
  },
  'pair-broken': {
    name: 'PairBroken',
    short: 'A request that reached its target before the change no longer does.',
    full: 'vpcpath diff: a workload and target pair that reached its API before the change fails after it. The result ' +
      'gives the outcome before and after and the line of the change that breaks it.',
    doc: 'sarif.md#pair-broken', level: 'error', tags: ['diff', 'regression'],
  },
  'pair-changed': {
    name: 'PairChanged',
    short: 'A request\'s outcome changed in another way.',
    full: 'vpcpath diff: a workload and target pair whose outcome changed without breaking: it now reaches its target, ' +
      'or fails for another reason or with another answer.',
    doc: 'sarif.md#pair-changed', level: 'note', tags: ['diff'],
  },
  'check-failed': {
    name: 'CheckFailed',
    short: 'A scenario check\'s expectation does not hold.',
    full: 'vpcpath check: the simulated request does not end as the scenario file expects. The result is placed at the ' +
      'template line the trace names as the cause (the line to change); the check itself is a related location.',
    doc: 'sarif.md#check-failed', level: 'error', tags: ['check'],
  },
  'input-error': {
    name: 'InvalidInput',
    short: 'An input file could not be read: invalid YAML, an unknown key, a dangling reference.',
    full: 'vpcpath could not use an input file (a scenario or a template): the result says what is wrong and where. ' +
      'The checks of that file did not run.',
    doc: 'sarif.md#input-error', level: 'error', tags: ['input'],
  },
};

const RULE_ORDER = Object.keys(RULES) as SarifRuleId[];

function descriptor(id: SarifRuleId): SarifReportingDescriptor {
  const r = RULES[id];
  const helpUri = DOCS + r.doc;
  return {
    id,
    name: r.name,
    shortDescription: { text: r.short },
    fullDescription: { text: r.full },
    help: { text: `${r.full} More: ${helpUri}`, markdown: `${r.full}\n\n[More](${helpUri})` },
    helpUri,
    defaultConfiguration: { level: r.level },
    properties: { tags: ['vpcpath', ...r.tags] },
  };
}

/** A result before its rule index is known; built from a finding, a failed check or an input problem. */
interface Draft {
  readonly ruleId: SarifRuleId;
  readonly level: SarifLevel;
  readonly message: string;
  readonly location?: Origin;
  readonly related: { readonly message: string; readonly origin: Origin }[];
  /** What identifies the result across runs (never line numbers, which move); `uri` gives a file's artifact URI. */
  readonly fingerprint: (uri: (file: string) => string) => string[];
  readonly properties: Record<string, unknown>;
}

/** One run of `vpcpath audit` or `vpcpath diff` as a SARIF log: one result per finding. */
export function findingsToSarif(findings: Finding[], opts: SarifOptions): SarifLog {
  return toLog(findings.map(findingDraft), opts);
}

/**
 * `vpcpath check --format sarif`: a `check-failed` result for each failing check, located at the template line of
 * its trace's cause; an `input-error` result for each input problem. Passing checks give no result.
 */
export function checkOutcomesToSarif(outcomes: FileOutcome[], opts: SarifOptions): SarifLog {
  const drafts: Draft[] = [];
  for (const outcome of outcomes) {
    for (const p of outcome.problems) drafts.push(problemDraft(p));
    for (const check of outcome.checks) {
      if (!check.passed) drafts.push(checkDraft(outcome, check));
    }
  }
  return toLog(drafts, opts);
}

/** A failing check as a finding of kind `check-failed` (what `checkOutcomesToSarif` renders). */
export function checkFinding(outcome: FileOutcome, check: CheckOutcome): Finding {
  const t = check.trace;
  const checkOrigin: Origin = { file: outcome.file, ...(check.position ?? {}) };
  const location = t?.cause.origin ?? checkOrigin;
  const explain = t
    ? [`The trace ends with ${t.cause.code}: ${t.cause.explanation}`, ...(t.cause.fix ? [`Fix: ${t.cause.fix}`] : [])]
    : [];
  return {
    kind: 'check-failed',
    severity: 'error',
    title: `Check '${check.name}' failed`,
    message: [check.mismatches.map(sentence).join(' '), ...explain].join(' '),
    ...(t ? { cause: t.cause.code } : {}),
    rules: t ? [...t.rules] : [],
    location,
    related: location === checkOrigin ? [] : [{ message: `the check '${check.name}' in ${outcome.file}`, origin: checkOrigin }],
    pairs: t ? [{
      from: [t.source.name], vpcs: [t.source.vpc], target: t.request.url,
      outcome: { reached: t.reached, result: t.answer.result, ...(t.answer.status !== undefined ? { status: t.answer.status } : {}), cause: t.cause.code },
    }] : [],
  };
}

function findingDraft(f: Finding): Draft {
  return {
    ruleId: f.kind,
    level: f.severity,
    message: findingMessage(f),
    ...(f.location ? { location: f.location } : {}),
    related: f.related,
    fingerprint: (uri) => [f.kind, logicalKey(f.location, uri), ...[...new Set(f.pairs.map((p) => p.target))].sort()],
    properties: {
      ...(f.cause ? { cause: f.cause } : {}), rules: f.rules, pairs: f.pairs, ...(f.omittedPairs ? { omittedPairs: f.omittedPairs } : {}),
    },
  };
}

function checkDraft(outcome: FileOutcome, check: CheckOutcome): Draft {
  const draft = findingDraft(checkFinding(outcome, check));
  return {
    ...draft,
    // The check's name says which intent failed: two checks of one file against one target stay two alerts.
    fingerprint: (uri) => [...draft.fingerprint(uri), uri(outcome.file), check.name],
    properties: { ...draft.properties, check: { file: outcome.file, name: check.name, mismatches: check.mismatches } },
  };
}

function problemDraft(p: InputProblem): Draft {
  return {
    ruleId: 'input-error',
    level: 'error',
    message: sentence(p.message),
    location: { file: p.file, ...(p.line ? { line: p.line } : {}), ...(p.column ? { column: p.column } : {}) },
    related: [],
    fingerprint: (uri) => ['input-error', uri(p.file), p.code, p.message],
    properties: { code: p.code },
  };
}

function toLog(drafts: Draft[], opts: SarifOptions): SarifLog {
  const baseDir = resolve(opts.baseDir ?? process.cwd());
  const used = RULE_ORDER.filter((id) => drafts.some((d) => d.ruleId === id));
  const fallback = opts.inputs?.[0];
  const results = drafts.map((d): SarifResult => {
    const primary = d.location ?? d.related[0]?.origin ?? (fallback !== undefined ? { file: fallback } : undefined);
    // A place borrowed from a related location or the inputs is the file only: its line is not the one to change.
    const where = primary && !d.location ? { file: primary.file } : primary;
    const related = d.related.map((r, i): SarifLocation => ({ id: i + 1, ...location(r.origin, baseDir), message: { text: escapeLinks(r.message) } }));
    return {
      ruleId: d.ruleId,
      ruleIndex: used.indexOf(d.ruleId),
      level: d.level,
      message: { text: escapeLinks(d.message) },
      ...(where ? { locations: [location(where, baseDir)] } : {}),
      ...(related.length ? { relatedLocations: related } : {}),
      partialFingerprints: { [FINGERPRINT_KEY]: hash(d.fingerprint((file) => artifact(file, baseDir).uri)) },
      properties: d.properties,
    };
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: SARIF_TOOL_NAME, version: opts.toolVersion, semanticVersion: opts.toolVersion,
          informationUri: SARIF_INFORMATION_URI, rules: used.map(descriptor),
        },
      },
      originalUriBaseIds: { [URI_BASE_ID]: { uri: directoryUri(baseDir) } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
}

function location(origin: Origin, baseDir: string): SarifLocation {
  const logical = logicalLocation(origin);
  return {
    physicalLocation: {
      artifactLocation: artifact(origin.file, baseDir),
      ...(origin.line ? { region: { startLine: origin.line, ...(origin.column ? { startColumn: origin.column } : {}) } } : {}),
    },
    ...(logical ? { logicalLocations: [logical] } : {}),
    ...(origin.path ? { properties: { path: origin.path } } : {}),
  };
}

function logicalLocation(origin: Origin): SarifLogicalLocation | undefined {
  if (origin.logicalId) {
    return {
      name: origin.logicalId,
      fullyQualifiedName: origin.stack ? `${origin.stack}/${origin.logicalId}` : origin.logicalId,
      kind: 'resource',
    };
  }
  return origin.stack ? { name: origin.stack, kind: 'module' } : undefined;
}

/** What a fingerprint knows of a place: the resource (stack/LogicalId, property path) or else the file. */
function logicalKey(origin: Origin | undefined, uri: (file: string) => string): string {
  if (!origin) return '';
  if (origin.logicalId) return `${origin.stack ?? ''}/${origin.logicalId}${origin.path ? `:${origin.path}` : ''}`;
  return `${uri(origin.file)}${origin.path ? `:${origin.path}` : ''}`;
}

/**
 * A file as the user named it (relative to the working directory, or absolute) as a URI: relative to `baseDir`
 * with `%SRCROOT%` when it lies inside, else an absolute `file:` URI.
 */
function artifact(file: string, baseDir: string): SarifArtifactLocation {
  const abs = resolve(stripFragment(file));
  const rel = relative(baseDir, abs);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(abs).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: URI_BASE_ID };
}

/** `scenario.yaml#template` (an inline template) is in `scenario.yaml`. */
function stripFragment(file: string): string {
  return file.replace(/#[A-Za-z][\w.-]*$/, '');
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function hash(parts: string[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** Title, message and the affected pairs, as one plain-text message. */
function findingMessage(f: Finding): string {
  const lines = [sentence(f.title), f.message.trim()];
  const more = f.omittedPairs ? [`${f.omittedPairs} more not listed`] : [];
  if (f.pairs.length || more.length) lines.push(`Affected: ${[...f.pairs.map(pairSummary), ...more].join('; ')}.`);
  return lines.filter(Boolean).join('\n');
}

const MAX_NAMES = 5;

function pairSummary(p: AffectedPairs): string {
  const names = p.from.length > MAX_NAMES ? [...p.from.slice(0, MAX_NAMES), `and ${p.from.length - MAX_NAMES} more`] : p.from;
  const vpcs = p.vpcs.length ? ` in ${p.vpcs.length > MAX_NAMES ? `${p.vpcs.length} VPCs` : p.vpcs.join(', ')}` : '';
  const outcome = p.before ? `${outcomeText(p.before)} before, now ${outcomeText(p.outcome)}` : outcomeText(p.outcome);
  return `${names.join(', ')}${vpcs} -> ${p.target}: ${outcome}`;
}

function outcomeText(o: PairOutcome): string {
  if (o.reached) return 'reached';
  const answer = o.result === 'http' && o.status !== undefined ? `HTTP ${o.status}` : o.result;
  return o.cause && o.cause !== 'ok' ? `${answer} (${o.cause})` : answer;
}

function sentence(s: string): string {
  const t = s.trim();
  return /[.!?:]$/.test(t) ? t : `${t}.`;
}

/** SARIF reads `[text](target)` in a message as a link (§3.11.6): escape what only looks like one. */
function escapeLinks(text: string): string {
  return text.replace(/\[([^\]\n]*)\]\(/g, '\\[$1\\](');
}
