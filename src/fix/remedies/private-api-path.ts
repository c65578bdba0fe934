// Shared by the remedies for a PRIVATE API called outside an execute-api endpoint: the API the request names,
// the VPC DNS attributes private DNS needs (R2), and the stand-in public API whose default URL private DNS
// captures (R4, R12) when the input holds none.
import { isKnown, type Api, type Model, type Vpc } from '../../model/index.js';
import { parseHost } from '../../sim/api-gateway/hosts.js';
import { addElements, fromTemplate, madeUp, replaceElement } from '../model-edit.js';
import { get } from '../requests.js';
import type { FixContext, Probe, TextEdit } from '../types.js';
import { setProperty } from './yaml-text.js';

/** The PRIVATE REST API the request names by its default host or its {api-id}-{vpce-id} alias (R24). */
export function privateApiCalled(ctx: FixContext): Api | undefined {
  if (ctx.request.kind !== 'http') return undefined;
  const name = parseHost(ctx.request.headers.host ?? ctx.request.url.hostname);
  if (name.kind !== 'default' && name.kind !== 'vpce-alias') return undefined;
  return ctx.model.apis.find((a) => a.id.toLowerCase() === name.apiId && a.region === name.region && a.kind === 'REST' && a.endpointType === 'PRIVATE');
}

export interface DnsAttributes {
  /** The attributes to turn on (R2), in words: `EnableDnsHostnames`. */
  readonly off: string[];
  apply(model: Model): Model;
  readonly edits: TextEdit[];
  readonly commands: string[];
  /** Why no edit could be written for an attribute of a template VPC. */
  readonly note?: string;
}

/** R2: private DNS (and any private zone) applies only with both enableDnsSupport and enableDnsHostnames on. */
export function dnsAttributes(ctx: FixContext, vpc: Vpc): DnsAttributes {
  const attrs = [
    { key: 'EnableDnsSupport', on: vpc.enableDnsSupport === true, origin: vpc.dnsSupportOrigin, cli: 'enable-dns-support', field: 'enableDnsSupport' as const },
    { key: 'EnableDnsHostnames', on: vpc.enableDnsHostnames === true, origin: vpc.dnsHostnamesOrigin, cli: 'enable-dns-hostnames', field: 'enableDnsHostnames' as const },
  ].filter((a) => !a.on);
  const edits: TextEdit[] = [];
  const commands: string[] = [];
  let note: string | undefined;
  for (const a of attrs) {
    if (!fromTemplate(vpc)) {
      commands.push(`aws ec2 modify-vpc-attribute --vpc-id ${vpc.id} --${a.cli} '{"Value":true}'`);
      continue;
    }
    const edit = setProperty(ctx.texts, a.origin, a.key, 'true');
    if (edit) edits.push(edit);
    else note = `set ${a.key}: true on ${vpc.name ?? vpc.id}`;
  }
  // Two inserts after the same Properties line: keep the template's order (support, then hostnames).
  const merged = mergeInserts(edits);
  return {
    off: attrs.map((a) => a.key),
    apply: (model) => replaceElement(model, 'vpcs', vpc.id, (v) => ({ ...v, enableDnsSupport: true, enableDnsHostnames: true })),
    edits: merged, commands, ...(note ? { note } : {}),
  };
}

/** Inserts after the same line become one insert, in order. */
export function mergeInserts(edits: readonly TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const e of edits) {
    const prev = out.find((o) => o.kind === 'insert' && e.kind === 'insert' && o.file === e.file && o.afterLine === e.afterLine);
    if (prev && prev.kind === 'insert' && e.kind === 'insert') out[out.indexOf(prev)] = { ...prev, lines: [...prev.lines, ...e.lines] };
    else out.push(e);
  }
  return out;
}

/**
 * With private DNS on, every public API's default URL in the Region resolves to the endpoint from this VPC and is
 * refused (R4, R12). When the input holds no public API there, a stand-in one shows that call.
 */
export function publicApiProbe(ctx: FixContext, region: string): Probe[] {
  const hasPublic = ctx.model.apis.some((a) => a.region === region && a.kind !== 'WEBSOCKET' && isKnown(a.endpointType) && a.endpointType !== 'PRIVATE');
  if (hasPublic) return [];
  const id = madeUp(`stand-in public API in ${region}`, 10);
  const spec = get(`https://${id}.execute-api.${region}.amazonaws.com/prod/`);
  if (!spec) return [];
  const standIn: Api = {
    id, name: 'any public API', kind: 'REST', region, account: ctx.account, endpointType: 'REGIONAL',
    vpcEndpointIds: [], disableExecuteApiEndpoint: false, stages: [{ name: 'prod' }], resources: [{ path: '/', methods: ['GET'] }],
  };
  return [{
    why: `the input holds no public API in ${region}; with private DNS on, *.execute-api.${region}.amazonaws.com resolves to the ` +
      'endpoint from this VPC, so the stand-in is any public (REGIONAL or EDGE) API called by its default URL (R4, R12)',
    add: (model: Model) => addElements(model, { apis: [standIn] }),
    from: ctx.from, spec,
    shown: `GET https://{public-api-id}.execute-api.${region}.amazonaws.com/{stage}/`,
  }];
}
