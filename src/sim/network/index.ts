// The network stage: a packet from an ENI through security groups, ACLs, route tables and gateways (R22, R31-R33).
import { tracePacket } from './trace-packet.js';

export type { DropCause, ExitThrough, NetworkPath, PacketFlow, PathEnd } from './types.js';
export { tracePacket } from './trace-packet.js';
export { EPHEMERAL_PORT } from './protocol.js';

/** The stage as a plain object (architecture.md "Units"). */
export const networkStage = {
  id: 'network',
  description: 'Carry one packet from an ENI to an ENI in the model or out of it, as VPC networking would',
  rules: ['R22', 'R31', 'R32', 'R33'],
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/infrastructure-security.html',
  run: tracePacket,
} as const;
