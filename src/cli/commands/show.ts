// `vpcpath show`: what vpcpath understood from the inputs, with its notes and unknowns.
import { load } from '../../load/load-model.js';
import { renderModel } from '../../explain/render-model.js';
import { parseParameterFlags } from '../../sources/parameter-spec.js';
import { EXIT } from '../exit-codes.js';
import { reportProblems, type Output } from '../output.js';

export function runShow(inputs: string[], flags: { facts?: string; parameter: string[]; region?: string; account?: string; json?: boolean }, o: Output): number {
  const params = parseParameterFlags(flags.parameter);
  if (params.errors.length) {
    for (const e of params.errors) o.err(`error: ${e}`);
    return EXIT.inputError;
  }
  const loaded = load(inputs, {
    ...(flags.region ? { region: flags.region } : {}), ...(flags.account ? { account: flags.account } : {}),
    parameters: params.parameters, ...(flags.facts ? { factsFile: flags.facts } : {}),
  });
  if (loaded.problems.length) {
    reportProblems(o, loaded.problems);
    return EXIT.inputError;
  }
  o.out(flags.json ? JSON.stringify(loaded.model, null, 2) : renderModel(loaded.model, { color: o.color }));
  return EXIT.ok;
}
