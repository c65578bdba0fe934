// The order stacks are loaded in: exporters before importers, referenced stacks before the stacks naming them.
import type { Node } from './node.js';
import { child, scalarText } from './node.js';
import { referencedStacks } from './spec-parameters.js';
import { StackLoader } from './stack-loader.js';
import type { TemplateSections } from './stack-template.js';
import type { InputProblem, StackSpec } from './types.js';
import { textOf } from './val.js';
import { ModelBuilder } from './model-builder.js';
import type { SuppliedValue } from './parameters.js';

export interface ParsedStack {
  readonly spec: StackSpec;
  readonly sections: TemplateSections;
  readonly root: Node;
}

export function orderStacks(stacks: readonly ParsedStack[], problems: InputProblem[]): ParsedStack[] {
  const names = stacks.map((s) => ({ stack: s.spec.stack, logicalIds: new Set(s.sections.resources.keys()) }));
  const exportsOf = new Map<string, Set<string>>();
  const importsOf = new Map<string, Set<string>>();
  for (const s of stacks) {
    const probe = probeLoader(s);
    const exported = new Set<string>();
    for (const out of s.sections.outputs?.entries ?? []) {
      const nameNode = child(child(out.value, 'Export'), 'Name');
      const name = nameNode ? textOf(probe.evaluateNode(nameNode)) : undefined;
      if (name) exported.add(name);
    }
    exportsOf.set(s.spec.stack, exported);
    const imported = new Set<string>();
    for (const node of importNodes(s.root)) {
      const name = textOf(probe.evaluateNode(node));
      if (name) imported.add(name);
    }
    importsOf.set(s.spec.stack, imported);
    // AWS::SSM::Parameter resources by Name: stacks whose SSM-typed parameters read them load after.
    for (const decl of s.sections.resources.values()) {
      const nameNode = decl.type === 'AWS::SSM::Parameter' ? child(decl.props, 'Name') : undefined;
      const name = nameNode ? textOf(probe.evaluateNode(nameNode)) : undefined;
      if (name) exported.add(`ssm:${name}`);
    }
    for (const p of s.sections.parameters?.entries ?? []) {
      if (!/^AWS::SSM::Parameter::Value</.test(scalarText(child(p.value, 'Type')) ?? '')) continue;
      const given = s.spec.parameters[p.key];
      const name = typeof given === 'string' ? given : scalarText(child(p.value, 'Default'));
      if (name) imported.add(`ssm:${name}`);
    }
  }
  const deps = new Map<string, Set<string>>();
  for (const s of stacks) {
    const d = new Set<string>();
    for (const name of importsOf.get(s.spec.stack) ?? []) {
      for (const [other, exported] of exportsOf) if (other !== s.spec.stack && exported.has(name)) d.add(other);
    }
    const declared = new Set(s.sections.parameters?.entries.map((e) => e.key) ?? []);
    for (const [param, given] of Object.entries(s.spec.parameters)) {
      if (!declared.has(param)) continue;
      if (typeof given === 'string') referencedStacks(given, names, s.spec.stack).forEach((x) => d.add(x));
      else d.add(given.output.split('.')[0]!);
    }
    d.delete(s.spec.stack);
    deps.set(s.spec.stack, d);
  }
  const placed = new Set<string>();
  const order: ParsedStack[] = [];
  const remaining = [...stacks];
  while (remaining.length > 0) {
    let i = remaining.findIndex((s) => [...deps.get(s.spec.stack)!].every((d) => placed.has(d) || !names.some((n) => n.stack === d)));
    if (i < 0) {
      i = 0;
      const s = remaining[0]!;
      problems.push({
        code: 'stack-cycle', file: s.spec.file,
        message: `stacks depend on each other in a cycle (${remaining.map((r) => r.spec.stack).join(', ')}); loading ${s.spec.stack} first`,
      });
    }
    const [next] = remaining.splice(i, 1);
    placed.add(next!.spec.stack);
    order.push(next!);
  }
  return order;
}

/** A loader that evaluates names only: parameters that refer to other stacks read as unknown. */
function probeLoader(s: ParsedStack): StackLoader {
  const supplied = new Map<string, SuppliedValue>();
  for (const [name, given] of Object.entries(s.spec.parameters)) {
    supplied.set(name, typeof given === 'string' && !given.includes('${') ? given : { unknown: 'not known yet' });
  }
  return new StackLoader({ spec: s.spec, sections: s.sections, builder: new ModelBuilder(), problems: [], supplied, probe: true });
}

function importNodes(node: Node, out: Node[] = [], depth = 0): Node[] {
  if (depth > 200) return out;
  if (node.t === 'map') {
    for (const e of node.entries) {
      if (e.key === 'Fn::ImportValue' && node.entries.length === 1) out.push(e.value);
      else importNodes(e.value, out, depth + 1);
    }
  } else if (node.t === 'seq') node.items.forEach((i) => importNodes(i, out, depth + 1));
  return out;
}
