// Builds one stack: resources in template order (dependencies first), deferred SAM work, outputs and exports.
import type { Maybe, Stack, StackResource } from '../../model/index.js';
import { evaluateValue } from './intrinsics.js';
import type { Node } from './node.js';
import { child, type MapNode } from './node.js';
import { ResourceContext } from './resource-context.js';
import { HANDLERS } from './resources/index.js';
import { toMaybeString, toVal } from './attr-values.js';
import { attrUnknown, type Built } from './resources/handler.js';
import { addSamReferences } from './sam/api-state.js';
import { StackEnv, type StackEnvOptions } from './stack-env.js';
import { readOutputs } from './stack-outputs.js';
import type { StackScope } from './stack-scope.js';
import type { ResourceDecl } from './stack-template.js';
import { str, unknownVal, type Loc, type MapVal, type Val } from './val.js';

type State =
  | { readonly status: 'busy'; readonly type: string }
  | { readonly status: 'absent'; readonly type: string }
  | { readonly status: 'done'; readonly type: string; readonly built: Built };

/** SAM `MyApi.Stage`-style references a Serverless API answers (see sam/serverless-api.ts). */
export interface SamReferable {
  samRef(property: string): string | undefined;
}

export class StackLoader extends StackEnv implements StackScope {
  readonly shared = new Map<string, unknown>();
  private readonly states = new Map<string, State>();
  private readonly deferred: [Array<() => void>, Array<() => void>] = [[], []];
  private readonly unsupported = new Map<string, string[]>();
  private readonly stackResources: Record<string, StackResource> = {};
  private readonly generated = new Map<string, string>();
  private madeUpNoted = false;

  constructor(options: StackEnvOptions) {
    super(options);
  }

  /** Builds every resource, then the deferred work, then outputs; returns the stack as Ref/GetAtt see it. */
  run(): Stack {
    for (const id of this.sections.resources.keys()) this.ensure(id);
    for (const phase of [0, 1] as const) {
      const queue = this.deferred[phase];
      while (queue.length > 0) queue.shift()!();
    }
    addSamReferences(this.shared, this.stackResources);
    for (const [type, ids] of this.unsupported) {
      const decl = this.sections.resources.get(ids[0]!);
      this.note('info', 'unsupported-resource-type', `${type} is not modelled (${ids.join(', ')}); it is ignored`,
        decl ? { pos: decl.keyPos, path: decl.path } : undefined, ids[0]);
    }
    const { outputs, exports } = readOutputs(this, this.sections.outputs);
    return {
      name: this.stack, region: this.region, account: this.account, file: this.file,
      resources: this.stackResources, outputs, exports,
    };
  }

  madeUpUsed(): void {
    if (this.madeUpNoted || this.probe) return;
    this.madeUpNoted = true;
    this.note('info', 'made-up-id', `ids and AWS-assigned names in stack ${this.stack} are made up (stable, in the form AWS gives them)`);
  }

  defer(fn: () => void, phase: 0 | 1 = 0): void {
    this.deferred[phase].push(fn);
  }

  typeOf(logicalId: string): string | undefined {
    return this.sections.resources.get(logicalId)?.type;
  }

  addGenerated(logicalId: string, type: string, ref: string, loc: Loc | undefined): void {
    if (this.sections.resources.has(logicalId) || this.generated.has(logicalId)) return;
    this.generated.set(logicalId, ref);
    this.stackResources[logicalId] = { logicalId, type, ref, attributes: {}, origin: this.origin(loc, logicalId) };
  }

  protected resourceRef(name: string, loc: Loc): Val | undefined {
    const decl = this.sections.resources.get(name);
    if (decl) {
      const state = this.stateFor(decl, loc);
      if (state.status !== 'done') return state.status === 'absent' ? this.absent(decl, loc) : this.circular(decl, loc);
      return toVal(state.built.ref, loc, `ref:${this.stack}.${name}`, { kind: 'resource', logicalId: name, type: decl.type });
    }
    const generated = this.generated.get(name);
    if (generated !== undefined) return str(generated, loc);
    // SAM: `!Ref MyApi.Stage`, `MyApi.Deployment`, `MyApi.DomainName`.
    const dot = name.indexOf('.');
    if (dot > 0) {
      const base = this.sections.resources.get(name.slice(0, dot));
      if (base?.type.startsWith('AWS::Serverless::')) {
        const value = this.samProperty(base, name.slice(dot + 1), loc);
        return value !== undefined ? str(value, loc) : unknownVal(`${name} is not known to the tool`, loc, `ref:${this.stack}.${name}`);
      }
    }
    if (this.probe) return unknownVal(`${name} is not evaluated yet`, loc);
    return undefined;
  }

  protected resourceAttribute(logicalId: string, attribute: string, loc: Loc): Val {
    const decl = this.sections.resources.get(logicalId);
    const key = `attribute:${this.stack}.${logicalId}.${attribute}`;
    if (!decl) {
      if (!this.probe) this.problem('dangling-getatt', `Fn::GetAtt ${logicalId}.${attribute}: no resource ${logicalId} in the template`, loc);
      return unknownVal(`${logicalId} does not exist`, loc, key);
    }
    // SAM resolves `MyApi.Stage` in Fn::GetAtt and Fn::Sub (`${MyApi.Stage}`) as it does in Ref.
    const sam = decl.type.startsWith('AWS::Serverless::') ? this.samProperty(decl, attribute, loc) : undefined;
    if (sam !== undefined) return str(sam, loc);
    const handler = HANDLERS.get(decl.type);
    if (handler && !handler.attributes.includes(attribute)) {
      this.problem('unknown-attribute', `Fn::GetAtt ${logicalId}.${attribute}: ${decl.type} has no attribute ${attribute} (it has ${handler.attributes.join(', ') || 'none'})`, loc);
      return unknownVal(`${decl.type} has no attribute ${attribute}`, loc, key);
    }
    const state = this.stateFor(decl, loc);
    if (state.status !== 'done') return state.status === 'absent' ? this.absent(decl, loc) : this.circular(decl, loc);
    const value = state.built.attributes?.[attribute];
    if (value === undefined) return unknownVal(`${logicalId}.${attribute} (${decl.type}) is not known to the tool`, loc, key);
    return toVal(value, loc, key);
  }

  private samProperty(decl: ResourceDecl, property: string, loc: Loc): string | undefined {
    if (this.probe) return undefined;
    this.stateFor(decl, loc);
    const api = this.shared.get(`sam-api:${decl.logicalId}`) as SamReferable | undefined;
    return api?.samRef(property);
  }

  private stateFor(decl: ResourceDecl, loc: Loc): State {
    if (this.probe) return { status: 'done', type: decl.type, built: { ref: attrUnknown(`${decl.logicalId} is not evaluated yet`) } };
    void loc;
    return this.ensure(decl.logicalId) ?? { status: 'absent', type: decl.type };
  }

  private ensure(id: string): State | undefined {
    const existing = this.states.get(id);
    if (existing) return existing;
    const decl = this.sections.resources.get(id);
    if (!decl) return undefined;
    const loc: Loc = { pos: decl.keyPos, path: decl.path };
    if (decl.condition) {
      const c = this.resourceCondition(decl.condition, loc);
      if (c === false) {
        const absent: State = { status: 'absent', type: decl.type };
        this.states.set(id, absent);
        return absent;
      }
      if (c === 'unknown') {
        this.note('warning', 'condition-unknown', `the condition ${decl.condition} of ${id} is unknown; ${id} is taken to exist`, loc, id);
      }
    }
    this.states.set(id, { status: 'busy', type: decl.type });
    const propsLoc: Loc = decl.propsPos ? { pos: decl.propsPos, path: `${decl.path}.Properties` } : loc;
    const props = decl.props ? this.evaluateProps(decl) : undefined;
    const handler = HANDLERS.get(decl.type);
    let built: Built;
    if (handler) {
      built = handler.build(new ResourceContext(this, id, decl.type, loc, props, propsLoc));
    } else {
      const ids = this.unsupported.get(decl.type) ?? [];
      ids.push(id);
      this.unsupported.set(decl.type, ids);
      built = { ref: attrUnknown(`${decl.type} ${id} is not modelled, so its physical id is unknown`, `ref:${this.stack}.${id}`) };
    }
    const state: State = { status: 'done', type: decl.type, built };
    this.states.set(id, state);
    this.stackResources[id] = {
      logicalId: id, type: decl.type, ref: toMaybeString(built.ref),
      attributes: Object.fromEntries(Object.entries(built.attributes ?? {}).filter(([, v]) => v !== undefined)) as Record<string, Maybe<string | string[]>>,
      origin: this.origin(loc, id),
    };
    return state;
  }

  /** A SAM function's Events are read later (they refer to APIs that refer back to the function). */
  private evaluateProps(decl: ResourceDecl): MapVal | undefined {
    let node: MapNode = decl.props!;
    if (decl.type === 'AWS::Serverless::Function') node = { ...node, entries: node.entries.filter((e) => e.key !== 'Events') };
    const v = evaluateValue(node, this);
    return v?.k === 'map' ? v : undefined;
  }

  evaluateProperty(logicalId: string, key: string): Val | undefined {
    const node = child(this.sections.resources.get(logicalId)?.props, key);
    return node ? evaluateValue(node, this) : undefined;
  }

  /** Evaluates a node in this stack (stack ordering probes). */
  evaluateNode(node: Node): Val | undefined {
    return evaluateValue(node, this);
  }

  private absent(decl: ResourceDecl, loc: Loc): Val {
    this.note('warning', 'reference-to-absent-resource', `${decl.logicalId} is referred to, but its condition ${decl.condition} is false, so it does not exist`, loc);
    return unknownVal(`${decl.logicalId} does not exist (condition ${decl.condition} is false)`, loc, `absent:${this.stack}.${decl.logicalId}`);
  }

  private circular(decl: ResourceDecl, loc: Loc): Val {
    this.problem('circular-dependency', `${decl.logicalId} depends on itself through Ref or Fn::GetAtt`, loc);
    return unknownVal(`${decl.logicalId} depends on itself`, loc);
  }
}
