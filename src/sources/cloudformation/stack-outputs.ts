// A stack's Outputs (with their conditions) and the exports other stacks import with Fn::ImportValue.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/outputs-section-structure.html
import { unknown, type Maybe, type Origin } from '../../model/index.js';
import { evaluateValue } from './intrinsics.js';
import { child, type MapNode } from './node.js';
import type { StackEnv } from './stack-env.js';
import { textOf, type Loc, type Val } from './val.js';

export function readOutputs(env: StackEnv, section: MapNode | undefined): { outputs: Record<string, Maybe<string>>; exports: Record<string, Maybe<string>> } {
  const outputs: Record<string, Maybe<string>> = {};
  const exports: Record<string, Maybe<string>> = {};
  for (const { key, keyPos, value } of section?.entries ?? []) {
    const loc: Loc = { pos: keyPos, path: value.path };
    const conditionNode = child(value, 'Condition');
    const condition = conditionNode ? textOf(evaluateValue(conditionNode, env)) : undefined;
    if (condition && env.resourceCondition(condition, loc) === false) continue;
    const valueNode = child(value, 'Value');
    if (!valueNode) {
      env.problem('bad-output', `output ${key} has no Value`, loc);
      continue;
    }
    const v = evaluateValue(valueNode, env);
    const text = outputText(v, env.origin(loc));
    outputs[key] = text;
    const nameNode = child(child(value, 'Export'), 'Name');
    const exportName = nameNode ? textOf(evaluateValue(nameNode, env)) : undefined;
    if (!nameNode || exportName === undefined) continue;
    exports[exportName] = text;
    if (env.probe || !v) continue;
    const existing = env.builder.exports.get(exportName);
    if (existing) {
      env.problem('duplicate-export', `export ${exportName} is already exported by stack ${existing.stack}`, { pos: nameNode.pos, path: nameNode.path });
      continue;
    }
    env.builder.exports.set(exportName, { value: v, stack: env.stack });
  }
  return { outputs, exports };
}

/** Outputs are strings: a list output reads as its items joined with commas. */
function outputText(v: Val | undefined, origin: Origin): Maybe<string> {
  if (!v) return '';
  if (v.k === 'unknown') return unknown(v.reason, origin);
  if (v.k === 'scalar') return v.text;
  if (v.k === 'list') {
    const parts = v.items.map((i) => (i.k === 'scalar' ? i.text : undefined));
    if (parts.every((p) => p !== undefined)) return parts.join(',');
  }
  return unknown('the output is not a string', origin);
}
