// Property: bad input never throws. Conformance templates mutated at random (keys deleted, values swapped, bad
// intrinsics injected, text cut) always load into problems and a model.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadStacks } from './load-stacks.js';
import type { Node } from './node.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StackSpec } from './types.js';
import { conformanceFiles, scenarioSpec, SERVERLESS_PATTERNS } from './test-support.js';

/** SAM and CloudFormation templates from the corpus (the valid ones), beside the conformance templates. */
const CORPUS = [
  'apigw-private-lambda/template.yaml', 'private-apigw-custom-domain/template.yaml', 'apigw-custom-domain-regional/template.yaml',
  'public-nlb-or-alb-private-api-cfn/template.yaml', 'apigw-private-custom-domain-name-cross-account/accountA/template.yaml',
];

function corpusSpec(file: string): StackSpec {
  return { file, text: readFileSync(join(SERVERLESS_PATTERNS, file), 'utf8'), stack: 'corpus', region: 'us-east-1', account: '111111111111', parameters: {} };
}
import { parseTemplate } from './yaml-parse.js';

type Plain = null | string | number | boolean | Plain[] | { [k: string]: Plain };

function toPlain(node: Node): Plain {
  if (node.t === 'scalar') return node.value;
  if (node.t === 'seq') return node.items.map(toPlain);
  return Object.fromEntries(node.entries.map((e) => [e.key, toPlain(e.value)]));
}

const BAD_VALUES: Plain[] = [
  { 'Fn::Foo': 1 }, { Ref: 'Nope' }, { Ref: ['x'] }, { 'Fn::GetAtt': ['Vpc', 'Bogus'] }, { 'Fn::GetAtt': 'NoDot' },
  { 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }, { 'Fn::If': ['X'] }, { 'Fn::If': ['Nope', 1, 2] }, { 'Fn::Sub': [1, 2, 3] },
  { 'Fn::Sub': '${Nope.Attr}${AWS::NoValue}' }, { 'Fn::Select': [99, []] }, { 'Fn::Select': ['x', { Ref: 'AWS::Region' }] },
  { 'Fn::Join': [',', { 'Fn::GetAZs': '' }] }, { 'Fn::Join': [1, 2] }, { 'Fn::Split': ['', 'abc'] }, { 'Fn::Cidr': ['x', 'y', 'z'] },
  { 'Fn::Cidr': ['10.0.0.0/30', 256, 8] }, { 'Fn::ImportValue': { Ref: 'AWS::NoValue' } }, { 'Fn::FindInMap': ['a', 'b'] },
  { 'Fn::Equals': [1] }, { 'Fn::And': [] }, { Condition: 'X' }, { 'Fn::Base64': [] }, { 'Fn::Length': 'x' },
  { 'Fn::ToJsonString': { Ref: 'Nope' } }, { Ref: 'AWS::NoValue' }, null, [], {}, 42, true, '', 'sg-123', '10.0.0.0/8', '999.1.1.1/40',
  { Type: 'AWS::EC2::Subnet' }, { 'Fn::Transform': { Name: 'X' } },
];

/** Every (container, key) in the tree, in document order. */
function slots(value: Plain, out: [Plain[] | Record<string, Plain>, string | number][] = []): typeof out {
  if (Array.isArray(value)) value.forEach((v, i) => { out.push([value, i]); slots(v, out); });
  else if (value && typeof value === 'object') for (const k of Object.keys(value)) { out.push([value, k]); slots(value[k]!, out); }
  return out;
}

type Op = { kind: 'delete' | 'swap' | 'inject' | 'self-ref'; a: number; b: number };

function mutate(template: Plain, ops: Op[]): Plain {
  const root = structuredClone(template);
  for (const op of ops) {
    const all = slots(root);
    if (all.length === 0) break;
    const [container, key] = all[op.a % all.length]!;
    const get = (c: typeof container, k: string | number): Plain => (c as Record<string | number, Plain>)[k]!;
    const set = (c: typeof container, k: string | number, v: Plain): void => { (c as Record<string | number, Plain>)[k] = v; };
    if (op.kind === 'delete') {
      if (Array.isArray(container)) container.splice(key as number, 1);
      else delete container[key as string];
    } else if (op.kind === 'swap') {
      const [c2, k2] = all[op.b % all.length]!;
      const v1 = get(container, key);
      const v2 = get(c2, k2);
      set(container, key, structuredClone(v2));
      set(c2, k2, structuredClone(v1));
    } else if (op.kind === 'inject') {
      set(container, key, structuredClone(BAD_VALUES[op.b % BAD_VALUES.length]!));
    } else {
      const resources = (root as Record<string, Plain>)?.Resources;
      const ids = resources && typeof resources === 'object' && !Array.isArray(resources) ? Object.keys(resources) : [];
      const id = ids[op.b % Math.max(1, ids.length)] ?? 'X';
      set(container, key, { 'Fn::GetAtt': [id, 'CidrBlock'] });
    }
  }
  return root;
}

const op: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('delete', 'swap', 'inject', 'self-ref'),
  a: fc.nat(), b: fc.nat(),
});

describe('loadStacks never throws', () => {
  const specs = [...conformanceFiles().map(scenarioSpec), ...CORPUS.map(corpusSpec)];
  const plains = specs.map((s) => toPlain(parseTemplate(s.text).root!));

  it('on conformance templates with random structural mutations', () => {
    fc.assert(fc.property(fc.nat(), fc.array(op, { minLength: 1, maxLength: 8 }), (which, ops) => {
      const i = which % plains.length;
      const text = JSON.stringify(mutate(plains[i]!, ops));
      const result = loadStacks([{ ...specs[i]!, text, lineOffset: 0, columnOffset: 0 }]);
      expect(Array.isArray(result.problems)).toBe(true);
    }), { numRuns: 300 });
  });

  it('on conformance templates with random text cuts and insertions', () => {
    fc.assert(fc.property(fc.nat(), fc.nat(), fc.nat({ max: 200 }), fc.string({ maxLength: 12 }), (which, at, cut, insert) => {
      const spec = specs[which % specs.length]!;
      const pos = at % (spec.text.length + 1);
      const text = spec.text.slice(0, pos) + insert + spec.text.slice(pos + cut);
      const result = loadStacks([{ ...spec, text }]);
      expect(Array.isArray(result.problems)).toBe(true);
    }), { numRuns: 300 });
  });

  it('on several mutated stacks loaded together', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(), fc.array(op, { maxLength: 4 })), { minLength: 2, maxLength: 4 }), (picks) => {
      const stacks = picks.map(([which, ops], n) => {
        const i = which % plains.length;
        return { ...specs[i]!, stack: `s${n}`, text: JSON.stringify(mutate(plains[i]!, ops)), parameters: { ImageId: '${s0.Vpc}', Other: { output: 's1.X' } } };
      });
      expect(() => loadStacks(stacks)).not.toThrow();
    }), { numRuns: 100 });
  });
});
