// IAM policy evaluation for API Gateway resource policies, private-domain policies and VPC endpoint policies.
export type { PolicyDecision, RequestContext } from './types.js';
export { evaluatePolicy } from './evaluate.js';
export { expandApiPolicy, expandExecuteApiShorthand, mapPolicyResources, partitionOf } from './shorthand.js';
export type { ApiIdentity } from './shorthand.js';
export { conditionKeysUsed, namesSpecificPrincipals } from './inspect.js';
export { wildcardMatch, arnMatch } from './wildcard.js';
