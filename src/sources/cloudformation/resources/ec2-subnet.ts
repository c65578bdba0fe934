// AWS::EC2::Subnet, AWS::EC2::InternetGateway, AWS::EC2::VPCGatewayAttachment, AWS::EC2::EgressOnlyInternetGateway.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-subnet.html
import { isUnknown, unknown } from '../../../model/index.js';
import type { ResourceHandler } from './handler.js';
import { T } from './types.js';

export const subnet: ResourceHandler = {
  type: 'AWS::EC2::Subnet',
  attributes: ['AvailabilityZone', 'AvailabilityZoneId', 'CidrBlock', 'Ipv6CidrBlocks', 'NetworkAclAssociationId', 'OutpostArn', 'SubnetId', 'VpcId', 'BlockPublicAccessStates'],
  build(ctx) {
    const id = ctx.ec2('subnet');
    const vpcId = ctx.requiredId('VpcId', T.VPC);
    const cidr = ctx.str('CidrBlock')
      ?? unknown(ctx.has('Ipv4IpamPoolId') ? 'the subnet range is allocated from an IPAM pool' : 'the subnet has no CidrBlock', ctx.here);
    const az = ctx.str('AvailabilityZone')
      ?? unknown(ctx.has('AvailabilityZoneId') ? 'the subnet names its zone by AvailabilityZoneId' : 'AWS chooses the Availability Zone', ctx.origin('AvailabilityZone'));
    const mapPublic = ctx.bool('MapPublicIpOnLaunch', false);
    if (isUnknown(mapPublic)) {
      ctx.note('warning', 'assumed-false', `MapPublicIpOnLaunch of ${ctx.logicalId} is unknown (${mapPublic.reason}); instances here are taken to get no public IP`, ctx.loc('MapPublicIpOnLaunch'));
    }
    ctx.b.add('subnets', {
      id, name: ctx.logicalId, origin: ctx.here, vpcId, cidrBlock: cidr, availabilityZone: az,
      mapPublicIpOnLaunch: mapPublic === true,
      ...(ctx.text('Ipv6CidrBlock') ? { ipv6CidrBlock: ctx.text('Ipv6CidrBlock')! } : {}),
    });
    ctx.b.mapPublicIpOrigins.set(id, ctx.origin('MapPublicIpOnLaunch'));
    return {
      ref: id,
      attributes: {
        SubnetId: id, VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: az, Ipv6CidrBlocks: [],
        NetworkAclAssociationId: ctx.ec2('networkAclAssociation'),
      },
    };
  },
};

export const internetGateway: ResourceHandler = {
  type: 'AWS::EC2::InternetGateway',
  attributes: ['InternetGatewayId'],
  build(ctx) {
    const id = ctx.ec2('internetGateway');
    ctx.b.add('internetGateways', { id, name: ctx.logicalId, origin: ctx.here });
    return { ref: id, attributes: { InternetGatewayId: id } };
  },
};

export const gatewayAttachment: ResourceHandler = {
  type: 'AWS::EC2::VPCGatewayAttachment',
  attributes: ['AttachmentType', 'VpcId'],
  build(ctx) {
    const vpcId = ctx.requiredId('VpcId', T.VPC);
    const igwId = ctx.id('InternetGatewayId', T.INTERNET_GATEWAY);
    if (igwId) {
      const igw = ctx.b.get('internetGateways', igwId);
      if (igw) igw.vpcId = vpcId;
      else ctx.note('info', 'outside-model', `${ctx.logicalId} attaches ${igwId}, which is not in the model`);
    }
    const kind = igwId ? 'IGW' : 'VGW';
    return { ref: `${kind}|${vpcId}`, attributes: { AttachmentType: kind === 'IGW' ? 'InternetGateway' : 'VpnGateway', VpcId: vpcId } };
  },
};

export const egressOnlyInternetGateway: ResourceHandler = {
  type: 'AWS::EC2::EgressOnlyInternetGateway',
  attributes: ['Id'],
  build(ctx) {
    ctx.requiredId('VpcId', T.VPC);
    const id = ctx.ec2('egressOnlyInternetGateway');
    return { ref: id, attributes: { Id: id } };
  },
};
