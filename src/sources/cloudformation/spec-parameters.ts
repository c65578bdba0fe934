// Parameter values from the command line or a scenario: `${LogicalId}`, `${LogicalId.Attr}`, `${stack.LogicalId}`,
// `{ output: stack.OutputName }`, resolved against the stacks already loaded (scenario-format.md "Several stacks").
import { isUnknown, type Stack, type StackResource } from '../../model/index.js';
import type { SuppliedValue } from './parameters.js';
import { partitionOf, urlSuffixOf } from './pseudo.js';
import type { InputProblem, StackSpec } from './types.js';

/** The stacks a `${...}` reference may name: `stack.LogicalId[.Attr]` or a unique `LogicalId[.Attr]`. */
export function referencedStacks(
  value: string, specs: readonly { stack: string; logicalIds: ReadonlySet<string> }[], self: string,
): string[] {
  const out: string[] = [];
  for (const m of value.matchAll(/\$\{([^}]+)\}/g)) {
    const parts = m[1]!.trim().split('.');
    const byStack = specs.find((s) => s.stack === parts[0] && parts[1] !== undefined && s.logicalIds.has(parts[1]));
    if (byStack) out.push(byStack.stack);
    else out.push(...specs.filter((s) => s.stack !== self && s.logicalIds.has(parts[0]!)).map((s) => s.stack));
  }
  return out;
}

export function resolveSupplied(
  spec: StackSpec, declared: ReadonlySet<string>, stacks: readonly Stack[], problems: InputProblem[],
): Map<string, SuppliedValue> {
  const out = new Map<string, SuppliedValue>();
  const problem = (message: string): void => {
    problems.push({ code: 'parameter-reference', message, file: spec.file });
  };
  for (const [name, given] of Object.entries(spec.parameters)) {
    // Top-level parameters a template does not declare are ignored for it.
    if (!declared.has(name)) continue;
    if (typeof given !== 'string') {
      const dot = given.output.indexOf('.');
      const stack = stacks.find((s) => s.name === given.output.slice(0, dot));
      const value = stack?.outputs[given.output.slice(dot + 1)];
      if (dot <= 0 || value === undefined) {
        problem(`parameter ${name}: no loaded stack has the output ${given.output}`);
        out.set(name, { unknown: `the output ${given.output} is not in the model`, key: `output:${given.output}` });
      } else {
        out.set(name, isUnknown(value) ? { unknown: value.reason, key: `output:${given.output}` } : value);
      }
      continue;
    }
    let text = '';
    let unknownPart: SuppliedValue | undefined;
    let last = 0;
    for (const m of given.matchAll(/\$\{([^}]+)\}/g)) {
      text += given.slice(last, m.index);
      last = m.index + m[0].length;
      const part = resolveReference(m[1]!.trim(), spec, stacks);
      if (typeof part === 'string') text += part;
      else {
        if ('problem' in part) problem(`parameter ${name}: ${part.problem}`);
        unknownPart ??= 'problem' in part ? { unknown: part.problem } : part;
      }
    }
    text += given.slice(last);
    out.set(name, unknownPart ?? text);
  }
  return out;
}

type Resolved = string | { unknown: string; key?: string } | { problem: string };

function resolveReference(expr: string, spec: StackSpec, stacks: readonly Stack[]): Resolved {
  switch (expr) {
    case 'AWS::Region': return spec.region;
    case 'AWS::AccountId': return spec.account;
    case 'AWS::StackName': return spec.stack;
    case 'AWS::Partition': return partitionOf(spec.region);
    case 'AWS::URLSuffix': return urlSuffixOf(spec.region);
  }
  const parts = expr.split('.');
  let resource: StackResource | undefined;
  let attr: string | undefined;
  const named = stacks.find((s) => s.name === parts[0] && parts[1] !== undefined && s.resources[parts[1]]);
  if (named) {
    resource = named.resources[parts[1]!];
    attr = parts.slice(2).join('.') || undefined;
  } else {
    const found = stacks.filter((s) => s.resources[parts[0]!]);
    if (found.length === 0) return { problem: `\${${expr}} names no resource of a loaded stack` };
    if (found.length > 1) {
      return { problem: `\${${expr}} is ambiguous (stacks ${found.map((s) => s.name).join(', ')}); write \${stack.${expr}}` };
    }
    resource = found[0]!.resources[parts[0]!];
    attr = parts.slice(1).join('.') || undefined;
  }
  const value = attr ? resource!.attributes[attr] : resource!.ref;
  if (value === undefined) return { problem: `\${${expr}}: ${resource!.logicalId} has no attribute ${attr}` };
  if (Array.isArray(value)) return value.join(',');
  if (isUnknown(value)) return { unknown: value.reason, key: `ref:${expr}` };
  return value as string;
}
