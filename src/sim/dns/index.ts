// The DNS stage of the simulation: Route 53 Resolver semantics as seen from an ENI in a VPC (R1-R9, R11, R27, R29, R30, R34).
import { resolveName } from './resolve-name.js';

export { resolveName };
export { vpcPlusTwo } from './resolver-choice.js';

/** The stage as a plain object (architecture.md "Units"). */
export const dnsStage = {
  id: 'dns',
  description: 'Resolve the URL host as the VPC resolver (or the DHCP options\' DNS server) would',
  rules: ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R11', 'R27', 'R29', 'R30', 'R34'],
  run: resolveName,
} as const;
