// Network interfaces the template implies (instances, endpoints, NAT gateways, Lambda), with made-up addresses.
import { unknown, type Maybe, type NetworkInterface, type NetworkInterfaceOwner, type Origin } from '../../../model/index.js';
import type { Mut } from '../model-builder.js';
import type { ResourceContext } from '../resource-context.js';

export interface EniRequest {
  /** Distinguishes the interfaces of one resource (`subnet:0`). */
  readonly salt: string;
  readonly subnetId: string;
  readonly owner: NetworkInterfaceOwner;
  readonly securityGroupIds: string[];
  /** The address the template fixes, if any. */
  readonly privateIp?: Maybe<string>;
  readonly publicIp?: Maybe<string>;
  readonly publicIpOrigin?: Origin;
  readonly origin?: Origin;
}

/** The VPC of a subnet: from the model, or a placeholder naming why it is unknown. */
export function vpcOfSubnet(ctx: ResourceContext, subnetId: string): string {
  const subnet = ctx.b.get('subnets', subnetId);
  if (subnet) return subnet.vpcId;
  const placeholder = `unresolved:vpc-of:${subnetId.replace(/^unresolved:/, '')}`;
  ctx.b.unresolved(placeholder, `the VPC of subnet ${subnetId} is unknown: the subnet is not in the model`, ctx.here);
  return placeholder;
}

/**
 * Security group ids as the template gives them. A `Ref` to a group made without VpcId answers its name; such a
 * name is turned back into the group's id.
 */
export function securityGroupIds(ctx: ResourceContext, ids: string[]): string[] {
  return ids.map((id) => {
    if (id.startsWith('sg-') || ctx.b.get('securityGroups', id)) return id;
    return ctx.b.model.securityGroups.find((g) => g.groupName === id)?.id ?? id;
  });
}

/** The default security group of a VPC (AWS uses it when none is given). */
export function defaultSecurityGroupOf(ctx: ResourceContext, vpcId: string): string {
  const sg = ctx.b.model.securityGroups.find((g) => g.vpcId === vpcId && g.groupName === 'default');
  if (sg) return sg.id;
  const placeholder = `unresolved:default-security-group:${vpcId.replace(/^unresolved:/, '')}`;
  ctx.b.unresolved(placeholder, `the default security group of VPC ${vpcId} is unknown: the VPC is not in the model`, ctx.here);
  return placeholder;
}

export function createEni(ctx: ResourceContext, req: EniRequest): Mut<NetworkInterface> {
  const id = ctx.ec2('networkInterface', req.salt);
  let privateIp: Maybe<string>;
  if (typeof req.privateIp === 'string') {
    ctx.b.addresses.reserve(req.subnetId, req.privateIp);
    if (ctx.b.addresses.fits(req.subnetId, req.privateIp) === false) {
      ctx.problem('address-outside-subnet', `${req.privateIp} is outside the range of subnet ${req.subnetId}`);
    }
    privateIp = req.privateIp;
  } else if (req.privateIp !== undefined) {
    privateIp = req.privateIp;
  } else {
    const ip = ctx.b.addresses.privateIp(req.subnetId);
    privateIp = typeof ip === 'string' ? ip : unknown(ip.reason, ctx.here);
  }
  return ctx.b.add('networkInterfaces', {
    id, name: ctx.logicalId, origin: req.origin ?? ctx.here, subnetId: req.subnetId, vpcId: vpcOfSubnet(ctx, req.subnetId),
    privateIps: [privateIp], securityGroupIds: securityGroupIds(ctx, req.securityGroupIds), owner: req.owner,
    ...(req.publicIp !== undefined ? { publicIp: req.publicIp } : {}),
    ...(req.publicIpOrigin ? { publicIpOrigin: req.publicIpOrigin } : {}),
  });
}

/** A made-up public IPv4 address (auto-assigned or Elastic IP). */
export function newPublicIp(ctx: ResourceContext): Maybe<string> {
  const ip = ctx.b.addresses.publicIp();
  return typeof ip === 'string' ? ip : unknown(ip.reason, ctx.here);
}

/**
 * Whether an instance launched in a subnet gets a public IP when the template does not say: the subnet's
 * MapPublicIpOnLaunch. https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html
 */
export function publicIpFromSubnet(ctx: ResourceContext, subnetId: string): { publicIp?: Maybe<string>; origin?: Origin } {
  const subnet = ctx.b.get('subnets', subnetId);
  const origin = ctx.b.mapPublicIpOrigins.get(subnetId);
  if (!subnet) {
    return { publicIp: unknown(`whether ${ctx.logicalId} gets a public IP depends on MapPublicIpOnLaunch of subnet ${subnetId}, which is not in the model`, ctx.here) };
  }
  return subnet.mapPublicIpOnLaunch ? { publicIp: newPublicIp(ctx), ...(origin ? { origin } : {}) } : (origin ? { origin } : {});
}
