// Query logs name VPCs by their real ids; a model built from templates has made-up ids. A logged VPC that is not
// in the model is matched to the one VPC of the model whose CIDR holds the asking addresses (in the logged Region
// and account, where the model's agree), and the match is said; with none or several, the names are not audited.
import { displayName, isKnown, type Model, type Vpc } from '../model/index.js';
import { contains } from '../sim/ip/index.js';
import type { QueriedName } from '../sources/query-logs/read-query-logs.js';

function holds(vpc: Vpc, ip: string): boolean {
  return vpc.cidrBlocks.filter(isKnown).some((c) => {
    const inside = contains(c, ip);
    return inside.ok && inside.value;
  });
}

export function matchQueriedVpcs(model: Model, queried: readonly QueriedName[]): { queried: QueriedName[]; notes: string[] } {
  const ids = new Set(model.vpcs.map((v) => v.id));
  const notes = new Map<string, string>();
  const mapped = queried.map((q) => {
    if (ids.has(q.vpcId)) return q;
    const candidates = model.vpcs.filter((v) =>
      (!q.region || v.region === q.region) && q.sources.length > 0 && q.sources.every((s) => holds(v, s)));
    const sameAccount = candidates.filter((v) => q.account && v.account === q.account);
    const pick = sameAccount.length === 1 ? sameAccount : candidates;
    if (pick.length !== 1) {
      notes.set(q.vpcId, `query logs name ${q.vpcId}, which is not in the model and whose asking addresses ` +
        `${pick.length ? `fit several VPCs (${pick.map(displayName).join(', ')})` : 'fit no VPC of the model'}: its names were not audited`);
      return q;
    }
    const vpc = pick[0]!;
    notes.set(q.vpcId, `query logs name ${q.vpcId}, not in the model; matched to ${displayName(vpc)} (${vpc.id}), whose CIDR holds the asking addresses`);
    return { ...q, vpcId: vpc.id };
  });
  return { queried: mapped, notes: [...notes.values()] };
}
