// Typed reads of evaluated properties: strings, booleans, lists, ids (with placeholders for unknowns).
import { unknown, type Maybe, type Origin } from '../../model/index.js';
import type { StackScope } from './stack-scope.js';
import { get, getEntry, type Loc, type MapVal, type UnknownVal, type Val } from './val.js';

/** Resource types a `Ref` may name where an id of these types is required. */
export type Expect = readonly string[];

export class PropReader {
  constructor(
    protected readonly scope: StackScope,
    readonly logicalId: string,
    readonly map: MapVal | undefined,
    /** Where to point when a property is absent (the Properties key, or the resource). */
    readonly fallback: Loc,
  ) {}

  has(key: string): boolean {
    return getEntry(this.map, key) !== undefined;
  }

  val(key: string): Val | undefined {
    return get(this.map, key);
  }

  loc(key: string): Loc {
    return getEntry(this.map, key)?.keyLoc ?? this.fallback;
  }

  originAt(loc: Loc | undefined): Origin {
    return this.scope.origin(loc ?? this.fallback, this.logicalId);
  }

  /** The origin of a property: its own line, or the Properties line when it is absent. */
  origin(key: string): Origin {
    return this.originAt(this.loc(key));
  }

  /** A known string, else undefined (unknowns included). */
  text(key: string): string | undefined {
    const v = this.val(key);
    return v?.k === 'scalar' && v.v !== null ? v.text : undefined;
  }

  /** A string property: Unknown (with its reason) when the template cannot fix it. */
  str(key: string): Maybe<string> | undefined {
    const v = this.val(key);
    return v === undefined ? undefined : this.maybeText(v, key);
  }

  maybeText(v: Val, what = 'value'): Maybe<string> | undefined {
    if (v.k === 'unknown') return unknown(v.reason, this.originAt(v.loc));
    if (v.k === 'scalar') return v.v === null ? undefined : v.text;
    this.scope.problem('bad-property', `${what} must be a string`, v.loc);
    return undefined;
  }

  bool(key: string, fallback: boolean): Maybe<boolean> {
    const v = this.val(key);
    if (v === undefined) return fallback;
    if (v.k === 'unknown') return unknown(v.reason, this.originAt(v.loc));
    if (v.k === 'scalar' && /^(true|false)$/i.test(v.text)) return v.text.toLowerCase() === 'true';
    this.scope.problem('bad-property', `${key} must be true or false`, v.loc);
    return fallback;
  }

  int(key: string): number | undefined {
    const v = this.val(key);
    if (v?.k !== 'scalar' || v.v === null) return undefined;
    const n = Number(v.text);
    if (!Number.isFinite(n)) {
      this.scope.problem('bad-property', `${key} must be a number`, v.loc);
      return undefined;
    }
    return n;
  }

  /** List items; an unknown list is one unknown item. */
  items(key: string): Val[] {
    const v = this.val(key);
    if (v === undefined) return [];
    if (v.k === 'list') return v.items;
    if (v.k === 'map') {
      this.scope.problem('bad-property', `${key} must be a list`, v.loc);
      return [];
    }
    return [v];
  }

  /** A reader over another map of the same resource (e.g. an event's Properties). */
  readerOf(map: MapVal | undefined, fallback: Loc): PropReader {
    return new PropReader(this.scope, this.logicalId, map, fallback);
  }

  /** A nested map property. */
  sub(key: string): PropReader | undefined {
    const v = this.val(key);
    if (v === undefined || v.k === 'unknown') return undefined;
    if (v.k !== 'map') {
      this.scope.problem('bad-property', `${key} must be a map`, v.loc);
      return undefined;
    }
    return new PropReader(this.scope, this.logicalId, v, v.loc);
  }

  /** A list of maps (e.g. SecurityGroupIngress). */
  subs(key: string): PropReader[] {
    return this.items(key).flatMap((item) => {
      if (item.k === 'map') return [new PropReader(this.scope, this.logicalId, item, item.loc)];
      if (item.k !== 'unknown') this.scope.problem('bad-property', `items of ${key} must be maps`, item.loc);
      return [];
    });
  }

  id(key: string, expect?: Expect): string | undefined {
    const v = this.val(key);
    return v === undefined ? undefined : this.idOf(v, key, expect);
  }

  ids(key: string, expect?: Expect): string[] {
    return this.items(key).flatMap((item) => {
      const id = this.idOf(item, key, expect);
      return id === undefined ? [] : [id];
    });
  }

  /**
   * An id field. An unknown (a parameter with no value, an import no loaded stack exports) becomes a placeholder id
   * recorded in `model.unresolvedReferences`; a `Ref` to a resource of another type is an input error.
   */
  idOf(v: Val, what: string, expect?: Expect): string | undefined {
    if (v.k === 'unknown') return this.placeholder(v);
    if (v.k !== 'scalar' || v.v === null || v.text === '') {
      if (v.k !== 'scalar') this.scope.problem('bad-property', `${what} must be an id`, v.loc);
      return undefined;
    }
    if (expect && v.src) {
      const type = v.src.kind === 'parameter' ? parameterResourceType(v.src.type) : v.src.type;
      if (type && !expect.includes(type)) {
        const how = v.src.kind === 'parameter' ? `parameter ${v.src.logicalId} of type ${v.src.type}` : `${v.src.logicalId} (${v.src.type})`;
        this.scope.problem('wrong-resource-type', `${what} needs ${expect.join(' or ')}, but the value is ${how}`, v.loc);
      }
    }
    return v.text;
  }

  /** An input problem at a value's position. */
  problemAt(code: string, message: string, v: Val): void {
    this.scope.problem(code, message, v.loc);
  }

  /** Checks the resource type a `Ref` names in a property kept as a value (no placeholder is made). */
  checkType(key: string, expect: Expect): void {
    const v = this.val(key);
    if (v?.k === 'scalar') this.idOf(v, key, expect);
  }

  /** A required id property; when absent, an input error and a placeholder. */
  requiredId(key: string, expect?: Expect): string {
    const id = this.id(key, expect);
    if (id !== undefined) return id;
    this.scope.problem('missing-property', `${key} is required`, this.fallback);
    const placeholder = `unresolved:missing:${this.scope.stack}.${this.logicalId}.${key}`;
    this.scope.builder.unresolved(placeholder, `${this.logicalId} has no ${key}`, this.originAt(this.fallback));
    return placeholder;
  }

  placeholder(u: UnknownVal): string {
    const key = u.key ?? `${this.scope.stack}/${u.loc.path}`;
    const placeholder = `unresolved:${key}`;
    this.scope.builder.unresolved(placeholder, u.reason, this.originAt(u.loc));
    return placeholder;
  }
}

/** `AWS::EC2::Subnet::Id` names resources of type `AWS::EC2::Subnet`; plain `String` names nothing. */
function parameterResourceType(type: string): string | undefined {
  const m = /^AWS::(\w+)::(\w+)::Id$/.exec(type);
  return m ? `AWS::${m[1]}::${m[2] === 'KeyPair' ? 'KeyPair' : m[2]}` : undefined;
}
