// Where the request starts: an instance, a Lambda function in a VPC, or a network interface, and its primary ENI.
import { displayName, isKnown, type ModelIndex, type NetworkInterface } from '../model/index.js';

export interface Workload {
  readonly kind: 'instance' | 'lambda' | 'network-interface';
  readonly id: string;
  readonly name: string;
  readonly networkInterface: NetworkInterface;
  /** Other ENIs the workload may send from (a Lambda function's other subnets): noted in the trace. */
  readonly otherInterfaces: NetworkInterface[];
}

/** By logical id, instance id, function name or ENI id. */
export function findWorkload(index: ModelIndex, from: string): Workload | { error: string } {
  const model = index.model;
  const instance = index.instanceNamed(from);
  const lambda = index.lambdaFunctionNamed(from);
  const eni = index.networkInterfaces.get(from);
  const found = instance
    ? { kind: 'instance' as const, element: instance, eniIds: instance.networkInterfaceIds }
    : lambda
      ? { kind: 'lambda' as const, element: lambda, eniIds: lambda.networkInterfaceIds }
      : eni
        ? { kind: 'network-interface' as const, element: eni, eniIds: [eni.id] }
        : undefined;
  if (!found) {
    const candidates = [
      ...model.instances.map(displayName),
      ...model.lambdaFunctions.map(displayName),
    ];
    return {
      error: `'${from}' names no instance, Lambda function or network interface in the model` +
        (candidates.length ? ` (there are: ${candidates.join(', ')})` : ' (the model has none)'),
    };
  }
  const enis = found.eniIds.flatMap((id) => index.networkInterfaces.get(id) ?? []);
  const primary = enis[0];
  if (!primary) return { error: `'${from}' has no network interface in a VPC (a Lambda function needs VpcConfig)` };
  return {
    kind: found.kind, id: found.element.id, name: displayName(found.element), networkInterface: primary,
    otherInterfaces: enis.slice(1),
  };
}

export function primaryIp(eni: NetworkInterface): string | undefined {
  const ip = eni.privateIps[0];
  return isKnown(ip) ? ip : undefined;
}
