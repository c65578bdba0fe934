// SAM before evaluation: Globals merged into each serverless resource, and the implicit APIs SAM creates for
// function events that name no API (`ServerlessRestApi` with stage Prod, `ServerlessHttpApi` with `$default`).
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-api.html
import { child, scalarText, type Entry, type MapNode, type Node, type Pos } from '../node.js';
import type { ResourceDecl, TemplateSections } from '../stack-template.js';
import { GLOBAL_SECTIONS, mergeGlobals } from './globals.js';

type Report = (code: string, message: string, pos: Pos | undefined) => void;

export const IMPLICIT_REST_API = 'ServerlessRestApi';
export const IMPLICIT_HTTP_API = 'ServerlessHttpApi';
/** Marks the properties of an API SAM declares itself (its definition is SAM's to manage). */
export const IMPLICIT_MARK = '__Implicit';

export function prepareSam(sections: TemplateSections, report: Report): void {
  for (const e of sections.globals?.entries ?? []) {
    const type = GLOBAL_SECTIONS[e.key];
    if (!type) {
      report('unknown-globals-section', `Globals.${e.key} is not a SAM Globals section`, e.keyPos);
      continue;
    }
    for (const decl of sections.resources.values()) {
      if (decl.type !== type) continue;
      const merged = mergeGlobals(e.value, decl.props);
      if (merged.t === 'map') decl.props = merged;
    }
  }
  let rest: Node | undefined;
  let http: Node | undefined;
  for (const decl of sections.resources.values()) {
    if (decl.type !== 'AWS::Serverless::Function') continue;
    const events = child(decl.props, 'Events');
    if (events?.t !== 'map') continue;
    for (const event of events.entries) {
      const type = scalarText(child(event.value, 'Type'));
      const props = child(event.value, 'Properties');
      if (type === 'Api' && !child(props, 'RestApiId')) rest ??= event.value;
      if (type === 'HttpApi' && !child(props, 'ApiId')) http ??= event.value;
    }
  }
  if (rest) declareImplicit(sections, IMPLICIT_REST_API, 'AWS::Serverless::Api', rest, [['StageName', 'Prod']]);
  if (http) declareImplicit(sections, IMPLICIT_HTTP_API, 'AWS::Serverless::HttpApi', http, []);
}

function declareImplicit(
  sections: TemplateSections, logicalId: string, type: string, at: Node, props: [string, string][],
): void {
  if (sections.resources.has(logicalId)) return;
  const pos = at.pos;
  const path = `Resources.${logicalId}`;
  const scalar = (key: string, value: string): Entry => ({
    key, keyPos: pos, value: { t: 'scalar', value, text: value, pos, path: `${path}.Properties.${key}` },
  });
  let map: MapNode = { t: 'map', entries: [...props.map(([k, v]) => scalar(k, v)), scalar(IMPLICIT_MARK, 'true')], pos, path: `${path}.Properties` };
  const section = type === 'AWS::Serverless::Api' ? 'Api' : 'HttpApi';
  const global = child(sections.globals, section);
  if (global) {
    const merged = mergeGlobals(global, map);
    if (merged.t === 'map') map = merged;
  }
  const decl: ResourceDecl = { logicalId, type, keyPos: pos, path, props: map, propsPos: pos, implicit: true };
  sections.resources.set(logicalId, decl);
}
