// `vpcpath trace`: one request, from one workload, through the loaded model.
import { renderPathPicture } from '../../explain/picture/index.js';
import { renderTrace } from '../../explain/render-trace.js';
import { traceRequest } from '../../sim/trace-request.js';
import type { Trace } from '../../sim/trace.js';
import { EXIT } from '../exit-codes.js';
import { requestFromFlags, type RequestFlags } from '../request-from-flags.js';
import type { Output } from '../output.js';

export interface TraceFlags extends RequestFlags {
  from: string;
  /** `--json` is `--format json`. */
  json?: boolean;
  format?: TraceFormat;
}

export const TRACE_FORMATS = ['text', 'json', 'mermaid', 'svg'] as const;
export type TraceFormat = (typeof TRACE_FORMATS)[number];

/** Every format: text and JSON as `runTrace` prints them; Mermaid and SVG pictures of the path. */
export async function runTraceCommand(inputs: string[], flags: TraceFlags, o: Output): Promise<number> {
  const format = formatOf(flags, o);
  if (format === undefined) return EXIT.inputError;
  if (format === 'text' || format === 'json') return runTrace(inputs, { ...flags, format }, o);
  const trace = traceFromFlags(inputs, flags, o);
  if (typeof trace === 'number') return trace;
  o.out(await renderPathPicture(trace, format));
  return trace.reached ? EXIT.ok : EXIT.notReached;
}

/** Text or JSON, synchronously (what `vpcpath demo` uses); pictures go through `runTraceCommand`. */
export function runTrace(inputs: string[], flags: TraceFlags, o: Output): number {
  const format = formatOf(flags, o);
  if (format === undefined) return EXIT.inputError;
  if (format !== 'text' && format !== 'json') {
    o.err(`error: --format ${format} is drawn by runTraceCommand, not runTrace`);
    return EXIT.internalError;
  }
  const trace = traceFromFlags(inputs, flags, o);
  if (typeof trace === 'number') return trace;
  o.out(format === 'json' ? JSON.stringify(trace, null, 2) : renderTrace(trace, { color: o.color }));
  return trace.reached ? EXIT.ok : EXIT.notReached;
}

function formatOf(flags: TraceFlags, o: Output): TraceFormat | undefined {
  if (flags.json && flags.format && flags.format !== 'json') {
    o.err(`error: --json and --format ${flags.format} ask for different outputs; give one of them`);
    return undefined;
  }
  return flags.format ?? (flags.json ? 'json' : 'text');
}

/** Loads the inputs and traces the request; an exit code when the input is bad. */
function traceFromFlags(inputs: string[], flags: TraceFlags, o: Output): Trace | number {
  const read = requestFromFlags(inputs, flags, o, 'give --url URL (or --request "TCP 10.0.1.5:443" for a network-only flow)');
  if (typeof read === 'number') return read;
  const { loaded, spec } = read;
  const trace = traceRequest(loaded.model, flags.from, spec);
  if ('error' in trace) {
    o.err(`error: --from: ${trace.error}`);
    return EXIT.inputError;
  }
  return trace;
}
