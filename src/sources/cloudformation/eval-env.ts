// What the intrinsic functions ask of the stack they are evaluated in.
import type { Loc, NoValue, UnknownVal, Val } from './val.js';

/** A condition's value: true, false, or unknown (a parameter without a value decides it). */
export type Tri = boolean | UnknownVal;

export interface EvalEnv {
  readonly region: string;
  /** `Ref`: a parameter, pseudo parameter, resource, or SAM `Api.Stage`; reports a dangling name. */
  ref(name: string, loc: Loc): Val | NoValue;
  getAtt(logicalId: string, attribute: string, loc: Loc): Val;
  importValue(name: string, loc: Loc): Val;
  condition(name: string, loc: Loc): Tri;
  findInMap(mapName: string, topKey: string, secondKey: string, loc: Loc): Val | undefined;
  problem(code: string, message: string, loc: Loc): void;
  info(code: string, message: string, loc: Loc): void;
}
