// The request `trace` and `fix` share: loads the inputs, then writes out --url/--request and -H with ${...}.
import type { Loaded } from '../load/load-model.js';
import { substitute } from '../scenario/substitute.js';
import { httpRequest, parseHeaderFlags, parseRequestLine, type RequestSpec } from '../sim/request.js';
import { EXIT } from './exit-codes.js';
import { loadInputs, type LoadFlags } from './load-inputs.js';
import type { Output } from './output.js';

export interface RequestFlags extends LoadFlags {
  url?: string;
  request?: string;
  method?: string;
  header: string[];
}

/** The loaded model and the request, or the exit code after every problem was reported. */
export function requestFromFlags(
  inputs: string[], flags: RequestFlags, o: Output, missingRequest: string,
): { loaded: Loaded; spec: RequestSpec } | number {
  const hdrs = parseHeaderFlags(flags.header);
  const usage = [...hdrs.errors];
  if (!flags.url && !flags.request) usage.push(missingRequest);
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
  return { loaded, spec };
}
