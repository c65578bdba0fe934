// The `facts` section (and a facts file of its own): public DNS records, APIs and domains outside the model.
import { type Node } from 'yaml';
import type { FactApi, FactDns, FactDomain, Facts } from './scenario.js';
import { YamlReader } from './yaml-reader.js';

const DNS_KEYS = ['name', 'type', 'value'] as const;
const API_KEYS = ['id', 'region', 'kind', 'endpoint', 'stages', 'policy', 'vpc_endpoint_ids', 'disable_execute_api_endpoint'] as const;
const DOMAIN_KEYS = ['name', 'endpoint', 'target', 'mappings'] as const;
const MAPPING_KEYS = ['base_path', 'api', 'stage'] as const;

export function parseFacts(r: YamlReader, node: Node | undefined): Facts {
  const facts: Facts = { dns: [], apis: [], domains: [] };
  if (!node) return facts;
  const m = r.mapping(node, 'facts', ['dns', 'apis', 'domains']);
  if (!m) return facts;
  const list = (k: string) => (m.get(k)?.value ? r.sequence(m.get(k)!.value, `facts.${k}`) : []);
  for (const n of list('dns')) {
    const d = dnsFact(r, n);
    if (d) facts.dns.push(d);
  }
  for (const n of list('apis')) {
    const a = apiFact(r, n);
    if (a) facts.apis.push(a);
  }
  for (const n of list('domains')) {
    const d = domainFact(r, n);
    if (d) facts.domains.push(d);
  }
  return facts;
}

function required(r: YamlReader, node: Node, m: Map<string, { value: Node | null }>, key: string, what: string): string | undefined {
  const v = m.get(key)?.value;
  if (!v) {
    r.problem(node, 'missing-key', `${what} needs '${key}'`);
    return undefined;
  }
  return r.string(v, `${what}.${key}`);
}

/** AWS spells these in upper case; accept any case, default when absent. */
function enumValue<T extends string>(r: YamlReader, node: Node | null | undefined, what: string, allowed: readonly T[], fallback: T): T {
  return node ? (r.oneOf(node, what, allowed, (s) => s.toUpperCase()) ?? fallback) : fallback;
}

function dnsFact(r: YamlReader, node: Node): FactDns | undefined {
  const m = r.mapping(node, 'a facts.dns record', DNS_KEYS);
  if (!m) return undefined;
  const name = required(r, node, m, 'name', 'a facts.dns record');
  const value = required(r, node, m, 'value', 'a facts.dns record');
  const type = enumValue(r, m.get('type')?.value, 'facts.dns type', ['A', 'AAAA', 'CNAME', 'ALIAS'] as const, 'A');
  if (!m.has('type')) r.problem(node, 'missing-key', "a facts.dns record needs 'type'");
  return name && value ? { name, type, value, position: r.position(node) } : undefined;
}

function apiFact(r: YamlReader, node: Node): FactApi | undefined {
  const m = r.mapping(node, 'a facts.apis entry', API_KEYS);
  if (!m) return undefined;
  const id = required(r, node, m, 'id', 'a facts.apis entry');
  const region = required(r, node, m, 'region', 'a facts.apis entry');
  const endpointNode = m.get('endpoint')?.value;
  if (!endpointNode) r.problem(node, 'missing-key', "a facts.apis entry needs 'endpoint'");
  const endpoint = enumValue(r, endpointNode, 'facts.apis endpoint', ['EDGE', 'REGIONAL', 'PRIVATE'] as const, 'REGIONAL');
  const kind = enumValue(r, m.get('kind')?.value, 'facts.apis kind', ['REST', 'HTTP', 'WEBSOCKET'] as const, 'REST');
  const stagesNode = m.get('stages')?.value;
  const policyNode = m.get('policy')?.value;
  const vpceNode = m.get('vpc_endpoint_ids')?.value;
  const disableNode = m.get('disable_execute_api_endpoint')?.value;
  if (!id || !region) return undefined;
  return {
    id, region, kind, endpoint,
    ...(stagesNode ? { stages: r.stringList(stagesNode, 'facts.apis stages') } : {}),
    ...(policyNode ? { policy: r.plain(policyNode) } : {}),
    vpcEndpointIds: vpceNode ? r.stringList(vpceNode, 'facts.apis vpc_endpoint_ids') : [],
    disableExecuteApiEndpoint: disableNode ? (r.boolean(disableNode, 'disable_execute_api_endpoint') ?? false) : false,
    position: r.position(node),
  };
}

function domainFact(r: YamlReader, node: Node): FactDomain | undefined {
  const m = r.mapping(node, 'a facts.domains entry', DOMAIN_KEYS);
  if (!m) return undefined;
  const name = required(r, node, m, 'name', 'a facts.domains entry');
  const target = required(r, node, m, 'target', 'a facts.domains entry');
  const endpoint = enumValue(r, m.get('endpoint')?.value, 'facts.domains endpoint', ['EDGE', 'REGIONAL'] as const, 'REGIONAL');
  const mappings: FactDomain['mappings'] = [];
  const mappingsNode = m.get('mappings')?.value;
  for (const mn of mappingsNode ? r.sequence(mappingsNode, 'facts.domains mappings') : []) {
    const mm = r.mapping(mn, 'a mapping', MAPPING_KEYS);
    if (!mm) continue;
    const api = required(r, mn, mm, 'api', 'a mapping');
    const basePath = mm.get('base_path')?.value ? r.string(mm.get('base_path')!.value, 'base_path') : '';
    const stage = mm.get('stage')?.value ? r.string(mm.get('stage')!.value, 'stage') : undefined;
    if (api) mappings.push({ basePath: normaliseBasePath(basePath ?? ''), api, ...(stage ? { stage } : {}) });
  }
  return name && target ? { name: name.toLowerCase(), endpoint, target, mappings, position: r.position(node) } : undefined;
}

/** `(none)`, `/` and `''` all mean the root mapping. */
export function normaliseBasePath(basePath: string): string {
  const trimmed = basePath.replace(/^\/+|\/+$/g, '');
  return trimmed === '(none)' ? '' : trimmed;
}

/** A facts file of its own (`--facts FILE`): the same keys as a scenario's `facts`. */
export function parseFactsFile(file: string, text: string) {
  const r = new YamlReader(file, text);
  const facts = r.problems.length ? { dns: [], apis: [], domains: [] } : parseFacts(r, r.root ?? undefined);
  return { facts, problems: r.problems };
}
