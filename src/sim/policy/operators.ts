// IAM condition operators on one request value and one policy value, and their negated forms.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
import { cidrContains, parseAddress, parseCidr } from '../ip/index.js';
import { arnMatch, wildcardMatch } from './wildcard.js';
import { type Tri, undecided } from './tri.js';

type Test = (requestValue: string, policyValue: string) => Tri;

/** The positive operators, by lower-cased name. */
const POSITIVE: Record<string, Test> = {
  stringequals: (r, p) => r === p,
  stringequalsignorecase: (r, p) => r.toLowerCase() === p.toLowerCase(),
  stringlike: (r, p) => wildcardMatch(p, r),
  numericequals: (r, p) => numeric(r, p, (a, b) => a === b),
  numericlessthan: (r, p) => numeric(r, p, (a, b) => a < b),
  numericlessthanequals: (r, p) => numeric(r, p, (a, b) => a <= b),
  numericgreaterthan: (r, p) => numeric(r, p, (a, b) => a > b),
  numericgreaterthanequals: (r, p) => numeric(r, p, (a, b) => a >= b),
  dateequals: (r, p) => date(r, p, (a, b) => a === b),
  datelessthan: (r, p) => date(r, p, (a, b) => a < b),
  datelessthanequals: (r, p) => date(r, p, (a, b) => a <= b),
  dategreaterthan: (r, p) => date(r, p, (a, b) => a > b),
  dategreaterthanequals: (r, p) => date(r, p, (a, b) => a >= b),
  bool: (r, p) => r.toLowerCase() === p.toLowerCase(),
  ipaddress: (r, p) => ipInRange(r, p),
  arnequals: (r, p) => arnMatch(p, r),
  arnlike: (r, p) => arnMatch(p, r),
};

/** Negated operator -> the positive one it negates. */
const NEGATED: Record<string, string> = {
  stringnotequals: 'stringequals',
  stringnotequalsignorecase: 'stringequalsignorecase',
  stringnotlike: 'stringlike',
  numericnotequals: 'numericequals',
  datenotequals: 'dateequals',
  notipaddress: 'ipaddress',
  arnnotequals: 'arnequals',
  arnnotlike: 'arnlike',
};

export interface Operator {
  /** The positive test; a negated operator applies it and negates the result over all policy values. */
  readonly test: Test;
  readonly negated: boolean;
}

/** The operator named (lower-cased, without `ForAnyValue:`/`ForAllValues:` and `IfExists`), if vpcpath knows it. */
export function operatorNamed(base: string): Operator | undefined {
  const positive = POSITIVE[base];
  if (positive) return { test: positive, negated: false };
  const negatedOf = NEGATED[base];
  const inner = negatedOf ? POSITIVE[negatedOf] : undefined;
  return inner ? { test: inner, negated: true } : undefined;
}

function numeric(r: string, p: string, cmp: (a: number, b: number) => boolean): boolean {
  const a = Number(r);
  const b = Number(p);
  return r.trim() !== '' && p.trim() !== '' && Number.isFinite(a) && Number.isFinite(b) && cmp(a, b);
}

/** Dates as ISO 8601 or epoch seconds, as IAM accepts them. */
function date(r: string, p: string, cmp: (a: number, b: number) => boolean): boolean {
  const a = toEpochMs(r);
  const b = toEpochMs(p);
  return a !== undefined && b !== undefined && cmp(a, b);
}

function toEpochMs(value: string): number | undefined {
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** IpAddress: the request IP lies in the policy CIDR (a bare address is a /32 or /128). */
function ipInRange(requestIp: string, cidr: string): Tri {
  const text = cidr.trim();
  let range = parseCidr(text);
  if (!range.ok && !text.includes('/')) {
    const single = parseAddress(text);
    if (single.ok) range = parseCidr(`${text}/${single.value.family === 4 ? 32 : 128}`);
  }
  if (!range.ok) return undecided(`the policy's IP range "${cidr}" is not a valid CIDR block (AWS would not accept it)`);
  const address = parseAddress(requestIp.trim());
  return address.ok && cidrContains(range.value, address.value);
}
