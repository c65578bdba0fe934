// `vpcpath show`: what vpcpath understood from the inputs, with its notes and unknowns.
import { renderModel } from '../../explain/render-model.js';
import { EXIT } from '../exit-codes.js';
import { loadInputs, type LoadFlags } from '../load-inputs.js';
import type { Output } from '../output.js';

export function runShow(inputs: string[], flags: LoadFlags & { json?: boolean }, o: Output): number {
  const loaded = loadInputs(inputs, flags, o);
  if (!loaded) return EXIT.inputError;
  o.out(flags.json ? JSON.stringify(loaded.model, null, 2) : renderModel(loaded.model, { color: o.color }));
  return EXIT.ok;
}
