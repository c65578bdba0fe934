// The CloudFormation source: CloudFormation, SAM and CDK (cdk.out) templates into the neutral model.
export type { InputProblem, LoadResult, ParameterSpec, StackSpec } from './types.js';
export { loadStacks } from './load-stacks.js';
export { readTemplateInputs } from './read-inputs.js';
