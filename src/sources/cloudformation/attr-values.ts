// Ref and GetAtt answers of handlers (strings, lists, unknowns) as evaluated values and as Stack records.
import type { Maybe } from '../../model/index.js';
import type { AttrValue } from './resources/handler.js';
import { list, str, unknownVal, type Loc, type Val, type ValSource } from './val.js';

export function toMaybeString(v: AttrValue): Maybe<string> {
  return Array.isArray(v) ? v.join(',') : v;
}

export function toVal(v: AttrValue, loc: Loc, key: string, src?: ValSource): Val {
  if (typeof v === 'string') return str(v, loc, src);
  if (Array.isArray(v)) return list(v.map((s) => str(s, loc)), loc);
  return unknownVal(v.reason, loc, v.key ?? key);
}
