// Compares a trace with a check's expectation: each stated field, and nothing else (scenario-format.md).
import type { CauseCode, Component, DnsSource, Trace } from '../sim/trace.js';
import type { Expectation } from './scenario.js';

/** The finer causes vpcpath reports, folded into the scenario vocabulary. */
export function checkCause(code: CauseCode): CauseCode {
  switch (code) {
    case 'dns-loop': return 'nxdomain';
    case 'tls-name-mismatch': return 'public-api-via-vpc-endpoint';
    default: return code;
  }
}

/** Who answered the name the client finally connected to; undefined when no name was resolved. */
export function dnsSourceOf(trace: Trace): DnsSource | undefined {
  const o = trace.dns?.outcome;
  if (!o) return undefined;
  if (o.kind === 'addresses') return o.source;
  if (o.kind === 'nxdomain') return 'nxdomain';
  if (o.kind === 'no-resolver') return 'no-resolver';
  if (o.kind === 'loop') return 'nxdomain';
  return undefined;
}

function isSubsequence(wanted: readonly Component[], actual: readonly Component[]): boolean {
  let i = 0;
  for (const c of actual) if (c === wanted[i]) i++;
  return i === wanted.length;
}

export function compare(expect: Expectation, trace: Trace): string[] {
  const out: string[] = [];
  const differ = (field: string, want: unknown, got: unknown) => out.push(`${field}: expected ${fmt(want)}, got ${fmt(got)}`);
  if (expect.reached !== trace.reached) differ('reached', expect.reached, trace.reached);
  if (expect.result !== undefined && expect.result !== trace.answer.result) differ('result', expect.result, trace.answer.result);
  if (expect.status !== undefined && expect.status !== trace.answer.status) differ('status', expect.status, trace.answer.status);
  if (expect.errorType !== undefined && expect.errorType !== trace.answer.errorType) differ('error_type', expect.errorType, trace.answer.errorType);
  if (expect.dns !== undefined && expect.dns !== dnsSourceOf(trace)) differ('dns', expect.dns, dnsSourceOf(trace));
  if (expect.via && !isSubsequence(expect.via, trace.via)) differ('via', expect.via, trace.via);
  if (expect.notVia) {
    const passed = expect.notVia.filter((c) => trace.via.includes(c));
    if (passed.length) out.push(`not_via: the path passes ${passed.join(', ')} (path: ${fmt(trace.via)})`);
  }
  if (expect.cause !== undefined && expect.cause !== checkCause(trace.cause.code)) differ('cause', expect.cause, trace.cause.code);
  return out;
}

function fmt(v: unknown): string {
  if (Array.isArray(v)) return `[${v.join(', ')}]`;
  return v === undefined ? '(none)' : String(v);
}
