// Small helpers for changed copies of the model: replace an element, made-up ids, the client's VPC and subnet.
import { createHash } from 'node:crypto';
import { isKnown, ModelIndex, type Element, type Model, type Subnet, type Vpc } from '../model/index.js';
import { findWorkload, type Workload } from '../sim/workload.js';
import type { FixContext } from './types.js';

type Collection = 'vpcs' | 'subnets' | 'securityGroups' | 'networkInterfaces' | 'vpcEndpoints' | 'apis' | 'hostedZones';
type ElementOf<K extends Collection> = Model[K] extends readonly (infer E)[] ? E : never;

/** A copy of the model with one element of a collection replaced (never mutates). */
export function replaceElement<K extends Collection>(model: Model, key: K, id: string, change: (e: ElementOf<K>) => ElementOf<K>): Model {
  const items = model[key] as readonly Element[];
  return { ...model, [key]: items.map((e) => (e.id === id ? change(e as ElementOf<K>) : e)) };
}

/** A copy of the model with elements added to collections. */
export function addElements(model: Model, additions: Partial<{ [K in keyof Model]: Model[K] }>): Model {
  const out: Record<string, unknown> = { ...model };
  for (const [key, items] of Object.entries(additions)) {
    out[key] = [...((model[key as keyof Model] as unknown[] | undefined) ?? []), ...(items as unknown[])];
  }
  return out as unknown as Model;
}

/** Stable made-up characters (a-z0-9) for names AWS would assign. */
export function madeUp(seed: string, n: number, hex = false): string {
  const digest = createHash('sha256').update(seed).digest();
  const alphabet = hex ? '0123456789abcdef' : 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...digest.subarray(0, n)].map((b) => alphabet[b % alphabet.length]).join('');
}

export interface Client {
  readonly workload: Workload;
  readonly vpc: Vpc | undefined;
  readonly subnet: Subnet | undefined;
}

export function client(ctx: FixContext): Client | undefined {
  const index = new ModelIndex(ctx.model);
  const w = findWorkload(index, ctx.from);
  if ('error' in w) return undefined;
  return { workload: w, vpc: index.vpcs.get(w.networkInterface.vpcId), subnet: index.subnets.get(w.networkInterface.subnetId) };
}

/** The client's subnet CIDR, else its address as a /32: the source a security group rule must allow (R22). */
export function clientCidr(c: Client): string | undefined {
  if (c.subnet && isKnown(c.subnet.cidrBlock)) return c.subnet.cidrBlock;
  const ip = c.workload.networkInterface.privateIps[0];
  return isKnown(ip) ? `${ip}/32` : undefined;
}

/** Whether an element came from a template (a patch can be written) rather than a snapshot (CLI commands). */
export function fromTemplate(e: Element): boolean {
  return Boolean(e.origin?.stack && e.origin.logicalId);
}

/** The resource type of a logical id in the model's stacks. */
export function resourceType(model: Model, logicalId: string | undefined, stack?: string): string | undefined {
  if (!logicalId) return undefined;
  for (const s of model.stacks) {
    if (stack && s.name !== stack) continue;
    const r = s.resources[logicalId];
    if (r) return r.type;
  }
  return undefined;
}

export function patchSize(p: { edits: { kind: string; lines?: string[] }[]; commands: string[] }): number {
  return p.edits.reduce((n, e) => n + (e.kind === 'insert' ? (e.lines?.length ?? 1) : 1), 0) + p.commands.length;
}
