// SAM Globals: properties shared by every serverless resource of a kind, merged as SAM merges them (maps merge
// recursively, lists add up, anything else is overridden by the resource; an intrinsic function is not merged).
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-template-anatomy-globals.html
import { isIntrinsic, type MapNode, type Node } from '../node.js';

/** Globals section -> resource types it applies to. */
export const GLOBAL_SECTIONS: Readonly<Record<string, string>> = {
  Function: 'AWS::Serverless::Function',
  Api: 'AWS::Serverless::Api',
  HttpApi: 'AWS::Serverless::HttpApi',
  SimpleTable: 'AWS::Serverless::SimpleTable',
  StateMachine: 'AWS::Serverless::StateMachine',
  LayerVersion: 'AWS::Serverless::LayerVersion',
};

export function mergeGlobals(global: Node, local: Node | undefined): Node {
  if (local === undefined) return global;
  const intrinsic = (n: Node): boolean => isIntrinsic(n);
  if (intrinsic(global) || intrinsic(local)) return local;
  if (global.t === 'map' && local.t === 'map') {
    const entries = [...local.entries];
    for (const g of global.entries) {
      const i = entries.findIndex((e) => e.key === g.key);
      if (i < 0) entries.unshift(g);
      else entries[i] = { ...entries[i]!, value: mergeGlobals(g.value, entries[i]!.value) };
    }
    return { ...local, entries } satisfies MapNode;
  }
  if (global.t === 'seq' && local.t === 'seq') return { ...local, items: [...global.items, ...local.items] };
  return local;
}
