// The evaluation side of a stack: parameters, pseudo parameters, conditions, mappings, imports, problems.
import type { NoteLevel, Origin } from '../../model/index.js';
import { evalCondition, isUnknownTri } from './conditions.js';
import type { EvalEnv, Tri } from './eval-env.js';
import { evaluateValue } from './intrinsics.js';
import { MadeUpIds } from './made-up-ids.js';
import type { ModelBuilder } from './model-builder.js';
import { child, type Pos } from './node.js';
import { resolveParameters, type ResolvedParameter, type SuppliedValue } from './parameters.js';
import { pseudoParameter } from './pseudo.js';
import type { TemplateSections } from './stack-template.js';
import type { InputProblem, StackSpec } from './types.js';
import { unknownVal, type Loc, type NoValue, type Val } from './val.js';

export interface StackEnvOptions {
  readonly spec: StackSpec;
  readonly sections: TemplateSections;
  readonly builder: ModelBuilder;
  readonly problems: InputProblem[];
  readonly supplied: ReadonlyMap<string, SuppliedValue>;
  /** Probe mode (ordering stacks): nothing is built and nothing reported; resources read as unknown. */
  readonly probe?: boolean;
}

export abstract class StackEnv implements EvalEnv {
  readonly file: string;
  readonly stack: string;
  readonly region: string;
  readonly account: string;
  readonly builder: ModelBuilder;
  readonly ids: MadeUpIds;
  protected readonly sections: TemplateSections;
  readonly probe: boolean;
  protected readonly params: Map<string, ResolvedParameter>;
  private readonly conditionMemo = new Map<string, Tri | 'busy'>();
  private readonly reported = new Set<string>();
  private readonly lineOffset: number;
  private readonly columnOffset: number;

  constructor(protected readonly options: StackEnvOptions) {
    const { spec } = options;
    this.file = spec.file;
    this.stack = spec.stack;
    this.region = spec.region;
    this.account = spec.account;
    this.builder = options.builder;
    this.sections = options.sections;
    this.probe = options.probe ?? false;
    this.lineOffset = spec.lineOffset ?? 0;
    this.columnOffset = spec.columnOffset ?? 0;
    this.ids = new MadeUpIds({ account: spec.account, region: spec.region, stack: spec.stack });
    this.params = resolveParameters(this.sections.parameters, options.supplied, {
      ssmParameter: (name) => this.builder.ssmParameters.get(name),
      problem: (code, message, loc) => this.problem(code, message, loc),
    });
  }

  protected abstract resourceRef(name: string, loc: Loc): Val | undefined;
  protected abstract resourceAttribute(logicalId: string, attribute: string, loc: Loc): Val;

  ref(name: string, loc: Loc): Val | NoValue {
    const pseudo = pseudoParameter(name, {
      stack: this.stack, region: this.region, account: this.account, stackUuid: this.ids.uuid('AWS::StackId'),
    }, loc);
    if (pseudo) return pseudo;
    const param = this.params.get(name);
    if (param) return relocate(param.value, loc);
    const fromResource = this.resourceRef(name, loc);
    if (fromResource) return fromResource;
    this.problem('dangling-ref', `Ref ${name}: no parameter, resource or pseudo parameter has this name`, loc);
    return unknownVal(`${name} does not exist`, loc);
  }

  getAtt(logicalId: string, attribute: string, loc: Loc): Val {
    return this.resourceAttribute(logicalId, attribute, loc);
  }

  importValue(name: string, loc: Loc): Val {
    const exported = this.builder.exports.get(name);
    if (exported) return relocate(exported.value, loc);
    return unknownVal(`no loaded stack exports ${name} (Fn::ImportValue); load the stack that exports it`, loc, `import:${name}`);
  }

  condition(name: string, loc: Loc): Tri {
    const memo = this.conditionMemo.get(name);
    if (memo === 'busy') {
      this.problem('circular-condition', `condition ${name} refers to itself`, loc);
      return unknownVal(`condition ${name} is circular`, loc);
    }
    if (memo !== undefined) return memo;
    const node = child(this.sections.conditions, name);
    if (!node) {
      this.problem('unknown-condition', `condition ${name} is not declared in Conditions`, loc);
      return unknownVal(`condition ${name} does not exist`, loc);
    }
    this.conditionMemo.set(name, 'busy');
    const value = evalCondition(node, this);
    this.conditionMemo.set(name, value);
    return value;
  }

  findInMap(mapName: string, topKey: string, secondKey: string, loc: Loc): Val | undefined {
    const node = child(child(child(this.sections.mappings, mapName), topKey), secondKey);
    if (!node) return undefined;
    const v = evaluateValue(node, this);
    return v ? relocate(v, loc) : undefined;
  }

  /** Records an input problem once, at its position in the user's file. */
  problem(code: string, message: string, loc: Loc | undefined): void {
    if (this.probe) return;
    const at = loc?.pos ? this.shift(loc.pos) : undefined;
    const key = `${code}|${message}|${at?.line}|${at?.column}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.options.problems.push({ code, message, file: this.file, ...(at ? { line: at.line, column: at.column } : {}) });
  }

  note(level: NoteLevel, code: string, message: string, loc?: Loc, logicalId?: string): void {
    if (this.probe) return;
    const key = `note|${code}|${message}|${loc?.pos?.line}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.builder.note({ level, code, message, origin: this.origin(loc, logicalId) });
  }

  info(code: string, message: string, loc: Loc): void {
    this.note('info', code, message, loc);
  }

  origin(loc: Loc | undefined, logicalId?: string): Origin {
    const at = loc?.pos ? this.shift(loc.pos) : undefined;
    return {
      file: this.file,
      ...(at ? { line: at.line, column: at.column } : {}),
      ...(loc?.path ? { path: loc.path } : {}),
      stack: this.stack,
      ...(logicalId ? { logicalId } : {}),
    };
  }

  /** A condition decides a resource: false means it does not exist. */
  resourceCondition(name: string, loc: Loc): boolean | 'unknown' {
    const c = this.condition(name, loc);
    if (isUnknownTri(c)) return 'unknown';
    return c;
  }

  private shift(pos: Pos): Pos {
    return { line: pos.line + this.lineOffset, column: pos.column + this.columnOffset };
  }
}

/** The same value, located where it is used (a parameter's value at the Ref that reads it). */
export function relocate(v: Val, loc: Loc): Val {
  switch (v.k) {
    case 'scalar': return { ...v, loc };
    case 'unknown': return { ...v, loc };
    case 'list': return { ...v, items: v.items.map((i) => relocate(i, loc)), loc };
    case 'map': return { ...v, loc };
  }
}
