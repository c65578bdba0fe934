// AWS::EC2::Instance (SubnetId or NetworkInterfaces; public IP from AssociatePublicIpAddress or the subnet),
// AWS::EC2::NetworkInterface, AWS::EC2::NetworkInterfaceAttachment.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-instance.html
import { isKnown, type Maybe, type Origin } from '../../../model/index.js';
import type { PropReader } from '../prop-reader.js';
import type { ResourceContext } from '../resource-context.js';
import { createEni, defaultSecurityGroupOf, newPublicIp, publicIpFromSubnet, vpcOfSubnet } from './enis.js';
import type { AttrValue, ResourceHandler } from './handler.js';
import { attrUnknown } from './handler.js';
import { T } from './types.js';

/** The subnet an instance launches in when the template names none: the default VPC's, not in the model. */
function defaultSubnet(ctx: ResourceContext): string {
  const placeholder = `unresolved:default-subnet:${ctx.stack}.${ctx.logicalId}`;
  ctx.b.unresolved(placeholder, `${ctx.logicalId} names no subnet, so it launches in a default subnet of the default VPC, which is not in the model`, ctx.here);
  return placeholder;
}

function groups(ctx: ResourceContext, reader: PropReader, keys: string[], subnetId: string): string[] {
  const ids = keys.flatMap((k) => reader.ids(k, T.SECURITY_GROUP));
  return ids.length > 0 ? ids : [defaultSecurityGroupOf(ctx, vpcOfSubnet(ctx, subnetId))];
}

function publicFor(ctx: ResourceContext, reader: PropReader, subnetId: string): { publicIp?: Maybe<string>; publicIpOrigin?: Origin } {
  if (reader.has('AssociatePublicIpAddress')) {
    const v = reader.bool('AssociatePublicIpAddress', false);
    const origin = reader.origin('AssociatePublicIpAddress');
    if (v === false) return { publicIpOrigin: origin };
    return { publicIp: v === true ? newPublicIp(ctx) : v, publicIpOrigin: origin };
  }
  const fromSubnet = publicIpFromSubnet(ctx, subnetId);
  return {
    ...(fromSubnet.publicIp !== undefined ? { publicIp: fromSubnet.publicIp } : {}),
    ...(fromSubnet.origin ? { publicIpOrigin: fromSubnet.origin } : {}),
  };
}

export const instance: ResourceHandler = {
  type: 'AWS::EC2::Instance',
  attributes: ['AvailabilityZone', 'InstanceId', 'PrivateDnsName', 'PrivateIp', 'PublicDnsName', 'PublicIp', 'VpcId', 'State'],
  build(ctx) {
    const id = ctx.ec2('instance');
    const eniIds: string[] = [];
    const interfaces = ctx.subs('NetworkInterfaces')
      .sort((a, b) => (a.int('DeviceIndex') ?? 0) - (b.int('DeviceIndex') ?? 0));
    for (const [i, ni] of interfaces.entries()) {
      const existing = ni.id('NetworkInterfaceId', T.NETWORK_INTERFACE);
      if (existing) {
        eniIds.push(existing);
        continue;
      }
      const subnetId = ni.id('SubnetId', T.SUBNET) ?? ctx.id('SubnetId', T.SUBNET) ?? defaultSubnet(ctx);
      // Only the primary interface (device index 0) can get an auto-assigned public IP.
      const pub = (ni.int('DeviceIndex') ?? 0) === 0 ? publicFor(ctx, ni, subnetId) : {};
      const privateIp = ni.str('PrivateIpAddress');
      const eni = createEni(ctx, {
        salt: `ni:${i}`, subnetId, owner: { kind: 'instance', id }, securityGroupIds: groups(ctx, ni, ['GroupSet'], subnetId),
        ...(privateIp !== undefined ? { privateIp } : {}), ...pub, origin: ni.originAt(ni.fallback),
      });
      eniIds.push(eni.id);
    }
    if (interfaces.length === 0) {
      const subnetId = ctx.id('SubnetId', T.SUBNET) ?? defaultSubnet(ctx);
      const privateIp = ctx.str('PrivateIpAddress');
      const eni = createEni(ctx, {
        salt: 'primary', subnetId, owner: { kind: 'instance', id },
        securityGroupIds: groups(ctx, ctx, ['SecurityGroupIds', 'SecurityGroups'], subnetId),
        ...(privateIp !== undefined ? { privateIp } : {}), ...publicFor(ctx, ctx, subnetId),
      });
      eniIds.push(eni.id);
    }
    ctx.b.add('instances', { id, name: ctx.logicalId, origin: ctx.here, networkInterfaceIds: eniIds });
    return { ref: id, attributes: instanceAttributes(ctx, id, eniIds[0]) };
  },
};

function instanceAttributes(ctx: ResourceContext, id: string, primary: string | undefined): Record<string, AttrValue | undefined> {
  const eni = ctx.b.get('networkInterfaces', primary);
  const privateIp = eni?.privateIps[0];
  const publicIp = eni?.publicIp;
  const internal = ctx.region === 'us-east-1' ? 'ec2.internal' : `${ctx.region}.compute.internal`;
  const subnet = ctx.b.get('subnets', eni?.subnetId);
  return {
    InstanceId: id,
    PrivateIp: privateIp,
    PrivateDnsName: isKnown(privateIp) ? `ip-${privateIp.replace(/\./g, '-')}.${internal}` : privateIp,
    PublicIp: publicIp ?? attrUnknown(`${ctx.logicalId} has no public IP`),
    PublicDnsName: isKnown(publicIp) ? `ec2-${publicIp.replace(/\./g, '-')}.${ctx.region === 'us-east-1' ? 'compute-1' : `${ctx.region}.compute`}.amazonaws.com` : undefined,
    VpcId: eni?.vpcId,
    AvailabilityZone: subnet?.availabilityZone,
    State: 'running',
  };
}

export const networkInterface: ResourceHandler = {
  type: 'AWS::EC2::NetworkInterface',
  attributes: ['Id', 'PrimaryPrivateIpAddress', 'SecondaryPrivateIpAddresses', 'PrimaryIpv6Address', 'Ipv6Addresses', 'VpcId'],
  build(ctx) {
    const subnetId = ctx.requiredId('SubnetId', T.SUBNET);
    const privateIp = ctx.str('PrivateIpAddress');
    const eni = createEni(ctx, {
      salt: 'eni', subnetId, owner: { kind: 'other', description: `${ctx.logicalId} (AWS::EC2::NetworkInterface)` },
      securityGroupIds: groups(ctx, ctx, ['GroupSet'], subnetId), ...(privateIp !== undefined ? { privateIp } : {}),
    });
    return { ref: eni.id, attributes: { Id: eni.id, PrimaryPrivateIpAddress: eni.privateIps[0], SecondaryPrivateIpAddresses: [], VpcId: eni.vpcId } };
  },
};

export const networkInterfaceAttachment: ResourceHandler = {
  type: 'AWS::EC2::NetworkInterfaceAttachment',
  attributes: ['AttachmentId'],
  build(ctx) {
    const instanceId = ctx.requiredId('InstanceId', T.INSTANCE);
    const eniId = ctx.requiredId('NetworkInterfaceId', T.NETWORK_INTERFACE);
    const target = ctx.b.get('instances', instanceId);
    const eni = ctx.b.get('networkInterfaces', eniId);
    if (target && !target.networkInterfaceIds.includes(eniId)) target.networkInterfaceIds.push(eniId);
    if (eni && target) eni.owner = { kind: 'instance', id: instanceId };
    const id = `eni-attach-${ctx.short('attach', 17).replace(/[^0-9a-f]/g, '0')}`;
    return { ref: id, attributes: { AttachmentId: id } };
  },
};
