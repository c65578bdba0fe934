// After the source subnet's route table has chosen a route: the hop for it, and where its target leads.
import type { ModelIndex, RouteTarget } from '../../model/index.js';
import { exitThrough } from './exits.js';
import { deliverLocal } from './deliver-local.js';
import { passInternetGateway } from './internet-gateway.js';
import { throughNatGateway } from './nat-gateway.js';
import { replyTraffic } from './protocol.js';
import { routeHop, targetLabel } from './route-hop.js';
import type { RouteLookup } from './route-table.js';
import type { NetworkPath } from './types.js';
import { throughPeering } from './vpc-peering.js';
import { aclCheck, type Walk } from './walk.js';

export function followRoute(walk: Walk, lookup: RouteLookup): NetworkPath {
  const { index, path, source } = walk;
  const hop = (verdict: 'pass' | 'drop' | 'unknown', extra?: string) =>
    routeHop(index, source.subnet, lookup, walk.destinationText, 'route', verdict, extra);
  const choice = lookup.choice;
  if (choice.kind === 'unknown') return path.unknown(hop('unknown'), choice.missing);
  if (choice.kind === 'none') return path.drop(hop('drop'), 'no-route');
  const target = choice.target;
  const stop = stopsHere(index, target, walk.destinationText);
  if (stop) {
    if (stop.kind === 'drop') return path.drop(hop('drop', stop.detail), stop.cause);
    return path.unknown(hop('unknown', stop.detail), [{ fact: stop.fact, reason: stop.reason }]);
  }
  path.add(hop('pass'));

  // The reply to a packet that left the VPC comes back into the source's subnet (ACLs are stateless).
  const fromDestination = { ip: walk.destination, text: walk.destinationText };
  const replyIn = () => aclCheck(walk, source.subnet, 'in', fromDestination, 'return-nacl', replyTraffic(walk.traffic), true);

  switch (target.kind) {
    case 'local':
      return deliverLocal(walk);
    case 'internet-gateway': {
      const eni = source.eni;
      const gate = passInternetGateway(walk, target.id, source.vpc, {
        name: source.name, privateIp: source.ipText, publicIp: eni.publicIp, isLambda: eni.owner.kind === 'lambda',
        ...((eni.publicIpOrigin ?? eni.origin) ? { origin: eni.publicIpOrigin ?? eni.origin } : {}),
      });
      if (gate.kind === 'stopped') return gate.path;
      return path.check(replyIn()) ?? path.end({
        kind: 'exits-network', through: 'internet-gateway', gatewayId: target.id, sourceIpSeen: gate.sourceIpSeen,
        ...(gate.sourceIpUnknown ? { sourceIpUnknown: gate.sourceIpUnknown } : {}),
      });
    }
    case 'nat-gateway':
      return throughNatGateway(walk, target.id);
    case 'vpc-peering':
      return throughPeering(walk, target.id);
    case 'gateway-endpoint':
    case 'transit-gateway':
    case 'virtual-private-gateway':
      return exitThrough(walk, target.kind, target.id, source.ipText, [replyIn()]);
    default:
      // stopsHere handled every other kind.
      return path.end({ kind: 'unknown', missing: [{ fact: 'the route target', reason: `unsupported target ${target.kind}` }] });
  }
}

type Stop =
  | { kind: 'drop'; cause: 'no-route' | 'blackhole'; detail: string }
  | { kind: 'unknown'; detail: string; fact: string; reason: string };

/** Targets that end the path at the route itself. */
function stopsHere(index: ModelIndex, target: RouteTarget, destination: string): Stop | undefined {
  switch (target.kind) {
    case 'blackhole':
      // https://docs.aws.amazon.com/vpc/latest/userguide/route-table-options.html: a route whose target is gone.
      return { kind: 'drop', cause: 'blackhole', detail: 'the route is a blackhole (its target no longer exists), so AWS drops the packet' };
    case 'egress-only-internet-gateway':
      return { kind: 'drop', cause: 'no-route', detail: 'an egress-only internet gateway carries IPv6 traffic only' };
    case 'network-interface':
    case 'instance': {
      const label = targetLabel(index, target);
      return {
        kind: 'unknown', detail: `${label} is an appliance; what it does with the packet is not simulated`,
        fact: `how ${label} forwards traffic to ${destination}`,
        reason: 'the route sends the packet to an appliance, whose own forwarding is not in the model',
      };
    }
    case 'unknown':
      return { kind: 'unknown', detail: 'the route target is not known', fact: 'the target of the route', reason: target.reason };
    default:
      return undefined;
  }
}
