// A snapshot whose API call failed may lack elements a stage reads: such a stage cannot answer, only name the call.
import type { MissingCollection, Model } from '../model/index.js';
import type { MissingFact } from './trace.js';

/** What each stage reads, as model collections. */
export const STAGE_READS = {
  dns: ['resolverRules', 'resolverEndpoints', 'hostedZones', 'vpcEndpoints', 'dhcpOptions', 'vpcs', 'publicDns'],
  network: [
    'vpcs', 'subnets', 'routeTables', 'securityGroups', 'networkAcls', 'networkInterfaces', 'internetGateways',
    'natGateways', 'peeringConnections', 'prefixLists', 'transitGateways',
  ],
  frontDoor: ['apis', 'domainNames', 'domainNameAccessAssociations', 'vpcEndpoints'],
  /** A default execute-api name or an endpoint's own name with an API id: no custom domain is involved. */
  frontDoorByApiId: ['apis', 'vpcEndpoints'],
} as const satisfies Record<string, readonly (keyof Model)[]>;

/** `{api-id}.execute-api...`, `{api-id}-{vpce-id}.execute-api...` and `vpce-....vpce.amazonaws.com`, not `d-...`. */
const API_ID_HOST = /^(?!d-)[a-z0-9-]+\.execute-api\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$|\.vpce\.amazonaws\.com(\.cn)?$/;

/** The collections the front door reads for a request: custom domains only when a name could be one. */
export function frontDoorReads(host: string, headers: Readonly<Record<string, string>>): readonly (keyof Model)[] {
  const names = [host, headers.host].filter((n): n is string => Boolean(n)).map((n) => n.toLowerCase().replace(/:\d+$/, ''));
  return names.every((n) => API_ID_HOST.test(n)) ? STAGE_READS.frontDoorByApiId : STAGE_READS.frontDoor;
}

/** Failed reads that touch a stage, in the account and region it runs in (global ones count everywhere). */
export function missingReads(
  model: Model, reads: readonly (keyof Model)[], where: { account?: string; region?: string },
): MissingFact[] {
  const applies = (m: MissingCollection) =>
    reads.includes(m.collection) &&
    (m.region === undefined || where.region === undefined || m.region === where.region) &&
    (m.account === undefined || where.account === undefined || m.account === where.account);
  return model.missingCollections.filter(applies).map((m) => ({
    fact: `${m.collection} in ${[m.account, m.region].filter(Boolean).join('/') || 'the snapshot'}`,
    reason: `the snapshot could not read them: ${m.reason}`,
  }));
}
