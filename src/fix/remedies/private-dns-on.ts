// R3, R4, R24 (i): the caller's VPC has an execute-api interface endpoint, but the private API's default name
// resolved publicly: private DNS is off on the endpoint, or the VPC's DNS attributes keep it from applying (R2).
// Turn it on (and the attributes): the default URL then resolves to the endpoint inside this VPC. Every public
// API's default URL in the Region is captured too (R4, R12); the engine lists those calls as side effects.
import type { Model, VpcEndpoint } from '../../model/index.js';
import { client, fromTemplate, replaceElement } from '../model-edit.js';
import type { Candidate, FixContext, Patch, Remedy, TextEdit } from '../types.js';
import { isExecuteApiEndpoint, named } from './api-request.js';
import { dnsAttributes, privateApiCalled, publicApiProbe } from './private-api-path.js';
import { setProperty } from './yaml-text.js';

export const privateDnsOn: Remedy = {
  id: 'private-dns-on',
  title: 'Turn private DNS on for the execute-api endpoint',
  rule: 'R3',
  causes: ['private-api-outside-endpoint'],
  propose(ctx: FixContext): Candidate[] {
    const c = client(ctx);
    const api = privateApiCalled(ctx);
    if (!c?.vpc || !api || ctx.request.kind !== 'http') return [];
    const vpc = c.vpc;
    // R24 (i) is the default name; an {api-id}-{vpce-id} name is not what private DNS is for.
    if (!/^[a-z0-9]+\.execute-api\./.test(ctx.request.url.hostname)) return [];
    const endpoints = ctx.model.vpcEndpoints.filter((e) => e.vpcId === vpc.id && isExecuteApiEndpoint(e) && e.region === api.region);
    // AWS allows private DNS on one endpoint per service and VPC: with one already on, only the attributes can be missing.
    const on = endpoints.filter((e) => e.privateDnsEnabled);
    const candidates = on.length ? on : endpoints;
    const attrs = dnsAttributes(ctx, vpc);
    return candidates.flatMap((e) => {
      if (e.privateDnsEnabled && attrs.off.length === 0) return [];
      return [candidate(ctx, e, attrs, vpc.name ?? vpc.id, api.id)];
    });
  },
};

function candidate(ctx: FixContext, e: VpcEndpoint, attrs: ReturnType<typeof dnsAttributes>, vpcName: string, apiId: string): Candidate {
  const turnOn = !e.privateDnsEnabled;
  const edits: TextEdit[] = [];
  const commands: string[] = [];
  const notes: string[] = [];
  if (turnOn) {
    if (fromTemplate(e)) {
      const edit = setProperty(ctx.texts, e.privateDnsOrigin, 'PrivateDnsEnabled', 'true');
      if (edit) edits.push(edit);
      else notes.push(`set PrivateDnsEnabled: true on ${named(e)}`);
    } else {
      commands.push(`aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${e.id} --private-dns-enabled`);
    }
  }
  edits.push(...attrs.edits);
  commands.unshift(...attrs.commands);
  if (attrs.note) notes.push(attrs.note);
  const patch: Patch = { edits, commands, ...(notes.length ? { note: notes.join('; ') } : {}) };
  const attrWords = attrs.off.length ? `${attrs.off.join(' and ')} on ${vpcName} (private DNS applies only with both VPC DNS attributes on, R2)` : '';
  const what = turnOn ? `PrivateDnsEnabled to true on ${named(e)}${attrWords ? `, and ${attrWords}` : ''}` : attrWords;
  return {
    id: `private-dns-on:${named(e)}`,
    title: turnOn ? `Turn private DNS on for ${named(e)}` : `Turn ${attrs.off.join(' and ')} on in ${vpcName} so ${named(e)}'s private DNS applies`,
    description: `Set ${what}. Inside ${vpcName}, *.execute-api.${e.region}.amazonaws.com then resolves to ${named(e)}'s private ` +
      `addresses, so the default URL of the private API ${apiId} goes through the endpoint (R3, R4, R24). It captures every ` +
      'public API\'s default URL in the Region from this VPC as well: those calls are refused by the endpoint with 403 (R12) and ' +
      'need a custom domain (R29).',
    apply: (model: Model) => {
      const m = turnOn ? replaceElement(model, 'vpcEndpoints', e.id, (x) => ({ ...x, privateDnsEnabled: true })) : model;
      return attrs.apply(m);
    },
    patch,
    probes: publicApiProbe(ctx, e.region),
    assumes: [
      `no workload in ${vpcName} calls a public API in ${e.region} by its default execute-api URL; any such call fails afterwards (R4, R12)`,
    ],
  };
}
