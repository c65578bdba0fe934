// R5(b), R30(a): a private zone that matches the name but holds no record for it answers NXDOMAIN with no public
// fallback. Narrow the zone to the one name it serves (a zone per private API), so other names resolve publicly.
import { isKnown, type HostedZone, type Model } from '../../model/index.js';
import { client, fromTemplate, replaceElement } from '../model-edit.js';
import { findInResource, replaceAt } from '../template-text.js';
import type { Candidate, FixContext, Patch, Remedy } from '../types.js';

const SERVING = new Set(['SOA', 'NS']);

function matchingZones(ctx: FixContext, host: string, vpcId: string): HostedZone[] {
  return ctx.model.hostedZones.filter((z) => z.private && isKnown(z.zoneName) &&
    (host === z.zoneName || host.endsWith(`.${z.zoneName}`)) && z.vpcs.some((v) => v.vpcId === vpcId));
}

export const narrowPrivateZone: Remedy = {
  id: 'narrow-private-zone',
  title: 'Narrow the private hosted zone to the names it serves',
  rule: 'R30',
  causes: ['nxdomain'],
  propose(ctx: FixContext): Candidate[] {
    const c = client(ctx);
    if (!c || ctx.request.kind !== 'http') return [];
    const host = ctx.request.url.hostname.toLowerCase();
    const out: Candidate[] = [];
    for (const zone of matchingZones(ctx, host, c.workload.networkInterface.vpcId)) {
      const records = zone.records.filter((r) => !(isKnown(r.type) && SERVING.has(r.type)));
      const names = [...new Set(records.map((r) => r.name).filter(isKnown))];
      const only = names[0];
      if (names.length !== 1 || !only || only === zone.zoneName || only.startsWith('*.')) continue;
      const record = records[0]!;
      let patch: Patch = { edits: [], commands: [], note: `recreate the zone as ${only} (a zone's name cannot be changed) and move its record to the apex` };
      if (fromTemplate(zone)) {
        const zoneLine = findInResource(ctx.texts, zone.origin, /^\s*Name:/);
        const recordLine = findInResource(ctx.texts, record.origin, /^\s*Name:/);
        const at = recordLine ? ctx.texts.locate(recordLine) : undefined;
        const value = at?.lines[at.line - 1]?.replace(/^\s*Name:\s*/, '');
        const edit = zoneLine && value ? replaceAt(ctx.texts, zoneLine, /Name:\s*.*$/, `Name: ${value}`) : undefined;
        if (edit) patch = { edits: [edit], commands: [] };
      }
      out.push({
        id: `narrow-private-zone:${zone.name ?? zone.id}`,
        title: `Narrow ${zone.name ?? zone.id} from ${zone.zoneName as string} to ${only}`,
        description: `${zone.name ?? zone.id} is named ${zone.zoneName as string}, so it answers every name below it and ` +
          `gives NXDOMAIN for ${host}, with no fallback to public DNS (R5b). Name the zone ${only}, the one name it serves ` +
          '(one private zone per private API, R30a); other names then resolve publicly. Replacing a zone recreates it.',
        apply: (model: Model) => replaceElement(model, 'hostedZones', zone.id, (z) => ({ ...z, zoneName: only })),
        patch,
        assumes: ['the zone is replaced (a hosted zone cannot be renamed); its record moves to the new zone\'s apex'],
      });
    }
    return out;
  },
};
