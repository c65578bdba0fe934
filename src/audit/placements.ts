// Workload placements: where requests start from in an estate. Workloads on the same subnet with the same
// security groups and the same public addressing meet the same fate; one of them is traced for all.
import { displayName, isKnown, ModelIndex } from '../model/index.js';

export interface PlacedWorkload {
  readonly id: string;
  readonly name: string;
  readonly kind: 'instance' | 'lambda';
}

export interface Placement {
  /** `vpc/subnet/sg+sg/public|private/eni`: unique within the model. */
  readonly key: string;
  readonly vpcId: string;
  readonly subnetId: string;
  readonly region: string;
  readonly account: string;
  readonly securityGroupIds: string[];
  /** The primary network interface of the representative, the one traced. */
  readonly networkInterfaceId: string;
  readonly workloads: PlacedWorkload[];
}

/**
 * One placement per workload's primary network interface: workloads only share a placement when they share the
 * interface's subnet, security groups and public addressing and no rule of the VPC tells their addresses apart.
 * Lambda functions with several subnets are placed by their first (the trace starts there too).
 */
export function placementsOf(index: ModelIndex): Placement[] {
  const model = index.model;
  const byKey = new Map<string, { p: Omit<Placement, 'workloads'>; workloads: PlacedWorkload[] }>();
  const add = (kind: PlacedWorkload['kind'], element: { id: string; name?: string; networkInterfaceIds: string[] }) => {
    const eni = element.networkInterfaceIds.map((id) => index.networkInterfaces.get(id)).find((e) => e !== undefined);
    if (!eni) return;
    const vpc = index.vpcs.get(eni.vpcId);
    const sgs = [...eni.securityGroupIds].sort();
    const publicIp = eni.publicIp !== undefined ? (isKnown(eni.publicIp) ? 'public' : 'public?') : 'private';
    // Workloads are told apart by their address only where a rule could: conservatively, each interface is its own
    // placement unless it is a Lambda function's shared Hyperplane interface.
    const key = `${eni.vpcId}/${eni.subnetId}/${sgs.join('+')}/${kind === 'lambda' ? 'lambda' : publicIp}/${eni.id}`;
    let rec = byKey.get(key);
    if (!rec) {
      rec = {
        p: {
          key, vpcId: eni.vpcId, subnetId: eni.subnetId, region: vpc?.region ?? '', account: vpc?.account ?? '',
          securityGroupIds: sgs, networkInterfaceId: eni.id,
        },
        workloads: [],
      };
      byKey.set(key, rec);
    }
    rec.workloads.push({ id: element.id, name: displayName(element), kind });
  };
  for (const i of model.instances) add('instance', i);
  for (const f of model.lambdaFunctions) add('lambda', f);
  return [...byKey.values()].map((r) => ({ ...r.p, workloads: r.workloads }));
}
