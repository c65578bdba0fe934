// R2: with enableDnsSupport off the VPC resolver does not answer; turn it (and DNS hostnames) on.
import type { Model } from '../../model/index.js';
import { client, fromTemplate, replaceElement } from '../model-edit.js';
import { replaceAt } from '../template-text.js';
import type { Candidate, FixContext, Patch, Remedy } from '../types.js';

export const vpcDnsSupport: Remedy = {
  id: 'vpc-dns-support',
  title: 'Turn DNS support on in the VPC',
  rule: 'R2',
  causes: ['vpc-dns-disabled'],
  propose(ctx: FixContext): Candidate[] {
    const vpc = client(ctx)?.vpc;
    if (!vpc) return [];
    const edit = fromTemplate(vpc) ? replaceAt(ctx.texts, vpc.dnsSupportOrigin, /EnableDnsSupport:\s*(false|'false'|"false")/, 'EnableDnsSupport: true') : undefined;
    const patch: Patch = edit ? { edits: [edit], commands: [] }
      : { edits: [], commands: [`aws ec2 modify-vpc-attribute --vpc-id ${vpc.id} --enable-dns-support "{\\"Value\\":true}"`] };
    return [{
      id: `vpc-dns-support:${vpc.name ?? vpc.id}`,
      title: `Turn EnableDnsSupport on in ${vpc.name ?? vpc.id}`,
      description: `Set EnableDnsSupport to true on ${vpc.name ?? vpc.id}: the Amazon-provided resolver then answers (R1, R2).`,
      apply: (model: Model) => replaceElement(model, 'vpcs', vpc.id, (v) => ({ ...v, enableDnsSupport: true })),
      patch,
      assumes: ['nothing relies on the VPC having no resolver (a custom DNS server set by DHCP options is unaffected)'],
    }];
  },
};
