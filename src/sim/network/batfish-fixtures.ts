// Hand-built models mirroring the facts of Batfish's AWS test snapshots (shared/corpora/batfish), for flow tests.
import type { Model } from '../../model/index.js';
import { acl, entry, eni, model, route, routeTable, rule, sg, subnet, vpc } from './test-fixtures.js';

const allOut = rule('-1', undefined, { cidrIpv4: '0.0.0.0/0' });
const ssh = rule('tcp', 22, { cidrIpv4: '0.0.0.0/0' });

/** test-nat-gateway (us-east-2): a private subnet whose default route is a NAT gateway in a public subnet. */
export function natGatewaySnapshot(): Model {
  const v = 'vpc-0008a7b45e3ddf1dd';
  const natSubnet = subnet('subnet-0428892a357fa1f94', v, '10.1.250.0/24', 'Public Subnet');
  const priv = subnet('subnet-06f469bcee42e408e', v, '10.1.1.0/24', 'Subnet 1');
  const twenty = subnet('subnet-02ff259e663e9613e', v, '10.1.20.0/24', 'Subnet 20');
  const jump = 'sg-0253af84ae6485905';
  return model({
    vpcs: [vpc(v, '10.1.0.0/16', 'vpc_a')], subnets: [natSubnet, priv, twenty],
    internetGateways: [{ id: 'igw-071753b9c23d8a9b2', vpcId: v }],
    natGateways: [{ id: 'nat-07ab4846da51f4612', subnetId: natSubnet.id, vpcId: v, connectivityType: 'public', privateIp: '10.1.250.210', publicIp: '3.135.127.225' }],
    routeTables: [
      routeTable('rtb-0ddf14681733ed0b7', v, [route('10.1.0.0/16', { kind: 'local' }), route('0.0.0.0/0', { kind: 'internet-gateway', id: 'igw-071753b9c23d8a9b2' })], { subnetIds: [natSubnet.id] }),
      routeTable('rtb-02fe228b42de92a7c', v, [route('10.1.0.0/16', { kind: 'local' }), route('0.0.0.0/0', { kind: 'nat-gateway', id: 'nat-07ab4846da51f4612' })], { subnetIds: [priv.id] }),
      routeTable('rtb-0e169c4a1e0b27b55', v, [route('10.1.0.0/16', { kind: 'local' })], { main: true }),
    ],
    networkAcls: [
      acl('acl-0792adae678b88f85', v, [natSubnet.id], [
        entry(100, true, 'allow', '0.0.0.0/0'), entry(32767, true, 'deny', '0.0.0.0/0'),
        entry(100, false, 'allow', '10.1.1.0/24', '1'), entry(200, false, 'allow', '0.0.0.0/0'), entry(32767, false, 'deny', '0.0.0.0/0'),
      ]),
      acl('acl-0380e24eb934b075e', v, [twenty.id, priv.id], 'allowAll', true),
    ],
    securityGroups: [sg(jump, v, [ssh, rule('icmp', [8, 0], { cidrIpv4: '0.0.0.0/0' })], [allOut], 'vpc_a_jump')],
    networkInterfaces: [
      eni('eni-068fb5a0a9a57f23c', natSubnet, '10.1.250.116', [jump], { publicIp: '18.216.129.140', owner: { kind: 'instance', id: 'i-0b31b509174d7f5de' } }),
      eni('eni-017aaec115610308a', natSubnet, '10.1.250.210', [], { owner: { kind: 'nat-gateway', id: 'nat-07ab4846da51f4612' } }),
      eni('eni-0e4ce6a7777b9bff8', priv, '10.1.1.98', [jump], { owner: { kind: 'instance', id: 'i-0a128d26e59be60f3' } }),
      eni('eni-0cbd69297d26de519', twenty, '10.1.20.173', [jump], { owner: { kind: 'instance', id: 'i-0a73a1a6021c03ddb' } }),
    ],
  });
}

/** test-public-subnet (us-east-2): the "VPC with a single public subnet" wizard; the instance has an EIP. */
export function publicSubnetSnapshot(): Model {
  const v = 'vpc-0672bce73895d7252';
  const sn = subnet('subnet-0bb82ae8b3ea5dc78', v, '10.0.0.0/24', 'Public subnet');
  const wizard = 'sg-09ccba6656672061b';
  return model({
    vpcs: [vpc(v, '10.0.0.0/16')], subnets: [sn],
    internetGateways: [{ id: 'igw-0a409e562d251f766', vpcId: v }],
    routeTables: [
      routeTable('rtb-0489000c9e6c299e8', v, [route('10.0.0.0/16', { kind: 'local' }), route('0.0.0.0/0', { kind: 'internet-gateway', id: 'igw-0a409e562d251f766' })], { subnetIds: [sn.id] }),
      routeTable('rtb-0a7b14443588910ad', v, [route('10.0.0.0/16', { kind: 'local' })], { main: true }),
    ],
    networkAcls: [acl('acl-0d9449710ec85473c', v, [sn.id], 'allowAll', true)],
    securityGroups: [sg(wizard, v, [ssh], [allOut], 'launch-wizard-1')],
    networkInterfaces: [
      eni('eni-i-06669a407b2ef3ae5', sn, '10.0.0.91', [wizard], { publicIp: '18.216.80.133', owner: { kind: 'instance', id: 'i-06669a407b2ef3ae5' } }),
      // Batfish starts a flow in the subnet from 10.0.0.92, an address with no public IP.
      eni('eni-no-public-ip', sn, '10.0.0.92', [wizard]),
    ],
  });
}

/** test-subnet (us-east-2): one subnet, two instances whose groups allow only tcp/22 in. */
export function subnetSnapshot(): Model {
  const v = 'vpc-062867d29dbf9386f';
  const sn = subnet('subnet-06c8307e34ffadb04', v, '10.10.1.0/24');
  return model({
    vpcs: [vpc(v, '10.10.0.0/16')], subnets: [sn],
    routeTables: [routeTable('rtb-07243bb4843d61c35', v, [route('10.10.0.0/16', { kind: 'local' })], { main: true })],
    networkAcls: [acl('acl-07102431133dec52a', v, [sn.id], 'allowAll', true)],
    securityGroups: [
      sg('sg-02566e413c0030c70', v, [ssh], [allOut], 'launch-wizard-1'),
      sg('sg-03dbad9f9c0cd1949', v, [ssh], [allOut], 'launch-wizard-2'),
    ],
    networkInterfaces: [
      eni('eni-i-08ef86e76fceabd8d', sn, '10.10.1.228', ['sg-02566e413c0030c70'], { owner: { kind: 'instance', id: 'i-08ef86e76fceabd8d' } }),
      eni('eni-i-07519d6ba3f9497e4', sn, '10.10.1.44', ['sg-03dbad9f9c0cd1949'], { owner: { kind: 'instance', id: 'i-07519d6ba3f9497e4' } }),
    ],
  });
}

/** test-vpc-endpoint-gateway (us-east-1): an S3 gateway endpoint on a public and a private subnet. */
export function gatewayEndpointSnapshot(): Model {
  const v = 'vpc-05d56c7295fca139b';
  const pub = subnet('subnet-04391f04b912d0a73', v, '10.1.1.0/24', 'testing_10.1.1.0/24');
  const priv = subnet('subnet-01e5f0945f6d6f47c', v, '10.1.101.0/24', 'testing_10.1.101.0/24');
  const testing = 'sg-0ba8692418a4ae00e';
  const toS3 = route('pl-63a5400a', { kind: 'gateway-endpoint', id: 'vpce-0b7357542bb7b83ec' });
  return model({
    vpcs: [vpc(v, '10.1.0.0/16')], subnets: [pub, priv],
    internetGateways: [{ id: 'igw-0c8afe4471084ccba', vpcId: v }],
    prefixLists: [
      { id: 'pl-63a5400a', name: 'com.amazonaws.us-east-1.s3', cidrs: ['54.231.0.0/17', '52.216.0.0/15', '3.5.16.0/21', '3.5.0.0/20'] },
      { id: 'pl-02cd2c6b', name: 'com.amazonaws.us-east-1.dynamodb', cidrs: ['52.94.0.0/22', '52.119.224.0/20'] },
    ],
    vpcEndpoints: [{
      id: 'vpce-0b7357542bb7b83ec', vpcId: v, region: 'us-east-1', serviceName: 'com.amazonaws.us-east-1.s3', type: 'Gateway',
      privateDnsEnabled: false, subnetIds: [], securityGroupIds: [], networkInterfaceIds: [],
      routeTableIds: ['rtb-04f71fc2caa8d94cf', 'rtb-0efde4139784b75b0'],
    }],
    routeTables: [
      routeTable('rtb-04f71fc2caa8d94cf', v, [route('10.1.0.0/16', { kind: 'local' }), toS3], { subnetIds: [priv.id], name: 'testing-noigw' }),
      routeTable('rtb-04b2f3cdc92b48b05', v, [route('10.1.0.0/16', { kind: 'local' })], { main: true }),
      routeTable('rtb-0efde4139784b75b0', v, [route('10.1.0.0/16', { kind: 'local' }), route('0.0.0.0/0', { kind: 'internet-gateway', id: 'igw-0c8afe4471084ccba' }), toS3], { subnetIds: [pub.id], name: 'testing-igw' }),
    ],
    networkAcls: [
      acl('acl-02e578d1a3e0ce403', v, [], 'allowAll', true),
      acl('acl-086ba598bbf8e5d89', v, [priv.id, pub.id], [entry(1000, true, 'allow', '0.0.0.0/0'), entry(1000, false, 'allow', '0.0.0.0/0')]),
    ],
    securityGroups: [sg(testing, v, [rule('udp', [33434, 33534], { cidrIpv4: '0.0.0.0/0' }), ssh, rule('tcp', 443, { cidrIpv4: '0.0.0.0/0' })], [allOut], 'testing_sg')],
    networkInterfaces: [
      eni('eni-i-0464d440ca0ee9e34', pub, '10.1.1.169', [testing], { publicIp: '18.206.223.222', owner: { kind: 'instance', id: 'i-0464d440ca0ee9e34' } }),
      eni('eni-i-01c6c0647fdccc89e', priv, '10.1.101.36', [testing], { owner: { kind: 'instance', id: 'i-01c6c0647fdccc89e' } }),
    ],
  });
}

/** test-vpc-endpoint-interface (us-east-1): a (cloudtrail) interface endpoint ENI at 10.1.101.97. */
export function interfaceEndpointSnapshot(): Model {
  const v = 'vpc-072d45b801aeffef2';
  const pub = subnet('subnet-0611b848137c513d1', v, '10.1.1.0/24', 'testing_10.1.1.0/24');
  const priv = subnet('subnet-0bb8615d8368ece31', v, '10.1.101.0/24', 'testing_10.1.101.0/24');
  const testing = 'sg-0973207c61f3466e1';
  return model({
    vpcs: [vpc(v, '10.1.0.0/16', 'testing')], subnets: [pub, priv],
    internetGateways: [{ id: 'igw-051ef323d8b6da33a', vpcId: v }],
    routeTables: [
      routeTable('rtb-07e4f0e11d543c220', v, [route('10.1.0.0/16', { kind: 'local' }), route('0.0.0.0/0', { kind: 'internet-gateway', id: 'igw-051ef323d8b6da33a' })], { subnetIds: [priv.id, pub.id], name: 'testing-igw' }),
      routeTable('rtb-0b6aa7ed8aa28057b', v, [route('10.1.0.0/16', { kind: 'local' })], { main: true }),
    ],
    networkAcls: [
      acl('acl-0269f6ed3ea39deda', v, [], 'allowAll', true),
      acl('acl-011135a03c2212fe9', v, [pub.id, priv.id], [entry(1000, true, 'allow', '0.0.0.0/0'), entry(1000, false, 'allow', '0.0.0.0/0')]),
    ],
    securityGroups: [sg(testing, v, [rule('udp', [33434, 33534], { cidrIpv4: '0.0.0.0/0' }), ssh, rule('icmp', [8, 0], { cidrIpv4: '0.0.0.0/0' }), rule('tcp', 443, { cidrIpv4: '0.0.0.0/0' })], [allOut], 'testing_sg')],
    networkInterfaces: [
      eni('eni-0084b734451ba23ca', priv, '10.1.101.97', [testing], { owner: { kind: 'vpc-endpoint', id: 'vpce-083c683a6be29b889' } }),
      eni('eni-03ffdf7beb0ee9a00', pub, '10.1.1.88', [testing], { publicIp: '3.86.201.253', owner: { kind: 'instance', id: 'i-0eb6eb395a0d09117' } }),
      eni('eni-049c6a0839a3348e8', priv, '10.1.101.63', [testing], { owner: { kind: 'instance', id: 'i-0a0fbd0cfa774970f' } }),
    ],
  });
}
