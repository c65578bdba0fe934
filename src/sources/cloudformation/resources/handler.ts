// The contract of a resource type handler: build model elements, answer Ref and Fn::GetAtt.
import type { Unknown } from '../../../model/index.js';
import type { ResourceContext } from '../resource-context.js';

/** An unknown attribute value; `key` names the placeholder an id field gets from it. */
export interface AttrUnknown extends Unknown {
  readonly key?: string;
}

export type AttrValue = string | string[] | AttrUnknown;

export interface Built {
  /** What `Ref` returns for this resource type, as CloudFormation documents it. */
  readonly ref: AttrValue;
  /** What `Fn::GetAtt` returns, by attribute name; undefined: not known to the tool. */
  readonly attributes?: Readonly<Record<string, AttrValue | undefined>>;
}

export interface ResourceHandler {
  readonly type: string;
  /** The attribute names Fn::GetAtt accepts for the type; any other is an input error. */
  readonly attributes: readonly string[];
  build(ctx: ResourceContext): Built;
}

export function attrUnknown(reason: string, key?: string): AttrUnknown {
  return key ? { kind: 'unknown', reason, key } : { kind: 'unknown', reason };
}
