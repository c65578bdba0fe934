// R32: a Lambda function in a VPC never has a public IP, so an internet gateway route leads nowhere for it; move it
// to a private subnet whose default route goes to a NAT gateway in the public subnet. An instance gets a public IP.
import { isKnown, type Model, type NatGateway, type RouteTable, type Subnet } from '../../model/index.js';
import { addElements, client, fromTemplate, madeUp, replaceElement } from '../model-edit.js';
import { addResources, findInResource, replaceAt } from '../template-text.js';
import type { Candidate, FixContext, Patch, Remedy, TextEdit } from '../types.js';
import { freeSubnetCidr } from './free-cidr.js';

export const natGateway: Remedy = {
  id: 'nat-gateway',
  title: 'Route the workload to the internet through a NAT gateway (or give an instance a public IP)',
  rule: 'R32',
  causes: ['no-public-ip'],
  propose(ctx: FixContext): Candidate[] {
    const c = client(ctx);
    if (!c?.vpc || !c.subnet) return [];
    const { workload, vpc, subnet } = c;
    if (workload.kind === 'instance') return [publicIp(ctx, workload.networkInterface.id)];
    const cidr = freeSubnetCidr(ctx.model, vpc);
    if (!cidr) return [];
    const seed = `${vpc.id}:${subnet.id}`;
    const nat: NatGateway = { id: `nat-${madeUp(seed, 17, true)}`, name: 'FixNatGateway', subnetId: subnet.id, vpcId: vpc.id,
      connectivityType: 'public', privateIp: cidr.replace(/0\/24$/, '250'), publicIp: '198.51.100.10' };
    const newSubnet: Subnet = { id: `subnet-${madeUp(seed, 17, true)}`, name: 'FixPrivateSubnet', vpcId: vpc.id, cidrBlock: cidr, mapPublicIpOnLaunch: false };
    const table: RouteTable = { id: `rtb-${madeUp(seed, 17, true)}`, name: 'FixPrivateRouteTable', vpcId: vpc.id, main: false,
      subnetIds: [newSubnet.id], routes: [{ destinationCidr: '0.0.0.0/0', target: { kind: 'nat-gateway', id: nat.id } }] };
    const eniIp = cidr.replace(/0\/24$/, '10');
    const apply = (model: Model): Model => {
      let m = addElements(model, { natGateways: [nat], subnets: [newSubnet], routeTables: [table] });
      for (const id of [workload.networkInterface.id, ...workload.otherInterfaces.map((e) => e.id)]) {
        m = replaceElement(m, 'networkInterfaces', id, (e) => ({ ...e, subnetId: newSubnet.id, privateIps: [eniIp] }));
      }
      return m;
    };
    const fn = ctx.model.lambdaFunctions.find((f) => f.id === workload.id);
    const subnetId = subnet.origin?.logicalId;
    const vpcId = vpc.origin?.logicalId;
    let patch: Patch = {
      edits: [], commands: [
        `aws ec2 allocate-address --domain vpc`,
        `aws ec2 create-nat-gateway --subnet-id ${subnet.id} --allocation-id <eipalloc-...>`,
        `aws ec2 create-subnet --vpc-id ${vpc.id} --cidr-block ${cidr}`,
        `aws ec2 create-route-table --vpc-id ${vpc.id}`,
        `aws ec2 create-route --route-table-id <rtb-...> --destination-cidr-block 0.0.0.0/0 --nat-gateway-id <nat-...>`,
        `aws ec2 associate-route-table --route-table-id <rtb-...> --subnet-id <the new subnet>`,
        `aws lambda update-function-configuration --function-name ${fn?.functionName ?? workload.id} --vpc-config SubnetIds=<the new subnet>,SecurityGroupIds=${workload.networkInterface.securityGroupIds.join(',')}`,
      ],
    };
    if (fn && fromTemplate(fn) && subnetId && vpcId) {
      const ref = findInResource(ctx.texts, fn.origin, new RegExp(`(!Ref\\s+${subnetId}|Ref:\\s*${subnetId})\\b`));
      const swap = ref ? replaceAt(ctx.texts, ref, new RegExp(`\\b${subnetId}\\b`), 'FixPrivateSubnet') : undefined;
      const add = addResources(ctx.texts, fn.origin!.file, {
        FixNatEip: ['Type: AWS::EC2::EIP', 'Properties:', '  Domain: vpc'],
        FixNatGateway: ['Type: AWS::EC2::NatGateway', 'Properties:', '  AllocationId: !GetAtt FixNatEip.AllocationId', `  SubnetId: !Ref ${subnetId}`],
        FixPrivateSubnet: ['Type: AWS::EC2::Subnet', 'Properties:', `  VpcId: !Ref ${vpcId}`, `  CidrBlock: ${cidr}`],
        FixPrivateRouteTable: ['Type: AWS::EC2::RouteTable', 'Properties:', `  VpcId: !Ref ${vpcId}`],
        FixPrivateDefaultRoute: ['Type: AWS::EC2::Route', 'Properties:', '  RouteTableId: !Ref FixPrivateRouteTable',
          '  DestinationCidrBlock: 0.0.0.0/0', '  NatGatewayId: !Ref FixNatGateway'],
        FixPrivateSubnetRouteTableAssociation: ['Type: AWS::EC2::SubnetRouteTableAssociation', 'Properties:',
          '  SubnetId: !Ref FixPrivateSubnet', '  RouteTableId: !Ref FixPrivateRouteTable'],
      });
      if (swap && add) patch = { edits: [swap, add] as TextEdit[], commands: [] };
    }
    return [{
      id: `nat-gateway:${workload.name}`,
      title: `Move ${workload.name} to a private subnet routed through a NAT gateway`,
      description: `${workload.name} is a Lambda function: it never has a public IP, so the internet gateway does not carry its ` +
        `traffic (R32). Add a NAT gateway in ${subnet.name ?? subnet.id}, a private subnet ${cidr} whose default route goes to it, ` +
        `and put ${workload.name} in that subnet.`,
      apply, patch,
      assumes: [`${cidr} is free in ${vpc.name ?? vpc.id}`, 'a NAT gateway costs per hour and per GB'],
    }];
  },
};

function publicIp(ctx: FixContext, eniId: string): Candidate {
  const eni = ctx.model.networkInterfaces.find((e) => e.id === eniId)!;
  const edit = replaceAt(ctx.texts, eni.publicIpOrigin, /AssociatePublicIpAddress:\s*(false|'false'|"false")/, 'AssociatePublicIpAddress: true');
  const patch: Patch = edit ? { edits: [edit], commands: [] }
    : { edits: [], commands: [`aws ec2 allocate-address --domain vpc`, `aws ec2 associate-address --network-interface-id ${eni.id} --allocation-id <eipalloc-...>`] };
  return {
    id: `public-ip:${ctx.from}`,
    title: `Give ${ctx.from} a public IP`,
    description: `${ctx.from} routes to an internet gateway but has no public IPv4 address; give it one (AssociatePublicIpAddress or an Elastic IP), R32.`,
    apply: (model: Model) => replaceElement(model, 'networkInterfaces', eni.id, (e) => ({ ...e, publicIp: isKnown(e.publicIp) ? e.publicIp : '198.51.100.20' })),
    patch,
    assumes: ['the instance may be reachable from the internet as far as its security group allows'],
  };
}
