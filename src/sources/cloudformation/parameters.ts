// Template parameters: given values, defaults, lists, SSM parameter types, and parameters with no value.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
import type { MapNode } from './node.js';
import { child, scalarText } from './node.js';
import { list, str, unknownVal, type Loc, type Val, type ValSource } from './val.js';

/** A value given for a parameter, after `${...}` and `{ output }` references were resolved. */
export type SuppliedValue = string | { unknown: string; key?: string };

export interface ResolvedParameter {
  readonly type: string;
  readonly value: Val;
}

export interface ParameterHost {
  /** The value of an AWS::SSM::Parameter in the model with this name. */
  ssmParameter(name: string): Val | undefined;
  problem(code: string, message: string, loc: Loc): void;
}

const SSM_TYPE = /^AWS::SSM::Parameter::Value<(.+)>$/;

function isListType(type: string): boolean {
  return type.startsWith('List<') || type === 'CommaDelimitedList';
}

export function resolveParameters(
  section: MapNode | undefined, supplied: ReadonlyMap<string, SuppliedValue>, host: ParameterHost,
): Map<string, ResolvedParameter> {
  const out = new Map<string, ResolvedParameter>();
  if (!section) return out;
  for (const { key: name, keyPos, value: decl } of section.entries) {
    const loc: Loc = { pos: keyPos, path: decl.path };
    const type = scalarText(child(decl, 'Type')) ?? 'String';
    const src: ValSource = { kind: 'parameter', logicalId: name, type };
    const given = supplied.get(name);
    const defaultNode = child(decl, 'Default');
    let raw: string | Val;
    if (given !== undefined) {
      if (typeof given !== 'string') {
        out.set(name, { type, value: unknownVal(given.unknown, loc, given.key ?? `parameter:${name}`) });
        continue;
      }
      raw = given;
      checkAllowed(decl, name, given, loc, host);
    } else if (defaultNode && defaultNode.t !== 'map') {
      raw = defaultNode.t === 'seq' ? defaultNode.items.map((i) => (i.t === 'scalar' ? i.text : '')).join(',') : defaultNode.text;
    } else {
      raw = unknownVal(`parameter ${name} has no value; pass --parameter ${name}=...`, loc, `parameter:${name}`);
    }
    if (typeof raw !== 'string') {
      out.set(name, { type, value: raw });
      continue;
    }
    const ssm = SSM_TYPE.exec(type);
    if (ssm) {
      // The parameter's value names an SSM parameter; CloudFormation reads that parameter's value.
      const found = host.ssmParameter(raw);
      const inner = ssm[1]!;
      const value = found
        ? (isListType(inner) && found.k === 'scalar' ? splitList(found.text, loc, src) : found)
        : unknownVal(`SSM parameter ${raw} (the value of parameter ${name}) is not in the model`, loc, `ssm:${raw}`);
      out.set(name, { type, value });
      continue;
    }
    out.set(name, { type, value: isListType(type) ? splitList(raw, loc, src) : str(raw, loc, src) });
  }
  return out;
}

function splitList(text: string, loc: Loc, src: ValSource): Val {
  if (text.trim() === '') return list([], loc);
  return list(text.split(',').map((s) => str(s.trim(), loc, itemSource(src))), loc);
}

/** `List<AWS::EC2::Subnet::Id>` items are of type `AWS::EC2::Subnet::Id`. */
function itemSource(src: ValSource): ValSource {
  const m = /^List<(.+)>$/.exec(src.type);
  return m ? { ...src, type: m[1]! } : src;
}

function checkAllowed(decl: MapNode['entries'][number]['value'], name: string, value: string, loc: Loc, host: ParameterHost): void {
  const allowed = child(decl, 'AllowedValues');
  if (allowed?.t !== 'seq') return;
  const values = allowed.items.map((i) => (i.t === 'scalar' ? i.text : undefined));
  if (!values.includes(value)) {
    host.problem('parameter-not-allowed', `parameter ${name} is "${value}", not one of its AllowedValues (${values.join(', ')})`, loc);
  }
}
