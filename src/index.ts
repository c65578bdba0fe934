// vpcpath as a library: `import { load, trace } from 'vpcpath'`.
import type { Model } from './model/index.js';
import { httpRequest, parseRequestLine } from './sim/request.js';
import { traceRequest } from './sim/trace-request.js';
import type { Trace } from './sim/trace.js';

export { load, type LoadOptions, type Loaded } from './load/load-model.js';
export { runScenarioFile as check, runScenarioText as checkText, type FileOutcome, type CheckOutcome } from './scenario/run-scenario.js';
export { renderTrace } from './explain/render-trace.js';
export { renderModel } from './explain/render-model.js';
export type { InputProblem } from './sources/input-problem.js';
export type * from './model/index.js';
export type * from './sim/trace.js';

export interface TraceInput {
  /** Logical id of an instance or Lambda function, an instance id, ENI id or function name. */
  readonly from: string;
  /** `https://...` (with `method`), or a request line: `GET https://...` / `TCP 10.0.1.5:443`. */
  readonly url?: string;
  readonly request?: string;
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Traces one request through a loaded model. Throws on bad arguments (an unknown `from`, a malformed URL). */
export function trace(model: Model, input: TraceInput): Trace {
  const spec = input.url
    ? httpRequest((input.method ?? 'GET').toUpperCase(), input.url, input.headers ?? {})
    : parseRequestLine(input.request ?? '', input.headers ?? {});
  if ('error' in spec) throw new Error(spec.error);
  const result = traceRequest(model, input.from, spec);
  if ('error' in result) throw new Error(result.error);
  return result;
}
