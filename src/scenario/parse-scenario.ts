// Parses a scenario file strictly: unknown keys and wrong values are problems with file, line and column.
import { isMap, isScalar, type Node } from 'yaml';
import type { InputProblem } from '../sources/input-problem.js';
import type { ParameterSpec } from '../sources/parameter-spec.js';
import { parseFacts } from './parse-facts.js';
import {
  CAUSES, COMPONENTS, DNS_SOURCES, RESULTS, type Check, type Expectation, type ModelItem, type Scenario,
} from './scenario.js';
import { YamlReader } from './yaml-reader.js';

const TOP_KEYS = ['title', 'sources', 'region', 'account', 'parameters', 'template', 'model', 'facts', 'checks'] as const;
const CHECK_KEYS = ['name', 'from', 'request', 'headers', 'expect'] as const;
const EXPECT_KEYS = ['reached', 'result', 'status', 'error_type', 'dns', 'via', 'not_via', 'cause'] as const;
const MODEL_ITEM_KEYS = ['path', 'stack', 'region', 'account', 'parameters'] as const;

export function parseScenario(file: string, text: string): { scenario?: Scenario; problems: InputProblem[] } {
  const r = new YamlReader(file, text);
  if (r.problems.length) return { problems: r.problems };
  const top = r.mapping(r.root, 'the scenario', TOP_KEYS);
  if (!top) return { problems: r.problems };
  const value = (key: string): Node | undefined => top.get(key)?.value ?? undefined;

  const title = value('title') ? r.string(value('title'), 'title') : undefined;
  if (!top.has('title')) r.problem(r.root, 'missing-key', "the scenario needs a 'title'");
  const templateNode = value('template');
  let template: Scenario['template'];
  if (templateNode) {
    const text = r.string(templateNode, 'template');
    if (text !== undefined) template = { text, ...r.blockOffsets(templateNode) };
  }
  const model = value('model') ? r.sequence(value('model'), 'model').flatMap((n) => modelItem(r, n) ?? []) : [];
  if (!template && model.length === 0) {
    r.problem(r.root, 'missing-key', "the scenario needs a 'template' or a 'model' list");
  }
  const checksNode = value('checks');
  const checks = checksNode ? r.sequence(checksNode, 'checks').flatMap((n) => check(r, n) ?? []) : [];
  if (!checksNode) r.problem(r.root, 'missing-key', "the scenario needs 'checks'");

  const scenario: Scenario = {
    file,
    title: title ?? '',
    sources: value('sources') ? r.stringList(value('sources'), 'sources') : [],
    region: (value('region') && r.string(value('region'), 'region')) || 'us-east-1',
    account: (value('account') && r.string(value('account'), 'account')) || '111111111111',
    parameters: value('parameters') ? parameters(r, value('parameters')!) : {},
    ...(template ? { template } : {}),
    model,
    facts: parseFacts(r, value('facts')),
    checks,
  };
  return r.problems.length ? { problems: r.problems } : { scenario, problems: [] };
}

function parameters(r: YamlReader, node: Node): Record<string, ParameterSpec> {
  const out: Record<string, ParameterSpec> = {};
  if (!isMap(node)) {
    r.problem(node, 'wrong-type', 'parameters must be a mapping of Name: value');
    return out;
  }
  for (const pair of node.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    const v = pair.value as Node | null;
    if (isMap(v)) {
      const m = r.mapping(v, `parameter ${name}`, ['output']);
      const output = m?.get('output')?.value;
      if (output) {
        const s = r.string(output, `parameter ${name} output`);
        if (s) out[name] = { output: s };
      }
    } else {
      const s = r.string(v, `parameter ${name}`);
      if (s !== undefined) out[name] = s;
    }
  }
  return out;
}

function modelItem(r: YamlReader, node: Node): ModelItem | undefined {
  const position = r.position(node);
  if (isScalar(node)) {
    const path = r.string(node, 'a model item');
    return path ? { path, parameters: {}, position } : undefined;
  }
  const m = r.mapping(node, 'a model item', MODEL_ITEM_KEYS);
  if (!m) return undefined;
  const get = (k: string) => m.get(k)?.value ?? undefined;
  const path = get('path') ? r.string(get('path'), 'model item path') : undefined;
  if (!path) {
    if (!get('path')) r.problem(node, 'missing-key', "a model item needs a 'path'");
    return undefined;
  }
  const opt = (k: string) => (get(k) ? r.string(get(k), `model item ${k}`) : undefined);
  const stack = opt('stack');
  const region = opt('region');
  const account = opt('account');
  return {
    path,
    ...(stack ? { stack } : {}),
    ...(region ? { region } : {}),
    ...(account ? { account } : {}),
    parameters: get('parameters') ? parameters(r, get('parameters')!) : {},
    position,
  };
}

function check(r: YamlReader, node: Node): Check | undefined {
  const m = r.mapping(node, 'a check', CHECK_KEYS);
  if (!m) return undefined;
  for (const k of ['name', 'from', 'request', 'expect']) {
    if (!m.has(k)) r.problem(node, 'missing-key', `a check needs '${k}'`);
  }
  const get = (k: string) => m.get(k)?.value ?? undefined;
  const name = get('name') ? r.string(get('name'), 'check name') : undefined;
  const from = get('from') ? r.string(get('from'), 'from') : undefined;
  const request = get('request') ? r.string(get('request'), 'request') : undefined;
  const headers: Record<string, string> = {};
  const headersNode = get('headers');
  if (headersNode && isMap(headersNode)) {
    for (const pair of headersNode.items) {
      const v = r.string(pair.value as Node, `header ${String((pair.key as { value?: unknown })?.value)}`);
      if (v !== undefined && isScalar(pair.key)) headers[String(pair.key.value)] = v;
    }
  } else if (headersNode) r.problem(headersNode, 'wrong-type', 'headers must be a mapping of Name: value');
  const expect = get('expect') ? expectation(r, get('expect')!) : undefined;
  if (!name || !from || !request || !expect) return undefined;
  return {
    name, from, request, headers, expect,
    fromPosition: r.position(get('from')), requestPosition: r.position(get('request')), position: r.position(node),
  };
}

function expectation(r: YamlReader, node: Node): Expectation | undefined {
  const m = r.mapping(node, 'expect', EXPECT_KEYS);
  if (!m) return undefined;
  const get = (k: string) => m.get(k)?.value ?? undefined;
  if (!m.has('reached')) {
    r.problem(node, 'missing-key', "expect needs 'reached'");
    return undefined;
  }
  const reached = r.boolean(get('reached'), 'expect.reached');
  if (reached === undefined) return undefined;
  const components = (k: string) =>
    r.sequence(get(k), `expect.${k}`).flatMap((n) => r.oneOf(n, `a component in expect.${k}`, COMPONENTS) ?? []);
  const result = get('result') ? r.oneOf(get('result')!, 'expect.result', RESULTS) : undefined;
  const status = get('status') ? r.number(get('status'), 'expect.status') : undefined;
  const errorType = get('error_type') ? r.string(get('error_type'), 'expect.error_type') : undefined;
  const dns = get('dns') ? r.oneOf(get('dns')!, 'expect.dns', DNS_SOURCES) : undefined;
  const cause = get('cause') ? r.oneOf(get('cause')!, 'expect.cause', CAUSES) : undefined;
  return {
    reached,
    ...(result ? { result } : {}),
    ...(status !== undefined ? { status } : {}),
    ...(errorType ? { errorType } : {}),
    ...(dns ? { dns } : {}),
    ...(get('via') ? { via: components('via') } : {}),
    ...(get('not_via') ? { notVia: components('not_via') } : {}),
    ...(cause ? { cause } : {}),
  };
}
