// Everything a resource handler needs: its properties, origins, made-up ids, the model builder.
import type { NoteLevel, Origin } from '../../model/index.js';
import type { Ec2Kind, MadeUpIds } from './made-up-ids.js';
import type { ModelBuilder } from './model-builder.js';
import { PropReader } from './prop-reader.js';
import type { StackScope } from './stack-scope.js';
import type { Loc, MapVal, Val } from './val.js';

export class ResourceContext extends PropReader {
  constructor(
    scope: StackScope,
    logicalId: string,
    readonly type: string,
    /** The resource's key in Resources. */
    readonly resourceLoc: Loc,
    props: MapVal | undefined,
    propsLoc: Loc,
  ) {
    super(scope, logicalId, props, propsLoc);
  }

  get b(): ModelBuilder {
    return this.scope.builder;
  }

  get stack(): string {
    return this.scope.stack;
  }

  get region(): string {
    return this.scope.region;
  }

  get account(): string {
    return this.scope.account;
  }

  get shared(): Map<string, unknown> {
    return this.scope.shared;
  }

  /** The resource's own origin (its logical id line). */
  get here(): Origin {
    return this.scope.origin(this.resourceLoc, this.logicalId);
  }

  ec2(kind: Ec2Kind, salt = ''): string {
    this.scope.madeUpUsed();
    return this.scope.ids.ec2(kind, this.logicalId, salt);
  }

  short(salt: string, n = 10): string {
    this.scope.madeUpUsed();
    return this.scope.ids.short(this.logicalId, salt, n);
  }

  zoneId(salt = ''): string {
    this.scope.madeUpUsed();
    return this.scope.ids.hostedZone(this.logicalId, salt);
  }

  /** The name CloudFormation generates when a Name property is absent: `stack-LogicalId-SUFFIX`. */
  generatedName(maxLength = 64): string {
    this.scope.madeUpUsed();
    const suffix = this.scope.ids.nameSuffix(this.logicalId);
    const head = `${this.stack}-${this.logicalId}`.slice(0, Math.max(1, maxLength - suffix.length - 1));
    return `${head}-${suffix}`;
  }

  get madeUp(): MadeUpIds {
    this.scope.madeUpUsed();
    return this.scope.ids;
  }

  problem(code: string, message: string, loc?: Loc): void {
    this.scope.problem(code, message, loc ?? this.resourceLoc);
  }

  note(level: NoteLevel, code: string, message: string, loc?: Loc): void {
    this.scope.note(level, code, message, loc ?? this.resourceLoc, this.logicalId);
  }

  defer(fn: () => void, phase: 0 | 1 = 0): void {
    this.scope.defer(fn, phase);
  }

  typeOf(logicalId: string): string | undefined {
    return this.scope.typeOf(logicalId);
  }

  evaluateProperty(key: string): Val | undefined {
    return this.scope.evaluateProperty(this.logicalId, key);
  }

  addGenerated(logicalId: string, type: string, ref: string): void {
    this.scope.addGenerated(logicalId, type, ref, this.resourceLoc);
  }
}
