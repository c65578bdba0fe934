// R30(b), R11: turn private DNS off on the execute-api endpoint: public default names resolve publicly again;
// private APIs are then called by their {api-id}-{vpce-id} names (or the vpce host with a Host header).
import type { Model, VpcEndpoint } from '../../model/index.js';
import { client, fromTemplate, replaceElement } from '../model-edit.js';
import { replaceAt } from '../template-text.js';
import type { Candidate, FixContext, Patch, Remedy } from '../types.js';

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
        assumes: [
          'no private API (in this model or not) is called through this endpoint by its default URL; any such call fails afterwards (R24)',
          'the caller has internet access (internet gateway with a public IP, or NAT), R32',
        ],
      };
    });
  },
};
