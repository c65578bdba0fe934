// The loading flags `trace` and `show` share: inputs, --parameter, --facts, --region, --account.
import { load, type Loaded } from '../load/load-model.js';
import { parseParameterFlags } from '../sources/parameter-spec.js';
import { reportProblems, type Output } from './output.js';

export interface LoadFlags {
  facts?: string;
  parameter: string[];
  region?: string;
  account?: string;
}

/** The loaded model, or undefined after reporting every problem (the command then exits 2). */
export function loadInputs(inputs: string[], flags: LoadFlags, o: Output, extraErrors: string[] = []): Loaded | undefined {
  const params = parseParameterFlags(flags.parameter);
  const errors = [...params.errors, ...extraErrors];
  if (errors.length) {
    for (const e of errors) o.err(`error: ${e}`);
    return undefined;
  }
  const loaded = load(inputs, {
    ...(flags.region ? { region: flags.region } : {}), ...(flags.account ? { account: flags.account } : {}),
    parameters: params.parameters, ...(flags.facts ? { factsFile: flags.facts } : {}),
  });
  if (loaded.problems.length) {
    reportProblems(o, loaded.problems);
    return undefined;
  }
  return loaded;
}
