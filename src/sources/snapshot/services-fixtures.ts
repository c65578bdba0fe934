// A hand-made one-account snapshot (ap-northeast-1) with API Gateway, Route 53, Resolver and Lambda answers.
import { tags } from './test-fixtures.js';

export const R = 'ap-northeast-1';
export const ACCOUNT = '111111111111';
export const at = (file: string) => `aws_configs/${R}/${file}`;
export const policy = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*', Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-0e1' } } }],
};
/** API Gateway returns policies with their quotes escaped once more. */
const escaped = JSON.stringify(policy).replace(/"/g, '\\"');
export const domainArn = `arn:aws:apigateway:${R}:${ACCOUNT}:/domainnames/private.example.com+x1y2z3`;

export const SERVICES_SNAPSHOT: Record<string, unknown> = {
  'manifest.json': { format: 'vpcpath-snapshot', version: 1, accounts: [ACCOUNT], identity: { account: ACCOUNT, arn: 'arn:aws:iam::111111111111:user/a' }, regions: [R], calls: [] },
  [at('Vpcs.json')]: { Vpcs: [{ VpcId: 'vpc-0a1', CidrBlock: '10.0.0.0/16', DhcpOptionsId: 'dopt-1', IsDefault: false, OwnerId: ACCOUNT, Tags: tags('app-vpc') }] },
  [at('VpcAttributes.json')]: { VpcAttributes: [{ VpcId: 'vpc-0a1', EnableDnsSupport: { Value: true }, EnableDnsHostnames: { Value: true } }] },
  [at('DhcpOptions.json')]: { DhcpOptions: [{ DhcpOptionsId: 'dopt-1', DhcpConfigurations: [{ Key: 'domain-name-servers', Values: [{ Value: 'AmazonProvidedDNS' }] }] }] },
  [at('Subnets.json')]: { Subnets: [
    { SubnetId: 'subnet-a', VpcId: 'vpc-0a1', CidrBlock: '10.0.1.0/24', AvailabilityZone: `${R}a`, MapPublicIpOnLaunch: false },
    { SubnetId: 'subnet-b', VpcId: 'vpc-0a1', CidrBlock: '10.0.2.0/24', AvailabilityZone: `${R}c`, MapPublicIpOnLaunch: false },
  ] },
  [at('RouteTables.json')]: { RouteTables: [{ RouteTableId: 'rtb-main', VpcId: 'vpc-0a1', Associations: [{ Main: true, RouteTableId: 'rtb-main' }], Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' }] }] },
  [at('NetworkAcls.json')]: { NetworkAcls: [{ NetworkAclId: 'acl-1', VpcId: 'vpc-0a1', IsDefault: true, Associations: [], Entries: [true, false].flatMap((Egress) => [
    { RuleNumber: 100, Egress, Protocol: '-1', RuleAction: 'allow', CidrBlock: '0.0.0.0/0' },
    { RuleNumber: 32767, Egress, Protocol: '-1', RuleAction: 'deny', CidrBlock: '0.0.0.0/0' },
  ]) }] },
  [at('SecurityGroups.json')]: { SecurityGroups: [
    { GroupId: 'sg-lambda', GroupName: 'lambda', VpcId: 'vpc-0a1', IpPermissions: [], IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] },
    { GroupId: 'sg-endpoint', GroupName: 'endpoint', VpcId: 'vpc-0a1', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '10.0.0.0/16' }] }], IpPermissionsEgress: [] },
  ] },
  [at('NetworkInterfaces.json')]: { NetworkInterfaces: [
    { NetworkInterfaceId: 'eni-vpce-a', SubnetId: 'subnet-a', VpcId: 'vpc-0a1', PrivateIpAddress: '10.0.1.50', InterfaceType: 'vpc_endpoint', Description: 'VPC Endpoint Interface vpce-0e1', Groups: [{ GroupId: 'sg-endpoint' }], RequesterManaged: true },
    { NetworkInterfaceId: 'eni-lambda-a', SubnetId: 'subnet-a', VpcId: 'vpc-0a1', PrivateIpAddress: '10.0.1.60', InterfaceType: 'lambda', Description: 'AWS Lambda VPC ENI-orders-0f1c2d3e-1111-2222-3333-444455556666', Groups: [{ GroupId: 'sg-lambda' }], Association: { PublicIp: '54.1.1.1' } },
    { NetworkInterfaceId: 'eni-rslvr-b', SubnetId: 'subnet-b', VpcId: 'vpc-0a1', PrivateIpAddress: '10.0.2.53', Description: 'Route 53 Resolver: rslvr-in-abc123:rni-xyz', Groups: [{ GroupId: 'sg-endpoint' }] },
  ] },
  [at('VpcEndpoints.json')]: { VpcEndpoints: [{
    VpcEndpointId: 'vpce-0e1', VpcEndpointType: 'Interface', VpcId: 'vpc-0a1', ServiceName: `com.amazonaws.${R}.execute-api`, State: 'available',
    PolicyDocument: JSON.stringify({ Statement: { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' } }),
    SubnetIds: ['subnet-a'], Groups: [{ GroupId: 'sg-endpoint', GroupName: 'endpoint' }], NetworkInterfaceIds: ['eni-vpce-a'], RouteTableIds: [], PrivateDnsEnabled: true,
    DnsEntries: [
      { DnsName: `vpce-0e1-abcd.execute-api.${R}.vpce.amazonaws.com`, HostedZoneId: 'Z2E726K9Y6RL4W' },
      { DnsName: `vpce-0e1-abcd-${R}a.execute-api.${R}.vpce.amazonaws.com`, HostedZoneId: 'Z2E726K9Y6RL4W' },
      { DnsName: `*.execute-api.${R}.amazonaws.com`, HostedZoneId: 'ZONEPRIVATE' },
    ],
  }] },
  [at('Functions.json')]: { Functions: [
    { FunctionName: 'orders', FunctionArn: `arn:aws:lambda:${R}:${ACCOUNT}:function:orders`, VpcConfig: { SubnetIds: ['subnet-a', 'subnet-b'], SecurityGroupIds: ['sg-lambda'], VpcId: 'vpc-0a1' } },
    { FunctionName: 'no-vpc', FunctionArn: `arn:aws:lambda:${R}:${ACCOUNT}:function:no-vpc` },
  ] },
  [at('ResolverRules.json')]: { ResolverRules: [
    { Id: 'rslvr-rr-1', Name: 'corp', DomainName: 'corp.example.com.', RuleType: 'FORWARD', TargetIps: [{ Ip: '192.168.0.2', Port: 53 }], ResolverEndpointId: 'rslvr-out-1' },
    { Id: 'rslvr-autodefined-rr-internet-resolver', Name: 'Internet Resolver', DomainName: '.', RuleType: 'RECURSIVE' },
  ] },
  [at('ResolverRuleAssociations.json')]: { ResolverRuleAssociations: [
    { Id: 'rslvr-rrassoc-1', ResolverRuleId: 'rslvr-rr-1', VPCId: 'vpc-0a1', Status: 'COMPLETE' },
    { Id: 'rslvr-rrassoc-2', ResolverRuleId: 'rslvr-rr-shared-gone', VPCId: 'vpc-0a1', Status: 'COMPLETE' },
  ] },
  [at('ResolverEndpoints.json')]: { ResolverEndpoints: [{
    Id: 'rslvr-in-abc123', Name: 'inbound', Direction: 'INBOUND', HostVPCId: 'vpc-0a1', SecurityGroupIds: ['sg-endpoint'],
    IpAddresses: [{ IpId: 'rni-xyz', SubnetId: 'subnet-b', Ip: '10.0.2.53', Status: 'ATTACHED' }, { IpId: 'rni-2', SubnetId: 'subnet-a', Ip: '10.0.1.53', Status: 'ATTACHED' }],
  }] },
  [at('RestApis.json')]: { items: [
    { id: 'a1b2c3d4e5', name: 'orders-api', endpointConfiguration: { types: ['PRIVATE'], vpcEndpointIds: ['vpce-0e1'] }, policy: escaped, disableExecuteApiEndpoint: false },
    { id: 'f6g7h8i9j0', name: 'public-api', endpointConfiguration: { types: ['REGIONAL'] }, tags: { Name: 'Public API' } },
  ] },
  [at('apigateway/restapis/a1b2c3d4e5/Stages.json')]: { item: [{ stageName: 'prod', deploymentId: 'd1' }] },
  [at('apigateway/restapis/a1b2c3d4e5/Resources.json')]: { items: [
    { id: 'r0', path: '/' },
    { id: 'r1', parentId: 'r0', pathPart: 'items', path: '/items', resourceMethods: { GET: {}, ANY: {} } },
  ] },
  [at('DomainNames.json')]: { items: [
    { domainName: 'api.example.com', endpointConfiguration: { types: ['REGIONAL'] }, regionalDomainName: `d-abc.execute-api.${R}.amazonaws.com` },
    { domainName: 'private.example.com', domainNameId: 'x1y2z3', domainNameArn: domainArn, endpointConfiguration: { types: ['PRIVATE'] }, policy: escaped },
  ] },
  [at('apigateway/domainnames/api.example.com/BasePathMappings.json')]: { items: [{ basePath: '(none)', restApiId: 'f6g7h8i9j0', stage: 'prod' }] },
  [at('apigateway/domainnames/private.example.com+x1y2z3/BasePathMappings.json')]: { items: [{ basePath: 'orders', restApiId: 'a1b2c3d4e5', stage: 'prod' }] },
  [at('DomainNameAccessAssociations.json')]: { items: [{ domainNameAccessAssociationArn: `arn:aws:apigateway:${R}:${ACCOUNT}:/domainnameaccessassociations/1`, domainNameArn: domainArn, accessAssociationSource: 'vpce-0e1', accessAssociationSourceType: 'VPCE' }] },
  [at('Apis.json')]: { Items: [{ ApiId: 'h1t2t3p4a5', Name: 'http-api', ProtocolType: 'HTTP', DisableExecuteApiEndpoint: true }] },
  [at('apigatewayv2/apis/h1t2t3p4a5/Stages.json')]: { Items: [{ StageName: '$default', AutoDeploy: true }] },
  [at('apigatewayv2/apis/h1t2t3p4a5/Routes.json')]: { Items: [{ RouteKey: 'GET /items' }, { RouteKey: '$default' }, { RouteKey: 'POST /items/' }] },
  [at('DomainNamesV2.json')]: { Items: [
    { DomainName: 'api.example.com', DomainNameConfigurations: [{ EndpointType: 'REGIONAL', ApiGatewayDomainName: `d-abc.execute-api.${R}.amazonaws.com` }] },
    { DomainName: 'http.example.com', DomainNameConfigurations: [{ EndpointType: 'REGIONAL', ApiGatewayDomainName: `d-def.execute-api.${R}.amazonaws.com` }] },
  ] },
  [at('apigatewayv2/domainnames/api.example.com/ApiMappings.json')]: { Items: [{ ApiId: 'f6g7h8i9j0', ApiMappingKey: '', Stage: 'prod' }, { ApiId: 'h1t2t3p4a5', ApiMappingKey: 'v2', Stage: '$default' }] },
  [at('apigatewayv2/domainnames/http.example.com/ApiMappings.json')]: { Items: [{ ApiId: 'h1t2t3p4a5', ApiMappingKey: '', Stage: '$default' }] },
  'aws_configs/global/HostedZones.json': { HostedZones: [
    { Id: '/hostedzone/Z0PRIVATE', Name: 'example.internal.', Config: { PrivateZone: true } },
    { Id: '/hostedzone/Z0PUBLIC', Name: 'example.com.', Config: { PrivateZone: false } },
    { Id: '/hostedzone/Z0NOVPCS', Name: 'other.internal.', Config: { PrivateZone: true } },
  ] },
  'aws_configs/global/route53/Z0PRIVATE/HostedZone.json': { HostedZone: { Id: '/hostedzone/Z0PRIVATE', Name: 'example.internal.' }, VPCs: [{ VPCRegion: R, VPCId: 'vpc-0a1' }] },
  'aws_configs/global/route53/Z0PRIVATE/ResourceRecordSets.json': { ResourceRecordSets: [
    { Name: '\\052.example.internal.', Type: 'A', AliasTarget: { HostedZoneId: 'Z2E726K9Y6RL4W', DNSName: `VPCE-0E1-abcd.execute-api.${R}.vpce.amazonaws.com.`, EvaluateTargetHealth: false } },
    { Name: 'db.example.internal.', Type: 'CNAME', TTL: 300, ResourceRecords: [{ Value: 'DB.Cluster.Example.' }] },
    { Name: 'example.internal.', Type: 'SOA', TTL: 900, ResourceRecords: [{ Value: 'ns-1.awsdns-00.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400' }] },
  ] },
  'aws_configs/global/route53/Z0PUBLIC/ResourceRecordSets.json': { ResourceRecordSets: [
    { Name: 'api.example.com.', Type: 'A', AliasTarget: { HostedZoneId: 'Z1YSHQZHG15GKL', DNSName: `d-abc.execute-api.${R}.amazonaws.com.`, EvaluateTargetHealth: false } },
  ] },
  'aws_configs/global/route53/Z0NOVPCS/ResourceRecordSets.json': { ResourceRecordSets: [] },
  'aws_configs/global/PublicDns.json': { PublicDnsAnswers: [{ name: 'http.example.com', type: 'CNAME', value: `d-def.execute-api.${R}.amazonaws.com` }] },
};

