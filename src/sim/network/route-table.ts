// Choosing the route for a destination: the subnet's route table, implicit local routes, longest prefix first.
import {
  displayName, isUnknown, type ModelIndex, type Origin, type Route, type RouteTable, type RouteTarget, type Subnet,
  type Vpc,
} from '../../model/index.js';
import { addressBits, longestPrefixMatch, parseCidr, type Cidr, type IpAddress } from '../ip/index.js';
import type { MissingFact } from '../trace.js';
import { fromUnknown } from './missing.js';
import { prefixListCidrs } from './prefix-lists.js';
import { outsideAwsServiceRanges } from './outside-aws-service-ranges.js';
import { originOf } from './hop-origin.js';

/** A destination block a route covers, with the route it came from. */
interface Candidate {
  readonly cidr: Cidr;
  readonly target: RouteTarget;
  /** How a person reads the destination: `10.0.0.0/16`, `pl-63a5400a (com.amazonaws.us-east-1.s3)`. */
  readonly label: string;
  readonly origin?: Origin;
  /** Tie-break among equally long prefixes: a CIDR route, then the implicit local route, then a prefix list. */
  readonly rank: number;
}

export type RouteChoice =
  | { readonly kind: 'route'; readonly target: RouteTarget; readonly label: string; readonly origin?: Origin }
  | { readonly kind: 'none' }
  | { readonly kind: 'unknown'; readonly missing: MissingFact[] };

export interface RouteLookup {
  readonly table?: RouteTable;
  /** The table as a person knows it. */
  readonly tableName: string;
  /** No explicit association: the VPC's main route table applies. */
  readonly mainFallback: boolean;
  readonly choice: RouteChoice;
}

/**
 * The subnet's explicitly associated route table, else the VPC's main one; a `local` route for every VPC CIDR;
 * the most specific matching route wins, and a CIDR route beats a prefix-list route of the same length.
 * https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html
 */
export function lookupRoute(index: ModelIndex, subnet: Subnet, vpc: Vpc, destination: IpAddress): RouteLookup {
  const table = index.routeTableOf(subnet);
  const mainFallback = !table || !table.subnetIds.includes(subnet.id);
  const tableName = table ? displayName(table) : `main route table of ${displayName(vpc)}`;
  const candidates: Candidate[] = [];
  const unknowns: { target: RouteTarget; missing: MissingFact }[] = [];

  for (const route of table?.routes ?? []) collect(index, route, destination, candidates, unknowns);
  // Every route table has a local route for each VPC CIDR, whether or not the input lists it.
  const local: RouteTarget = { kind: 'local' };
  for (const block of [...vpc.cidrBlocks, ...vpc.ipv6CidrBlocks]) {
    if (isUnknown(block)) {
      unknowns.push({ target: local, missing: fromUnknown(`a CIDR block of ${displayName(vpc)}`, block) });
      continue;
    }
    const cidr = parseCidr(block);
    if (cidr.ok) candidates.push({ cidr: cidr.value, target: local, label: block, rank: 1, ...originOf(vpc.origin) });
  }

  candidates.sort((a, b) => a.rank - b.rank);
  const best = longestPrefixMatch(destination, candidates, (c) => c.cidr);
  // A route whose destination we cannot read could be more specific than the best known one.
  const full = addressBits(destination.family);
  const open = unknowns.filter((u) => !best || (best.cidr.prefixLength < full && !sameTarget(u.target, best.target)));
  let choice: RouteChoice;
  if (open.length > 0) choice = { kind: 'unknown', missing: open.map((u) => u.missing) };
  else if (!best) choice = { kind: 'none' };
  else choice = { kind: 'route', target: best.target, label: best.label, ...originOf(best.origin) };
  return { ...(table ? { table } : {}), tableName, mainFallback, choice };
}

function collect(
  index: ModelIndex, route: Route, destination: IpAddress, out: Candidate[],
  unknowns: { target: RouteTarget; missing: MissingFact }[],
): void {
  const origin = originOf(route.origin);
  if (route.destinationCidr !== undefined) {
    if (isUnknown(route.destinationCidr)) {
      unknowns.push({ target: route.target, missing: fromUnknown('the destination of a route', route.destinationCidr) });
      return;
    }
    const cidr = parseCidr(route.destinationCidr);
    if (!cidr.ok) {
      unknowns.push({ target: route.target, missing: { fact: 'the destination of a route', reason: cidr.error } });
      return;
    }
    out.push({ cidr: cidr.value, target: route.target, label: route.destinationCidr, rank: 0, ...origin });
    return;
  }
  if (route.destinationPrefixListId !== undefined) {
    const list = prefixListCidrs(index, route.destinationPrefixListId, route.origin);
    if (!list.ok) {
      // A gateway endpoint's AWS-managed list (S3, DynamoDB) holds AWS's public service ranges only (R33).
      if (route.target.kind === 'gateway-endpoint' && outsideAwsServiceRanges(destination)) return;
      unknowns.push({ target: route.target, missing: list.missing });
      return;
    }
    for (const cidr of list.cidrs) out.push({ cidr, target: route.target, label: list.label, rank: 2, ...origin });
  }
}

function sameTarget(a: RouteTarget, b: RouteTarget): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
