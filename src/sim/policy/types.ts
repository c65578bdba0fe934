// The request as IAM policy evaluation sees it, and the decision it reaches.

export interface RequestContext {
  /** `execute-api:Invoke`. */
  action: string;
  /** The request's resource ARN, e.g. `arn:aws:execute-api:us-east-1:111111111111:a1b2c3d4e5/prod/GET/items`. */
  resource: string;
  /** R17: callers without a SigV4 signature are evaluated as anonymous. */
  principal: 'anonymous' | { arn: string };
  /**
   * Condition keys by lower-cased name (`aws:sourcevpce`, `aws:sourcevpc`, `aws:vpcsourceip`, `aws:sourceip` ...).
   * A key listed with the value `undefined` is absent from the request. A key not listed at all is one vpcpath
   * does not know for this request: a policy that depends on it gets an `unknown` decision.
   */
  keys: Record<string, string | undefined>;
}

export type PolicyDecision =
  | { kind: 'allow'; statement: number }
  | { kind: 'explicit-deny'; statement: number }
  | { kind: 'implicit-deny' }
  | { kind: 'unknown'; reason: string };
