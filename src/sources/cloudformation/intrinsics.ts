// Evaluates intrinsic functions over the node tree: Ref, Fn::GetAtt, Fn::If, Fn::ImportValue, Fn::FindInMap ...
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
import { evalCondition, isUnknownTri } from './conditions.js';
import type { EvalEnv } from './eval-env.js';
import type { Node } from './node.js';
import { STRING_FUNCTIONS } from './string-functions.js';
import { list, sameVal, str, textOf, unknownVal, type Loc, type NoValue, type Val } from './val.js';

const MAX_DEPTH = 150;

/** Evaluates a node; `AWS::NoValue` removes the map entry or list item that holds it. */
export function evaluate(node: Node, env: EvalEnv, depth = 0): Val | NoValue {
  const loc: Loc = { pos: node.pos, path: node.path };
  if (depth > MAX_DEPTH) {
    env.problem('too-deep', 'the value is nested too deeply', loc);
    return unknownVal('value nested too deeply', loc);
  }
  switch (node.t) {
    case 'scalar':
      return { k: 'scalar', v: node.value, text: node.text, loc };
    case 'seq': {
      const items: Val[] = [];
      for (const item of node.items) {
        const v = evaluate(item, env, depth + 1);
        if (v.k !== 'novalue') items.push(v);
      }
      return list(items, loc);
    }
    case 'map': {
      if (node.entries.length === 1) {
        const { key, value } = node.entries[0]!;
        if (key === 'Ref' || key.startsWith('Fn::')) return callFunction(key, value, node, env, depth);
      }
      const entries = [];
      for (const e of node.entries) {
        const v = evaluate(e.value, env, depth + 1);
        if (v.k !== 'novalue') entries.push({ key: e.key, keyLoc: { pos: e.keyPos, path: e.value.path }, val: v });
      }
      return { k: 'map', entries, loc };
    }
  }
}

/** Evaluates a node where a value is required: `AWS::NoValue` there reads as absent (undefined). */
export function evaluateValue(node: Node, env: EvalEnv, depth = 0): Val | undefined {
  const v = evaluate(node, env, depth);
  return v.k === 'novalue' ? undefined : v;
}

function callFunction(name: string, arg: Node, call: Node, env: EvalEnv, depth: number): Val | NoValue {
  const loc: Loc = { pos: call.pos, path: call.path };
  const args = arg.t === 'seq' ? arg.items : undefined;
  const bad = (message: string): Val => {
    env.problem('bad-function-args', `${name}: ${message}`, loc);
    return unknownVal(`invalid ${name}`, loc);
  };
  switch (name) {
    case 'Ref': {
      if (arg.t !== 'scalar' || arg.value === null) return bad('takes the name of a parameter or resource');
      return env.ref(arg.text, loc);
    }
    case 'Fn::GetAtt': {
      let target: string | undefined;
      let attribute: string | undefined;
      if (arg.t === 'scalar' && arg.text.includes('.')) {
        const dot = arg.text.indexOf('.');
        target = arg.text.slice(0, dot);
        attribute = arg.text.slice(dot + 1);
      } else if (args && args.length === 2 && args[0]!.t === 'scalar') {
        target = args[0]!.text;
        const attr = evaluate(args[1]!, env, depth + 1);
        if (attr.k === 'unknown') return attr;
        attribute = attr.k === 'scalar' ? attr.text : undefined;
      }
      if (!target || !attribute) return bad('takes "LogicalId.Attribute" or [LogicalId, Attribute]');
      return env.getAtt(target, attribute, loc);
    }
    case 'Fn::If': {
      if (!args || args.length !== 3 || args[0]!.t !== 'scalar') return bad('takes [ConditionName, ValueIfTrue, ValueIfFalse]');
      const cond = env.condition(args[0]!.text, loc);
      if (!isUnknownTri(cond)) return evaluate(cond ? args[1]! : args[2]!, env, depth + 1);
      const a = evaluate(args[1]!, env, depth + 1);
      const b = evaluate(args[2]!, env, depth + 1);
      if (a.k !== 'novalue' && b.k !== 'novalue' && sameVal(a, b)) return a;
      return unknownVal(`condition ${args[0]!.text} is unknown (${cond.reason})`, loc, cond.key);
    }
    case 'Fn::ImportValue': {
      const v = evaluate(arg, env, depth + 1);
      if (v.k === 'unknown') return unknownVal(`the export name is unknown (${v.reason})`, loc, v.key);
      const exportName = textOf(v as Val);
      if (exportName === undefined) return bad('takes the name of an export');
      return env.importValue(exportName, loc);
    }
    case 'Fn::FindInMap': {
      if (!args || args.length < 3 || args.length > 4) return bad('takes [MapName, TopLevelKey, SecondLevelKey]');
      const keys: string[] = [];
      for (const a of args.slice(0, 3)) {
        const v = evaluate(a, env, depth + 1);
        if (v.k === 'unknown') return v;
        const t = textOf(v as Val);
        if (t === undefined) return bad('keys must be strings');
        keys.push(t);
      }
      const found = env.findInMap(keys[0]!, keys[1]!, keys[2]!, loc);
      if (found) return found;
      // AWS::LanguageExtensions: a fourth argument { DefaultValue: ... } answers a missing key.
      const fallback = args[3];
      const dv = fallback?.t === 'map' ? fallback.entries.find((e) => e.key === 'DefaultValue') : undefined;
      if (dv) return evaluate(dv.value, env, depth + 1);
      env.problem('missing-mapping', `Fn::FindInMap: mapping ${keys.join('.')} does not exist`, loc);
      return unknownVal(`mapping ${keys.join('.')} does not exist`, loc);
    }
    case 'Fn::GetAZs': {
      const v = evaluate(arg, env, depth + 1);
      const region = (v.k === 'scalar' && v.text) || env.region;
      // Made up: the real Availability Zones of an account are not in any template.
      return list(['a', 'b', 'c'].map((s) => str(`${region}${s}`, loc)), loc);
    }
    case 'Fn::Equals':
    case 'Fn::And':
    case 'Fn::Or':
    case 'Fn::Not': {
      const t = evalCondition(call, env, depth + 1);
      return isUnknownTri(t) ? t : str(String(t), loc);
    }
    case 'Fn::Transform': {
      env.info('transform-ignored', 'Fn::Transform (a macro) is not run; its output is unknown', loc);
      return unknownVal('the output of a Fn::Transform macro is not known', loc);
    }
    default: {
      const fn = STRING_FUNCTIONS[name];
      if (fn) return fn(arg, loc, (n) => evaluate(n, env, depth + 1), bad, env);
      env.problem('unknown-function', `${name} is not a CloudFormation intrinsic function`, loc);
      return unknownVal(`unknown function ${name}`, loc);
    }
  }
}
