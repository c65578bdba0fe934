// Condition functions (Fn::Equals, Fn::And, Fn::Or, Fn::Not, Condition) as three-valued logic.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-conditions.html
import type { EvalEnv, Tri } from './eval-env.js';
import { evaluate } from './intrinsics.js';
import type { Node } from './node.js';
import { firstUnknown, sameVal, unknownVal, type UnknownVal, type Val } from './val.js';

export function isUnknownTri(t: Tri): t is UnknownVal {
  return typeof t !== 'boolean';
}

/** Evaluates a condition expression; a parameter without a value makes it unknown, never a guess. */
export function evalCondition(node: Node, env: EvalEnv, depth = 0): Tri {
  const loc = { pos: node.pos, path: node.path };
  if (depth > 100) return unknownVal('condition nested too deeply', loc);
  if (node.t === 'scalar') {
    if (node.text === 'true' || node.text === 'false') return node.text === 'true';
    env.problem('bad-condition', `a condition must be a condition function, not "${node.text}"`, loc);
    return unknownVal(`condition "${node.text}" is not a condition function`, loc);
  }
  if (node.t !== 'map' || node.entries.length !== 1) {
    env.problem('bad-condition', 'a condition must be Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition', loc);
    return unknownVal('invalid condition', loc);
  }
  const { key, value } = node.entries[0]!;
  const args = value.t === 'seq' ? value.items : [value];
  switch (key) {
    case 'Condition': {
      if (value.t !== 'scalar') return bad(env, node, 'Condition takes a condition name');
      return env.condition(value.text, loc);
    }
    case 'Fn::Equals': {
      if (value.t !== 'seq' || args.length !== 2) return bad(env, node, 'Fn::Equals takes a list of two values');
      const [a, b] = args.map((arg) => evaluate(arg, env, depth + 1));
      if (a!.k === 'novalue' || b!.k === 'novalue') return a!.k === b!.k;
      const u = firstUnknown(a as Val) ?? firstUnknown(b as Val);
      if (u) return u;
      return sameVal(a as Val, b as Val);
    }
    case 'Fn::Not': {
      if (args.length !== 1) return bad(env, node, 'Fn::Not takes a list of one condition');
      const inner = evalCondition(args[0]!, env, depth + 1);
      return isUnknownTri(inner) ? inner : !inner;
    }
    case 'Fn::And':
    case 'Fn::Or': {
      if (value.t !== 'seq' || args.length < 2) return bad(env, node, `${key} takes a list of 2 to 10 conditions`);
      const decisive = key === 'Fn::Or';
      let unknown: UnknownVal | undefined;
      for (const arg of args) {
        const t = evalCondition(arg, env, depth + 1);
        if (isUnknownTri(t)) unknown ??= t;
        else if (t === decisive) return decisive;
      }
      return unknown ?? !decisive;
    }
    default:
      return bad(env, node, `${key} is not a condition function`);
  }
}

function bad(env: EvalEnv, node: Node, message: string): Tri {
  const loc = { pos: node.pos, path: node.path };
  env.problem('bad-condition', message, loc);
  return unknownVal(message, loc);
}
