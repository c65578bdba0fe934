// `${LogicalId}`, `${LogicalId.Attr}`, `${stack.LogicalId}` and pseudo parameters in requests, headers and facts,
// resolved as Fn::Sub would against the loaded stacks.
import { isUnknown, type Model, type Stack, type StackResource } from '../model/index.js';

export type Substituted =
  | { readonly kind: 'value'; readonly value: string }
  | { readonly kind: 'unknown'; readonly reason: string }
  | { readonly kind: 'error'; readonly message: string };

export interface SubstitutionContext {
  readonly model: Model;
  readonly region: string;
  readonly account: string;
}

export function substitute(text: string, ctx: SubstitutionContext): Substituted {
  let out = '';
  let last = 0;
  const pattern = /\$\{([^}]*)\}/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    out += text.slice(last, m.index);
    last = m.index + m[0].length;
    const v = resolveName(m[1]!.trim(), ctx);
    if (v.kind !== 'value') return v;
    out += v.value;
  }
  return { kind: 'value', value: out + text.slice(last) };
}

function resolveName(name: string, ctx: SubstitutionContext): Substituted {
  switch (name) {
    case 'AWS::Region': return { kind: 'value', value: ctx.region };
    case 'AWS::AccountId': return { kind: 'value', value: ctx.account };
    case 'AWS::URLSuffix': return { kind: 'value', value: ctx.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com' };
    case 'AWS::Partition': return { kind: 'value', value: ctx.region.startsWith('cn-') ? 'aws-cn' : 'aws' };
  }
  const found = findResource(name, ctx.model.stacks);
  if ('error' in found) return { kind: 'error', message: found.error };
  const { resource, attribute } = found;
  const value = attribute === undefined ? resource.ref : resource.attributes[attribute];
  if (value === undefined) {
    const known = Object.keys(resource.attributes);
    return {
      kind: 'error',
      message: `\${${name}}: ${resource.logicalId} (${resource.type}) has no attribute ${attribute}` +
        (known.length ? ` (it has: ${known.join(', ')})` : ''),
    };
  }
  if (isUnknown(value)) return { kind: 'unknown', reason: `\${${name}}: ${value.reason}` };
  return { kind: 'value', value: Array.isArray(value) ? value.join(',') : value };
}

/** `A`, `A.Attr`, `stack.A`, `stack.A.Attr`: a unique logical id first, then a stack-qualified one. */
function findResource(name: string, stacks: readonly Stack[]): { resource: StackResource; attribute?: string } | { error: string } {
  const parts = name.split('.');
  const matches: { resource: StackResource; attribute?: string }[] = [];
  for (const stack of stacks) {
    const direct = stack.resources[parts[0]!];
    if (direct) matches.push(attrOf(direct, parts.slice(1)));
    if (parts.length >= 2 && stack.name === parts[0]) {
      const qualified = stack.resources[parts[1]!];
      if (qualified) return attrOf(qualified, parts.slice(2));
    }
  }
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    return { error: `\${${name}}: ${parts[0]} is in several stacks (${stacks.filter((s) => s.resources[parts[0]!]).map((s) => s.name).join(', ')}); write \${stack.${parts[0]}}` };
  }
  return { error: `\${${name}} names no resource in the model` };
}

function attrOf(resource: StackResource, rest: string[]): { resource: StackResource; attribute?: string } {
  return rest.length ? { resource, attribute: rest.join('.') } : { resource };
}
