// R30(b), R11: turn private DNS off on the execute-api endpoint: public default names resolve publicly again;
// private APIs are then called by their {api-id}-{vpce-id} names (or the vpce host with a Host header).
import type { Api, Model, VpcEndpoint } from '../../model/index.js';
import { get } from '../requests.js';
import { addElements, client, fromTemplate, madeUp, replaceElement } from '../model-edit.js';
import { replaceAt } from '../template-text.js';
import type { Candidate, FixContext, Patch, Probe, Remedy } from '../types.js';

const isExecuteApi = (e: VpcEndpoint): boolean =>
  typeof e.serviceName === 'string' && e.serviceName.endsWith('.execute-api') && e.type === 'Interface';

export const privateDnsOff: Remedy = {
  id: 'private-dns-off',
  title: 'Turn private DNS off on the execute-api endpoint',
  rule: 'R30',
  causes: ['public-api-via-vpc-endpoint'],
  propose(ctx: FixContext): Candidate[] {
    const c = client(ctx);
    if (!c) return [];
    const endpoints = ctx.model.vpcEndpoints.filter((e) => e.vpcId === c.workload.networkInterface.vpcId && e.privateDnsEnabled && isExecuteApi(e));
    return endpoints.map((e) => {
      const edit = fromTemplate(e) ? replaceAt(ctx.texts, e.privateDnsOrigin, /PrivateDnsEnabled:\s*(true|'true'|"true")/, 'PrivateDnsEnabled: false') : undefined;
      const patch: Patch = edit
        ? { edits: [edit], commands: [] }
        : fromTemplate(e)
          ? { edits: [], commands: [], note: `set PrivateDnsEnabled: false on ${e.name ?? e.id}` }
          : { edits: [], commands: [`aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${e.id} --no-private-dns-enabled`] };
      const privateApis = ctx.model.apis.filter((a) => a.endpointType === 'PRIVATE' && !a.fromFacts);
      const names = privateApis.map((a) => `https://${a.id}-${e.id}.execute-api.${a.region}.amazonaws.com/...`);
      return {
        id: `private-dns-off:${e.name ?? e.id}`,
        title: `Turn private DNS off on ${e.name ?? e.id}`,
        description: `Set PrivateDnsEnabled to false on ${e.name ?? e.id}: *.execute-api.${e.region}.amazonaws.com then resolves ` +
          'publicly from this VPC and the public API is reached over the internet. Private APIs must then be called by ' +
          `their {api-id}-{vpce-id} names (listing the endpoint in their VpcEndpointIds), or the vpce host with a Host header (R11, R24, R30b)` +
          (names.length ? `: ${names.join(', ')}.` : '.'),
        apply: (model: Model) => replaceElement(model, 'vpcEndpoints', e.id, (x) => ({ ...x, privateDnsEnabled: false })),
        patch,
        probes: privateApiProbe(ctx, e),
        assumes: [
          'no private API (in this model or not) is called through this endpoint by its default URL; any such call fails afterwards (R24)',
          'the caller has internet access (internet gateway with a public IP, or NAT), R32',
        ],
      };
    });
  },
};

/**
 * The endpoint's private DNS exists for private APIs (R24 i): when the input holds no private API in its Region,
 * a stand-in one (resource policy admitting this endpoint, R20) shows the call that turning it off breaks.
 */
function privateApiProbe(ctx: FixContext, endpoint: VpcEndpoint): Probe[] {
  if (ctx.model.apis.some((a) => a.endpointType === 'PRIVATE' && a.region === endpoint.region)) return [];
  const id = madeUp(`stand-in private API for ${endpoint.id}`, 10);
  const spec = get(`https://${id}.execute-api.${endpoint.region}.amazonaws.com/prod/`);
  if (!spec) return [];
  const standIn: Api = {
    id, name: 'any private API', kind: 'REST', region: endpoint.region, account: ctx.account, endpointType: 'PRIVATE',
    vpcEndpointIds: [], disableExecuteApiEndpoint: false, stages: [{ name: 'prod' }], resources: [{ path: '/', methods: ['GET'] }],
    policy: { Version: '2012-10-17', Statement: [{
      Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*',
      Condition: { StringEquals: { 'aws:SourceVpce': endpoint.id } },
    }] },
  };
  return [{
    why: `the input holds no private API; ${endpoint.name ?? endpoint.id} with private DNS exists to call private APIs by their ` +
      'default URL (R24 i), so the stand-in is any private API whose resource policy admits this endpoint',
    add: (model: Model) => addElements(model, { apis: [standIn] }),
    from: ctx.from, spec,
    shown: `GET https://{private-api-id}.execute-api.${endpoint.region}.amazonaws.com/{stage}/`,
  }];
}
