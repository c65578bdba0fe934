// The parsed template: a tree of maps, sequences and scalars, each with its position and path in the file.

/** 1-based line and column inside the template text (before any scenario offsets). */
export interface Pos {
  readonly line: number;
  readonly column: number;
}

export interface Entry {
  readonly key: string;
  readonly keyPos: Pos;
  readonly value: Node;
}

export interface MapNode {
  readonly t: 'map';
  readonly entries: Entry[];
  readonly pos: Pos;
  /** Path inside the file, e.g. `Resources.ApiEndpoint.Properties`. */
  readonly path: string;
  /** Set when the map was written as a YAML short form (`!Ref X`): the tag. */
  readonly shortForm?: string;
}

export interface SeqNode {
  readonly t: 'seq';
  readonly items: Node[];
  readonly pos: Pos;
  readonly path: string;
}

export interface ScalarNode {
  readonly t: 'scalar';
  readonly value: string | number | boolean | null;
  /** The scalar as CloudFormation reads it as a string (the source text of numbers and dates). */
  readonly text: string;
  readonly pos: Pos;
  readonly path: string;
}

export type Node = MapNode | SeqNode | ScalarNode;

export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

export function entry(map: MapNode, key: string): Entry | undefined {
  return map.entries.find((e) => e.key === key);
}

export function child(node: Node | undefined, key: string): Node | undefined {
  return node?.t === 'map' ? entry(node, key)?.value : undefined;
}

/** The string of a scalar node, else undefined. */
export function scalarText(node: Node | undefined): string | undefined {
  return node?.t === 'scalar' && node.value !== null ? node.text : undefined;
}

/** True for a map that is an intrinsic function call (`{ Ref: X }`, `{ 'Fn::Sub': ... }`). */
export function isIntrinsic(node: Node | undefined): node is MapNode {
  if (node?.t !== 'map' || node.entries.length !== 1) return false;
  const key = node.entries[0]!.key;
  return key === 'Ref' || key.startsWith('Fn::');
}
