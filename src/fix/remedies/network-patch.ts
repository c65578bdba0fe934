// Shared by the add-route and network-acl-entry remedies: the packet's destination as the trace saw it, whether it
// is a public address, the CIDR a route or ACL entry names, new logical ids, and the patch from resources/commands.
import ipaddr from 'ipaddr.js';
import { isKnown, type Element, type Maybe, type Model, type Subnet, type Vpc } from '../../model/index.js';
import { cidrContains, parseAddress, parseCidr } from '../../sim/ip/index.js';
import { addResources, findInResource, type TemplateTexts } from '../template-text.js';
import type { FixContext, Patch, TextEdit } from '../types.js';

/** The address the packet was sent to: the flow's, the URL's literal address, or the first DNS answer (as traced). */
export function destinationOf(ctx: FixContext): string | undefined {
  const r = ctx.request;
  if (r.kind === 'tcp') return r.destination;
  const host = r.url.hostname.replace(/^\[|\]$/g, '');
  if (/^[\d.]+$/.test(host) || host.includes(':')) return host;
  const o = ctx.trace.dns?.outcome;
  return o?.kind === 'addresses' ? o.addresses[0] : undefined;
}

/** Every address the name resolved to (the client may connect to any of them), else the destination alone. */
export function destinationAddresses(ctx: FixContext, destination: string): string[] {
  const o = ctx.trace.dns?.outcome;
  return o?.kind === 'addresses' && o.addresses.includes(destination) ? o.addresses : [destination];
}

/** `orders.example.com resolves to 198.51.100.10`, or the address alone. */
export function destinationText(ctx: FixContext, destination: string): string {
  const r = ctx.request;
  if (r.kind === 'http' && r.url.hostname !== destination) return `${r.url.hostname} resolves to ${destination}`;
  return destination;
}

/** The known IPv4 block of `blocks` that holds the address. */
export function blockHolding(blocks: readonly Maybe<string>[], ip: string): string | undefined {
  const address = parseAddress(ip);
  if (!address.ok) return undefined;
  return blocks.filter(isKnown).find((b) => {
    const cidr = parseCidr(b);
    return cidr.ok && cidr.value.family === address.value.family && cidrContains(cidr.value, address.value);
  });
}

export function vpcHolding(model: Model, ip: string): Vpc | undefined {
  return model.vpcs.find((v) => blockHolding(v.cidrBlocks, ip) !== undefined);
}

export function subnetHolding(model: Model, ip: string): Subnet | undefined {
  return model.subnets.find((s) => blockHolding([s.cidrBlock], ip) !== undefined);
}

const NOT_PUBLIC = ['private', 'loopback', 'linkLocal', 'carrierGradeNat', 'unspecified', 'multicast', 'broadcast'];

/**
 * An IPv4 address on the internet: outside every VPC of the model and outside the private and special ranges. The
 * documentation ranges the simulation gives API Gateway and CloudFront (RFC 5737) count as public.
 */
export function isPublicAddress(model: Model, ip: string): boolean {
  if (!ipaddr.IPv4.isValid(ip) || vpcHolding(model, ip)) return false;
  return !NOT_PUBLIC.includes(ipaddr.IPv4.parse(ip).range());
}

/**
 * The range a route or ACL entry names for the far end: 0.0.0.0/0 for the internet (API Gateway's addresses are not
 * fixed); the subnet of an address in the model, or the VPC block when the name's addresses span subnets (an
 * endpoint's interfaces in several Availability Zones); else the address itself.
 */
export function remoteCidr(model: Model, ip: string, addresses: readonly string[] = [ip]): string {
  if (isPublicAddress(model, ip)) return '0.0.0.0/0';
  const subnets = new Set(addresses.map((a) => subnetHolding(model, a)?.cidrBlock).filter(isKnown));
  const own = subnetHolding(model, ip)?.cidrBlock;
  if (subnets.size === 1 && isKnown(own)) return own;
  const vpc = vpcHolding(model, ip);
  return (vpc && blockHolding(vpc.cidrBlocks, ip)) ?? `${ip}/32`;
}

/** Letters and digits only, for a logical id built from names. */
export const pascal = (s: string): string => s.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase());

/** A logical id not yet used in the stacks of that template file: `base`, else `base2`, `base3` ... */
export function freeLogicalId(model: Model, file: string, base: string, taken: Set<string> = new Set()): string {
  const used = new Set(taken);
  for (const s of model.stacks) {
    for (const r of Object.values(s.resources)) if (s.file === file || r.origin?.file === file) used.add(r.logicalId);
  }
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}${n}`;
  taken.add(id);
  return id;
}

/** Both elements come from the same template (stack and file), so one can `!Ref` the other. */
export function sameTemplate(a: Element, b: Element): boolean {
  return Boolean(a.origin?.stack && a.origin.logicalId && b.origin?.stack && b.origin.logicalId
    && a.origin.file === b.origin.file && a.origin.stack === b.origin.stack);
}

/** The logical id of a resource of one of `types` in the element's stack whose block names all of `names`. */
export function resourceNaming(model: Model, texts: TemplateTexts, near: Element, types: readonly string[], names: readonly string[]): string | undefined {
  const stack = model.stacks.find((s) => s.name === near.origin?.stack
    && (s.file === near.origin.file || Object.values(s.resources).some((r) => r.origin?.file === near.origin?.file)));
  for (const r of Object.values(stack?.resources ?? {})) {
    if (!types.includes(r.type) || !r.origin) continue;
    if (names.every((n) => findInResource(texts, r.origin, new RegExp(`\\b${n}\\b`)))) return r.logicalId;
  }
  return undefined;
}

/** A piece of a patch: resources to add to a template file, a CLI command, or what to do by hand. */
export type PatchPart =
  | { readonly kind: 'resources'; readonly file: string; readonly resources: Record<string, string[]> }
  | { readonly kind: 'command'; readonly command: string }
  | { readonly kind: 'note'; readonly note: string };

/**
 * Resources per file in one insert each (the user's indentation, at the end of `Resources:`), CLI commands for
 * snapshot elements. When any template part cannot be written (a JSON template, a target in another stack), no
 * template edit is given: the note says what to add instead, so a half-applied patch never results.
 */
export function buildPatch(texts: TemplateTexts, parts: readonly PatchPart[]): Patch {
  const commands = parts.flatMap((p) => (p.kind === 'command' ? [p.command] : []));
  const notes = parts.flatMap((p) => (p.kind === 'note' ? [p.note] : []));
  const byFile = new Map<string, Record<string, string[]>>();
  for (const p of parts) if (p.kind === 'resources') byFile.set(p.file, { ...byFile.get(p.file), ...p.resources });
  const edits: TextEdit[] = [];
  for (const [file, resources] of byFile) {
    const edit = addResources(texts, file, resources);
    if (edit) edits.push(edit);
    else notes.push(`${file} is not a YAML template with a Resources section this tool can add to`);
  }
  if (!notes.length) return { edits, commands };
  // Say what the template edits would have added, so nothing is lost.
  const spelled = [...byFile].map(([file, resources]) => `add to ${file}: ${Object.entries(resources)
    .map(([id, body]) => `${id} (${body.map((l) => l.trim()).filter((l) => l !== 'Properties:').join(', ')})`).join('; ')}`);
  return { edits: [], commands, note: [...notes, ...spelled].join('. ') };
}
