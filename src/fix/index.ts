// vpcpath fix: verified changes that make a request reach its API.
export { proposeFixes, type FixInput } from './propose.js';
export { fixScenario, loadScenarioForFix, type CheckFixes, type LoadedScenario } from './scenario-fixes.js';
export { appliedTemplate, findFix } from './apply-patch.js';
export { renderFixes, fixesJson } from './render-fixes.js';
export { TemplateTexts, applyEdits } from './template-text.js';
export { REMEDIES } from './remedies/index.js';
export type { Candidate, FixContext, Patch, Remedy, SideEffect, TextEdit, VerifiedFix } from './types.js';
