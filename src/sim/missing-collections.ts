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
} as const satisfies Record<string, readonly (keyof Model)[]>;

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
