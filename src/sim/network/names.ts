// How the trace names what a hop is at: an ENI by the instance, endpoint or function that owns it.
import { displayName, type ModelIndex, type NetworkInterface } from '../../model/index.js';

/** `AppInstance` for an instance's ENI, `ApiEndpoint` for an endpoint's: the thing a person declared. */
export function interfaceName(index: ModelIndex, eni: NetworkInterface): string {
  if (eni.name) return eni.name;
  const owner = eni.owner;
  switch (owner.kind) {
    case 'instance': {
      const instance = index.instances.get(owner.id);
      return instance ? displayName(instance) : eni.id;
    }
    case 'vpc-endpoint': {
      const endpoint = index.vpcEndpoints.get(owner.id);
      return endpoint ? displayName(endpoint) : eni.id;
    }
    case 'lambda': {
      const fn = index.lambdaFunctions.get(owner.id) ?? index.lambdaFunctionByFunctionName(owner.id);
      return fn ? displayName(fn) : eni.id;
    }
    case 'nat-gateway': {
      const nat = index.natGateway(owner.id);
      return nat ? displayName(nat) : eni.id;
    }
    default:
      return eni.id;
  }
}

