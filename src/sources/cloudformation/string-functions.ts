// Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::Base64, Fn::Cidr and the language extensions Fn::Length, Fn::ToJsonString.
import { cidrSubnets } from './cidr.js';
import type { EvalEnv } from './eval-env.js';
import type { Node } from './node.js';
import { firstUnknown, list, str, toPlain, unknownVal, type Loc, type NoValue, type Val } from './val.js';

type Ev = (node: Node) => Val | NoValue;
type Bad = (message: string) => Val;
type Fn = (arg: Node, loc: Loc, ev: Ev, bad: Bad, env: EvalEnv) => Val | NoValue;

/** A known string, an unknown (passed through), or undefined when the value is not a string. */
function asText(v: Val | NoValue): string | Val | undefined {
  if (v.k === 'novalue') return '';
  if (v.k === 'unknown') return v;
  if (v.k === 'scalar') return v.text;
  return undefined;
}

const sub: Fn = (arg, loc, ev, bad, env) => {
  let template: string | undefined;
  let varsNode: Node | undefined;
  if (arg.t === 'scalar') template = arg.text;
  else if (arg.t === 'seq' && arg.items.length === 2) {
    const [first, second] = arg.items;
    if (first?.t === 'scalar' && second?.t === 'map') {
      template = first.text;
      varsNode = second;
    }
  }
  if (template === undefined) return bad('takes a string, or [string, { Name: value }]');
  const vars = new Map<string, Node>();
  if (varsNode?.t === 'map') for (const e of varsNode.entries) vars.set(e.key, e.value);
  let out = '';
  let unknown: Val | undefined;
  let last = 0;
  for (const m of template.matchAll(/\$\{([^}]*)\}/g)) {
    out += template.slice(last, m.index);
    last = m.index + m[0].length;
    const body = m[1]!;
    // `${!Literal}` writes `${Literal}` itself.
    if (body.startsWith('!')) {
      out += `\${${body.slice(1)}}`;
      continue;
    }
    const name = body.trim();
    let value: Val | NoValue;
    const varNode = vars.get(name);
    if (varNode) value = ev(varNode);
    else if (name.includes('.') && !name.startsWith('AWS::')) {
      const dot = name.indexOf('.');
      value = env.getAtt(name.slice(0, dot), name.slice(dot + 1), loc);
    } else value = env.ref(name, loc);
    const text = asText(value);
    if (text === undefined) {
      env.problem('bad-function-args', `Fn::Sub: \${${name}} is not a string`, loc);
      unknown ??= unknownVal(`\${${name}} is not a string`, loc);
    } else if (typeof text === 'string') out += text;
    else unknown ??= text;
  }
  out += template.slice(last);
  if (unknown?.k === 'unknown') return unknownVal(unknown.reason, loc, unknown.key);
  return str(out, loc);
};

const join: Fn = (arg, loc, ev, bad) => {
  const first = arg.t === 'seq' && arg.items.length === 2 ? arg.items[0] : undefined;
  if (arg.t !== 'seq' || first?.t !== 'scalar') return bad('takes [delimiter, [values]]');
  const delimiter = first.text;
  const values = ev(arg.items[1]!);
  if (values.k === 'unknown') return values;
  if (values.k !== 'list') return bad('the second argument must be a list');
  const parts: string[] = [];
  for (const item of values.items) {
    const t = asText(item);
    if (t === undefined) return bad('list items must be strings');
    if (typeof t !== 'string') return unknownVal((t as { reason: string }).reason, loc, (t as { key?: string }).key);
    parts.push(t);
  }
  return str(parts.join(delimiter), loc);
};

const select: Fn = (arg, loc, ev, bad) => {
  if (arg.t !== 'seq' || arg.items.length !== 2) return bad('takes [index, [values]]');
  const index = ev(arg.items[0]!);
  if (index.k === 'unknown') return index;
  const values = ev(arg.items[1]!);
  const i = index.k === 'scalar' ? Number(index.text) : NaN;
  // One item of an unknown list: its own placeholder (`parameter:Subnets[1]`), same reason.
  if (values.k === 'unknown') return unknownVal(values.reason, loc, values.key && Number.isInteger(i) ? `${values.key}[${i}]` : values.key);
  if (!Number.isInteger(i) || i < 0) return bad('the index must be a non-negative integer');
  if (values.k !== 'list') return bad('the second argument must be a list');
  const item = values.items[i];
  if (!item) return bad(`index ${i} is out of range (the list has ${values.items.length} items)`);
  return item;
};

const split: Fn = (arg, loc, ev, bad) => {
  const first = arg.t === 'seq' && arg.items.length === 2 ? arg.items[0] : undefined;
  if (arg.t !== 'seq' || first?.t !== 'scalar') return bad('takes [delimiter, string]');
  const delimiter = first.text;
  const source = asText(ev(arg.items[1]!));
  if (source === undefined) return bad('the second argument must be a string');
  if (typeof source !== 'string') return source;
  if (delimiter === '') return bad('the delimiter must not be empty');
  return list(source.split(delimiter).map((s) => str(s, loc)), loc);
};

const base64: Fn = (arg, loc, ev, bad) => {
  const text = asText(ev(arg));
  if (text === undefined) return bad('takes a string');
  if (typeof text !== 'string') return text;
  return str(Buffer.from(text, 'utf8').toString('base64'), loc);
};

const cidr: Fn = (arg, loc, ev, bad) => {
  if (arg.t !== 'seq' || arg.items.length !== 3) return bad('takes [ipBlock, count, cidrBits]');
  const parts: string[] = [];
  for (const item of arg.items) {
    const t = asText(ev(item));
    if (t === undefined) return bad('arguments must be strings or numbers');
    if (typeof t !== 'string') return t;
    parts.push(t);
  }
  const result = cidrSubnets(parts[0]!, Number(parts[1]), Number(parts[2]));
  if (typeof result === 'string') return bad(result);
  return list(result.map((c) => str(c, loc)), loc);
};

const length: Fn = (arg, loc, ev, bad) => {
  const v = ev(arg);
  if (v.k === 'unknown') return v;
  if (v.k !== 'list') return bad('takes a list');
  return { k: 'scalar', v: v.items.length, text: String(v.items.length), loc };
};

const toJsonString: Fn = (arg, loc, ev) => {
  const v = ev(arg);
  if (v.k === 'novalue') return str('', loc);
  const u = firstUnknown(v);
  if (u) return unknownVal(u.reason, loc, u.key);
  return str(JSON.stringify(toPlain(v)), loc);
};

export const STRING_FUNCTIONS: Readonly<Record<string, Fn>> = {
  'Fn::Sub': sub,
  'Fn::Join': join,
  'Fn::Select': select,
  'Fn::Split': split,
  'Fn::Base64': base64,
  'Fn::Cidr': cidr,
  'Fn::Length': length,
  'Fn::ToJsonString': toJsonString,
};
