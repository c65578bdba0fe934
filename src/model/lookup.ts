// Finding model elements by id, and the few relations AWS defines implicitly (main route table, default ACL).
import type { Model, UnresolvedReference } from './model.js';
import { isPlaceholderId } from './model.js';
import type {
  Element, Instance, LambdaFunction, NetworkAcl, NetworkInterface, RouteTable, SecurityGroup, Subnet, Vpc, VpcEndpoint,
} from './network.js';
import type { Api, DomainName } from './api-gateway.js';
import { isKnown } from './unknown.js';

function byId<T extends Element>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) map.set(item.id, item);
  return map;
}

/** Maps from id to element over one model; build once per simulation. */
export class ModelIndex {
  readonly vpcs: Map<string, Vpc>;
  readonly subnets: Map<string, Subnet>;
  readonly securityGroups: Map<string, SecurityGroup>;
  readonly networkInterfaces: Map<string, NetworkInterface>;
  readonly vpcEndpoints: Map<string, VpcEndpoint>;
  readonly instances: Map<string, Instance>;
  readonly lambdaFunctions: Map<string, LambdaFunction>;
  readonly apis: Map<string, Api>;
  private readonly unresolved: Map<string, UnresolvedReference>;

  constructor(readonly model: Model) {
    this.vpcs = byId(model.vpcs);
    this.subnets = byId(model.subnets);
    this.securityGroups = byId(model.securityGroups);
    this.networkInterfaces = byId(model.networkInterfaces);
    this.vpcEndpoints = byId(model.vpcEndpoints);
    this.instances = byId(model.instances);
    this.lambdaFunctions = byId(model.lambdaFunctions);
    this.apis = byId(model.apis);
    this.unresolved = new Map(model.unresolvedReferences.map((r) => [r.placeholder, r]));
  }

  /** The reason an id could not be resolved, if it is a placeholder. */
  unresolvedReason(id: string): UnresolvedReference | undefined {
    return isPlaceholderId(id) ? (this.unresolved.get(id) ?? { placeholder: id, reason: id }) : undefined;
  }

  /** The subnet's explicitly associated route table, else its VPC's main route table. */
  routeTableOf(subnet: Subnet): RouteTable | undefined {
    const explicit = this.model.routeTables.find((rt) => rt.subnetIds.includes(subnet.id));
    return explicit ?? this.model.routeTables.find((rt) => rt.vpcId === subnet.vpcId && rt.main);
  }

  /** The subnet's explicitly associated network ACL, else its VPC's default ACL. */
  networkAclOf(subnet: Subnet): NetworkAcl | undefined {
    const explicit = this.model.networkAcls.find((acl) => acl.subnetIds.includes(subnet.id));
    return explicit ?? this.model.networkAcls.find((acl) => acl.vpcId === subnet.vpcId && acl.isDefault);
  }

  /** The network interface in this VPC that holds a private IP. */
  networkInterfaceByIp(vpcId: string, ip: string): NetworkInterface | undefined {
    return this.model.networkInterfaces.find(
      (eni) => eni.vpcId === vpcId && eni.privateIps.some((p) => isKnown(p) && p === ip),
    );
  }

  /** A custom domain name, by name (lower case). */
  domainNamesNamed(name: string): DomainName[] {
    const lower = name.toLowerCase();
    return this.model.domainNames.filter((d) => d.domainName === lower);
  }
}

/** How a person knows an element: its logical id or Name tag, else its id. */
export function displayName(element: Element): string {
  return element.name ?? element.id;
}

/** `AppInstance (i-0a1b...)`, or just the id when there is no name. */
export function nameAndId(element: Element): string {
  return element.name && element.name !== element.id ? `${element.name} (${element.id})` : element.id;
}
