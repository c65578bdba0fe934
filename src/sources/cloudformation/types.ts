// The public shapes of the CloudFormation source: stack specs in, a model and input problems out.
import type { Model } from '../../model/index.js';
import type { InputProblem } from '../input-problem.js';
import type { ParameterSpec } from '../parameter-spec.js';

export type { InputProblem, ParameterSpec };

export interface StackSpec {
  /** Display path for messages and origins (e.g. `conformance/01-....yaml` or `infra/network.yaml`). */
  file: string;
  /** The template text (YAML or JSON). */
  text: string;
  stack: string;
  region: string;
  account: string;
  parameters: Record<string, ParameterSpec>;
  /** An inline template inside a scenario file: added so that positions point into the scenario file. */
  lineOffset?: number;
  columnOffset?: number;
}

export interface LoadResult {
  model: Model;
  problems: InputProblem[];
}
