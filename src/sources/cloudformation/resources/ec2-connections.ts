// AWS::EC2::VPCPeeringConnection, DHCPOptions (+ VPCDHCPOptionsAssociation), TransitGateway (+ VPC attachments),
// PrefixList.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-dhcpoptions.html
import type { ResourceHandler } from './handler.js';
import { T } from './types.js';

export const peeringConnection: ResourceHandler = {
  type: 'AWS::EC2::VPCPeeringConnection',
  attributes: ['Id'],
  build(ctx) {
    const id = ctx.ec2('peering');
    ctx.b.add('peeringConnections', {
      id, name: ctx.logicalId, origin: ctx.here, requesterVpcId: ctx.requiredId('VpcId', T.VPC),
      accepterVpcId: ctx.str('PeerVpcId') ?? ctx.requiredId('PeerVpcId'), status: 'active',
    });
    return { ref: id, attributes: { Id: id } };
  },
};

export const dhcpOptions: ResourceHandler = {
  type: 'AWS::EC2::DHCPOptions',
  attributes: ['DhcpOptionsId'],
  build(ctx) {
    const id = ctx.ec2('dhcpOptions');
    const servers = ctx.items('DomainNameServers').flatMap((v) => (v.k === 'scalar' ? [v.text] : []));
    // R7: without DomainNameServers, instances keep the Amazon-provided DNS server.
    ctx.b.add('dhcpOptions', { id, name: ctx.logicalId, origin: ctx.here, domainNameServers: servers.length > 0 ? servers : ['AmazonProvidedDNS'], vpcIds: [] });
    return { ref: id, attributes: { DhcpOptionsId: id } };
  },
};

export const dhcpOptionsAssociation: ResourceHandler = {
  type: 'AWS::EC2::VPCDHCPOptionsAssociation',
  attributes: [],
  build(ctx) {
    const vpcId = ctx.requiredId('VpcId', T.VPC);
    const optionsId = ctx.requiredId('DhcpOptionsId', T.DHCP_OPTIONS);
    const vpc = ctx.b.get('vpcs', vpcId);
    const options = ctx.b.get('dhcpOptions', optionsId);
    // `default` means the Amazon-provided DNS: no options set.
    if (vpc && optionsId !== 'default') vpc.dhcpOptionsId = optionsId;
    if (options) options.vpcIds.push(vpcId);
    return { ref: `${optionsId}|${vpcId}` };
  },
};

export const transitGateway: ResourceHandler = {
  type: 'AWS::EC2::TransitGateway',
  attributes: ['Id', 'TransitGatewayArn'],
  build(ctx) {
    const id = ctx.ec2('transitGateway');
    ctx.b.add('transitGateways', { id, name: ctx.logicalId, origin: ctx.here, attachments: [] });
    return { ref: id, attributes: { Id: id, TransitGatewayArn: `arn:aws:ec2:${ctx.region}:${ctx.account}:transit-gateway/${id}` } };
  },
};

function tgwAttachment(type: string): ResourceHandler {
  return {
    type,
    attributes: ['Id'],
    build(ctx) {
      const tgwId = ctx.requiredId('TransitGatewayId', T.TRANSIT_GATEWAY);
      const vpcId = ctx.requiredId('VpcId', T.VPC);
      const tgw = ctx.b.get('transitGateways', tgwId);
      if (tgw) tgw.attachments.push({ vpcId, subnetIds: ctx.ids('SubnetIds', T.SUBNET) });
      else ctx.note('info', 'outside-model', `${ctx.logicalId} attaches to ${tgwId}, which is not in the model`);
      const id = ctx.ec2('transitGatewayAttachment');
      return { ref: id, attributes: { Id: id } };
    },
  };
}

export const transitGatewayAttachment = tgwAttachment('AWS::EC2::TransitGatewayAttachment');
export const transitGatewayVpcAttachment = tgwAttachment('AWS::EC2::TransitGatewayVpcAttachment');

export const prefixList: ResourceHandler = {
  type: 'AWS::EC2::PrefixList',
  attributes: ['Arn', 'OwnerId', 'PrefixListId', 'Version'],
  build(ctx) {
    const id = `pl-${ctx.short('prefix-list', 17).replace(/[^0-9a-f]/g, 'a')}`;
    const cidrs = ctx.subs('Entries').flatMap((e) => (e.text('Cidr') ? [e.text('Cidr')!] : []));
    ctx.b.add('prefixLists', { id, name: ctx.text('PrefixListName') ?? ctx.logicalId, origin: ctx.here, cidrs });
    return { ref: id, attributes: { PrefixListId: id, OwnerId: ctx.account, Version: '1' } };
  },
};
