// A template's sections and resource declarations, checked for shape.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html
import { child, scalarText, type MapNode, type Node, type Pos } from './node.js';

export interface ResourceDecl {
  readonly logicalId: string;
  readonly type: string;
  readonly keyPos: Pos;
  readonly path: string;
  /** The Properties map (SAM Globals already merged in), if any. */
  props?: MapNode;
  readonly propsPos?: Pos;
  readonly condition?: string;
  /** Declared by SAM, not by the template (the implicit `ServerlessRestApi`). */
  readonly implicit?: boolean;
}

export interface TemplateSections {
  readonly parameters?: MapNode;
  readonly mappings?: MapNode;
  readonly conditions?: MapNode;
  readonly outputs?: MapNode;
  readonly globals?: MapNode;
  readonly transforms: string[];
  readonly resources: Map<string, ResourceDecl>;
}

const SECTIONS = new Set([
  'AWSTemplateFormatVersion', 'Description', 'Metadata', 'Parameters', 'Rules', 'Mappings', 'Conditions', 'Transform',
  'Resources', 'Outputs', 'Globals', 'Hooks',
]);

/** Input problems; `level: 'warning'` marks what is a note rather than an error. */
type Report = (code: string, message: string, pos: Pos | undefined, path?: string, level?: 'warning') => void;

function mapSection(root: MapNode, name: string, report: Report): MapNode | undefined {
  const e = root.entries.find((x) => x.key === name);
  if (!e || (e.value.t === 'scalar' && e.value.value === null)) return undefined;
  if (e.value.t !== 'map') {
    report('bad-section', `${name} must be a map`, e.keyPos, name);
    return undefined;
  }
  return e.value;
}

export function readSections(root: Node | undefined, report: Report): TemplateSections {
  const resources = new Map<string, ResourceDecl>();
  if (root?.t !== 'map') {
    report('not-a-template', 'the template must be a map with a Resources section', root?.pos);
    return { transforms: [], resources };
  }
  for (const e of root.entries) {
    if (!SECTIONS.has(e.key)) report('unknown-section', `${e.key} is not a template section`, e.keyPos, e.key);
  }
  const resourcesNode = mapSection(root, 'Resources', report);
  if (!resourcesNode) report('missing-resources', 'the template has no Resources section', root.pos);
  for (const { key, keyPos, value } of resourcesNode?.entries ?? []) {
    if (key.startsWith('Fn::ForEach::')) {
      report('unsupported-foreach', `${key} (AWS::LanguageExtensions) is not expanded: the resources it makes are not in the model`, keyPos, value.path, 'warning');
      continue;
    }
    if (!/^[A-Za-z0-9]+$/.test(key)) report('bad-logical-id', `logical id "${key}" must be alphanumeric`, keyPos, value.path);
    if (value.t !== 'map') {
      report('bad-resource', `resource ${key} must be a map with a Type`, keyPos, value.path);
      continue;
    }
    const type = scalarText(child(value, 'Type'));
    if (!type) {
      report('missing-type', `resource ${key} has no Type`, keyPos, value.path);
      continue;
    }
    const propsEntry = value.entries.find((x) => x.key === 'Properties');
    let props: MapNode | undefined;
    if (propsEntry && propsEntry.value.t === 'map') props = propsEntry.value;
    else if (propsEntry && !(propsEntry.value.t === 'scalar' && propsEntry.value.value === null)) {
      report('bad-properties', `Properties of ${key} must be a map`, propsEntry.keyPos, propsEntry.value.path);
    }
    const conditionNode = child(value, 'Condition');
    const condition = scalarText(conditionNode);
    if (conditionNode && !condition) report('bad-condition', `Condition of ${key} must be a condition name`, conditionNode.pos);
    resources.set(key, {
      logicalId: key, type, keyPos, path: value.path,
      ...(props ? { props } : {}),
      ...(propsEntry ? { propsPos: propsEntry.keyPos } : {}),
      ...(condition ? { condition } : {}),
    });
  }
  const transformNode = child(root, 'Transform');
  const transforms: string[] = [];
  const addTransform = (n: Node): void => {
    const name = scalarText(n) ?? scalarText(child(n, 'Name'));
    if (name) transforms.push(name);
  };
  if (transformNode?.t === 'seq') transformNode.items.forEach(addTransform);
  else if (transformNode) addTransform(transformNode);
  const sections: TemplateSections = {
    transforms, resources,
    ...optional('parameters', mapSection(root, 'Parameters', report)),
    ...optional('mappings', mapSection(root, 'Mappings', report)),
    ...optional('conditions', mapSection(root, 'Conditions', report)),
    ...optional('outputs', mapSection(root, 'Outputs', report)),
    ...optional('globals', mapSection(root, 'Globals', report)),
  };
  return sections;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
