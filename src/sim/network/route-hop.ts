// The trace hop for a route decision: `8.8.8.8 -> InternetGateway (igw-...) (0.0.0.0/0)`.
import { displayName, nameAndId, type ModelIndex, type RouteTarget, type Subnet } from '../../model/index.js';
import type { Hop, HopVerdict } from '../trace.js';
import type { RouteLookup } from './route-table.js';

/** The target as a person knows it: `local`, `blackhole`, `NatGateway (nat-0a1b...)`. */
export function targetLabel(index: ModelIndex, target: RouteTarget): string {
  switch (target.kind) {
    case 'local':
    case 'blackhole':
      return target.kind;
    case 'unknown':
      return `an unknown target (${target.reason})`;
    default: {
      // The first element with the id among gateways, peering connections, endpoints, interfaces and instances.
      const found = index.routeTargetElement(target.id);
      return found ? nameAndId(found) : target.id;
    }
  }
}

/** `10.0.1.25 -> local (10.0.0.0/16)`, noting when the VPC's main route table applies. */
export function routeHop(
  index: ModelIndex, subnet: Subnet, lookup: RouteLookup, destination: string, action: string, verdict: HopVerdict,
  extra?: string,
): Hop {
  const choice = lookup.choice;
  let detail: string;
  if (choice.kind === 'route') detail = `${destination} -> ${targetLabel(index, choice.target)} (${choice.label})`;
  else if (choice.kind === 'none') detail = `no route for ${destination}`;
  else detail = `cannot tell which route ${destination} takes: a route's destination is not known`;
  if (lookup.mainFallback) {
    detail += lookup.table
      ? `; ${displayName(subnet)} has no route table association, so the VPC's main route table applies`
      : `; ${displayName(subnet)} uses the VPC's main route table, which is not in the model and so holds only the local route`;
  }
  if (extra) detail += `; ${extra}`;
  const origin = (choice.kind === 'route' ? choice.origin : undefined) ?? lookup.table?.origin;
  return {
    at: lookup.tableName, ...(lookup.table ? { elementId: lookup.table.id } : {}), action, verdict, detail,
    confidence: lookup.table ? 'documented' : 'inferred', ...(origin ? { origin } : {}),
  };
}
