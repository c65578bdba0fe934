// `vpcpath trace`: one request, from one workload, through the loaded model.
import { renderTrace } from '../../explain/render-trace.js';
import { substitute } from '../../scenario/substitute.js';
import { httpRequest, parseHeaderFlags, parseRequestLine } from '../../sim/request.js';
import { traceRequest } from '../../sim/trace-request.js';
import { EXIT } from '../exit-codes.js';
import { loadInputs, type LoadFlags } from '../load-inputs.js';
import type { Output } from '../output.js';

export interface TraceFlags extends LoadFlags {
  from: string;
  url?: string;
  request?: string;
  method?: string;
  header: string[];
  json?: boolean;
}

export function runTrace(inputs: string[], flags: TraceFlags, o: Output): number {
  const hdrs = parseHeaderFlags(flags.header);
  const usage = [...hdrs.errors];
  if (!flags.url && !flags.request) usage.push('give --url URL (or --request "TCP 10.0.1.5:443" for a network-only flow)');
  const loaded = loadInputs(inputs, flags, o, usage);
  if (!loaded) return EXIT.inputError;
  const ctx = { model: loaded.model, region: loaded.region, account: loaded.account };
  const text = substitute(flags.url ?? flags.request ?? '', ctx);
  if (text.kind !== 'value') {
    o.err(`error: ${text.kind === 'error' ? text.message : `the request cannot be written out: ${text.reason}`}`);
    return EXIT.inputError;
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(hdrs.headers)) {
    const s = substitute(v, ctx);
    if (s.kind !== 'value') {
      o.err(`error: header ${k}: ${s.kind === 'error' ? s.message : s.reason}`);
      return EXIT.inputError;
    }
    headers[k] = s.value;
  }
  const spec = flags.url ? httpRequest((flags.method ?? 'GET').toUpperCase(), text.value, headers) : parseRequestLine(text.value, headers);
  if ('error' in spec) {
    o.err(`error: ${spec.error}`);
    return EXIT.inputError;
  }
  const trace = traceRequest(loaded.model, flags.from, spec);
  if ('error' in trace) {
    o.err(`error: --from: ${trace.error}`);
    return EXIT.inputError;
  }
  o.out(flags.json ? JSON.stringify(trace, null, 2) : renderTrace(trace, { color: o.color }));
  return trace.reached ? EXIT.ok : EXIT.notReached;
}
