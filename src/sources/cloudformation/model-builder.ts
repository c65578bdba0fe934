// The model under construction across all stacks: elements indexed by id, and what stacks share (exports, SSM).
import { emptyModel, type Model, type Note, type Origin, type UnresolvedReference } from '../../model/index.js';
import { AddressPlan } from './addresses.js';
import type { Val } from './val.js';

export type Mut<T> = { -readonly [K in keyof T]: T[K] };

/** Model arrays whose items are elements with an id. */
export type ElementKey =
  | 'vpcs' | 'subnets' | 'routeTables' | 'internetGateways' | 'natGateways' | 'securityGroups' | 'networkAcls'
  | 'networkInterfaces' | 'instances' | 'lambdaFunctions' | 'vpcEndpoints' | 'peeringConnections' | 'transitGateways'
  | 'prefixLists' | 'dhcpOptions' | 'hostedZones' | 'resolverRules' | 'resolverEndpoints' | 'apis' | 'domainNames'
  | 'domainNameAccessAssociations';

export type ElementOf<K extends ElementKey> = Model[K] extends readonly (infer E)[] ? E : never;

export interface ElasticIp {
  readonly allocationId: string;
  readonly publicIp: string | { reason: string };
}

export class ModelBuilder {
  readonly model: Model = emptyModel();
  readonly addresses: AddressPlan;
  /** Export name -> value and the stack that exports it. */
  readonly exports = new Map<string, { value: Val; stack: string }>();
  /** AWS::SSM::Parameter resources by Name, for `AWS::SSM::Parameter::Value<...>` parameters. */
  readonly ssmParameters = new Map<string, Val>();
  /** Elastic IPs by allocation id. */
  readonly elasticIps = new Map<string, ElasticIp>();
  /** REST API resource id -> full path, per API id (Resource ParentId chains). */
  readonly restResourcePaths = new Map<string, Map<string, string>>();
  /** Where a subnet's MapPublicIpOnLaunch is decided (or would be written), by subnet id. */
  readonly mapPublicIpOrigins = new Map<string, Origin>();
  private readonly index = new Map<ElementKey, Map<string, unknown>>();
  private readonly unresolvedSeen = new Set<string>();

  constructor() {
    this.addresses = new AddressPlan((subnetId) => {
      const subnet = this.get('subnets', subnetId);
      if (!subnet) return undefined;
      return typeof subnet.cidrBlock === 'string' ? subnet.cidrBlock : { reason: subnet.cidrBlock.reason };
    });
  }

  add<K extends ElementKey>(key: K, element: Mut<ElementOf<K>>): Mut<ElementOf<K>> {
    (this.model[key] as unknown[]).push(element);
    this.indexOf(key).set((element as unknown as { id: string }).id, element);
    return element;
  }

  get<K extends ElementKey>(key: K, id: string | undefined): Mut<ElementOf<K>> | undefined {
    return id === undefined ? undefined : (this.indexOf(key).get(id) as Mut<ElementOf<K>> | undefined);
  }

  note(note: Note): void {
    this.model.notes.push(note);
  }

  /** Records a placeholder id once; the simulation turns it into a missing fact with this reason. */
  unresolved(placeholder: string, reason: string, origin?: Origin): void {
    if (this.unresolvedSeen.has(placeholder)) return;
    this.unresolvedSeen.add(placeholder);
    const ref: UnresolvedReference = origin ? { placeholder, reason, origin } : { placeholder, reason };
    this.model.unresolvedReferences.push(ref);
  }

  /** Path of a REST API resource, by API id and resource id. */
  restPath(apiId: string, resourceId: string): string | undefined {
    return this.restResourcePaths.get(apiId)?.get(resourceId);
  }

  setRestPath(apiId: string, resourceId: string, path: string): void {
    let paths = this.restResourcePaths.get(apiId);
    if (!paths) this.restResourcePaths.set(apiId, (paths = new Map()));
    paths.set(resourceId, path);
  }

  private indexOf(key: ElementKey): Map<string, unknown> {
    let map = this.index.get(key);
    if (!map) this.index.set(key, (map = new Map()));
    return map;
  }
}
