// Evaluated template values: what intrinsic functions produce, each with where it was written.
import type { Pos } from './node.js';

export interface Loc {
  readonly pos?: Pos;
  readonly path: string;
}

/** Where a value came from when it was produced by `Ref` (for "wrong resource type" checks). */
export interface ValSource {
  readonly kind: 'resource' | 'parameter';
  readonly logicalId: string;
  /** The resource type, or the parameter type (`AWS::EC2::Subnet::Id`). */
  readonly type: string;
}

export interface ScalarVal {
  readonly k: 'scalar';
  readonly v: string | number | boolean | null;
  /** The value as CloudFormation passes it to a string property. */
  readonly text: string;
  readonly loc: Loc;
  readonly src?: ValSource;
}

export interface ListVal {
  readonly k: 'list';
  readonly items: Val[];
  readonly loc: Loc;
}

export interface MapEntryVal {
  readonly key: string;
  readonly keyLoc: Loc;
  readonly val: Val;
}

export interface MapVal {
  readonly k: 'map';
  readonly entries: MapEntryVal[];
  readonly loc: Loc;
}

export interface UnknownVal {
  readonly k: 'unknown';
  /** In words a person can act on: names the parameter, import or attribute. */
  readonly reason: string;
  /** Stable key for a placeholder id (`parameter:VpcId`, `import:Network-SubnetA`). */
  readonly key?: string;
  readonly loc: Loc;
}

export type Val = ScalarVal | ListVal | MapVal | UnknownVal;

/** `AWS::NoValue`: removes the property or list item that holds it. */
export const NO_VALUE = { k: 'novalue' } as const;
export type NoValue = typeof NO_VALUE;

export function str(text: string, loc: Loc, src?: ValSource): ScalarVal {
  return src ? { k: 'scalar', v: text, text, loc, src } : { k: 'scalar', v: text, text, loc };
}

export function unknownVal(reason: string, loc: Loc, key?: string): UnknownVal {
  return key ? { k: 'unknown', reason, key, loc } : { k: 'unknown', reason, loc };
}

export function list(items: Val[], loc: Loc): ListVal {
  return { k: 'list', items, loc };
}

export function getEntry(map: Val | undefined, key: string): MapEntryVal | undefined {
  return map?.k === 'map' ? map.entries.find((e) => e.key === key) : undefined;
}

export function get(map: Val | undefined, key: string): Val | undefined {
  return getEntry(map, key)?.val;
}

/** The first unknown inside a value, if any (a string built from it is unknown for the same reason). */
export function firstUnknown(val: Val): UnknownVal | undefined {
  if (val.k === 'unknown') return val;
  if (val.k === 'list') for (const item of val.items) {
    const u = firstUnknown(item);
    if (u) return u;
  }
  if (val.k === 'map') for (const e of val.entries) {
    const u = firstUnknown(e.val);
    if (u) return u;
  }
  return undefined;
}

/** A scalar's text; undefined for lists, maps and unknowns. */
export function textOf(val: Val | undefined): string | undefined {
  return val?.k === 'scalar' && val.v !== null ? val.text : undefined;
}

/** Structural equality of two known values (Fn::Equals, Fn::If with an unknown condition). */
export function sameVal(a: Val, b: Val): boolean {
  if (a.k === 'scalar' && b.k === 'scalar') return a.text === b.text;
  if (a.k === 'list' && b.k === 'list') return a.items.length === b.items.length && a.items.every((x, i) => sameVal(x, b.items[i]!));
  if (a.k === 'map' && b.k === 'map') {
    return a.entries.length === b.entries.length && a.entries.every((e) => {
      const other = getEntry(b, e.key);
      return other !== undefined && sameVal(e.val, other.val);
    });
  }
  if (a.k === 'unknown' && b.k === 'unknown') return a.reason === b.reason;
  return false;
}

/** A plain JSON-like value (unknowns become `{ unknown: reason }`), for Fn::ToJsonString and policies. */
export function toPlain(val: Val): unknown {
  switch (val.k) {
    case 'scalar': return val.v;
    case 'list': return val.items.map(toPlain);
    case 'map': return Object.fromEntries(val.entries.map((e) => [e.key, toPlain(e.val)]));
    case 'unknown': return { unknown: val.reason };
  }
}

/** Reads a plain JSON value (a policy given as a JSON string) back into a value at one location. */
export function fromPlain(value: unknown, loc: Loc): Val {
  if (Array.isArray(value)) return list(value.map((v) => fromPlain(v, loc)), loc);
  if (value !== null && typeof value === 'object') {
    return {
      k: 'map',
      entries: Object.entries(value).map(([key, v]) => ({ key, keyLoc: loc, val: fromPlain(v, loc) })),
      loc,
    };
  }
  if (value === null || value === undefined) return { k: 'scalar', v: null, text: '', loc };
  const v = value as string | number | boolean;
  return { k: 'scalar', v, text: String(v), loc };
}
