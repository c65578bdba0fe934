// The seed example (examples/seed/) made through the AWS API in moto, for the collector's tests.
import * as agw from '@aws-sdk/client-api-gateway';
import * as agw2 from '@aws-sdk/client-apigatewayv2';
import * as ec2 from '@aws-sdk/client-ec2';
import * as r53 from '@aws-sdk/client-route-53';

export const REGION = 'ap-northeast-1';

export interface Seed { vpc: string; subnet: string; instance: string; endpoint: string; endpointSg: string; publicApi: string; privateApi: string; httpApi: string; zone: string }

/** The seed example (examples/seed/) made through the AWS API: the 403 story and the private API that works. */
export async function createSeed(endpoint: string): Promise<Seed> {
  const cfg = { region: REGION, endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  const e = new ec2.EC2Client(cfg);
  const vpc = (await e.send(new ec2.CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc!.VpcId!;
  await e.send(new ec2.ModifyVpcAttributeCommand({ VpcId: vpc, EnableDnsSupport: { Value: true } }));
  await e.send(new ec2.ModifyVpcAttributeCommand({ VpcId: vpc, EnableDnsHostnames: { Value: true } }));
  const subnet = (await e.send(new ec2.CreateSubnetCommand({ VpcId: vpc, CidrBlock: '10.0.1.0/24', AvailabilityZone: `${REGION}a` }))).Subnet!.SubnetId!;
  const igw = (await e.send(new ec2.CreateInternetGatewayCommand({}))).InternetGateway!.InternetGatewayId!;
  await e.send(new ec2.AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpc }));
  const rtb = (await e.send(new ec2.CreateRouteTableCommand({ VpcId: vpc }))).RouteTable!.RouteTableId!;
  await e.send(new ec2.CreateRouteCommand({ RouteTableId: rtb, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw }));
  await e.send(new ec2.AssociateRouteTableCommand({ RouteTableId: rtb, SubnetId: subnet }));
  const appSg = (await e.send(new ec2.CreateSecurityGroupCommand({ GroupName: 'app', Description: 'app', VpcId: vpc }))).GroupId!;
  const endpointSg = (await e.send(new ec2.CreateSecurityGroupCommand({ GroupName: 'endpoint', Description: 'execute-api endpoint', VpcId: vpc }))).GroupId!;
  await e.send(new ec2.AuthorizeSecurityGroupIngressCommand({ GroupId: endpointSg,
    IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '10.0.0.0/16' }] }] }));
  // Any image id: moto does not check it unless MOTO_ENABLE_AMI_VALIDATION is set.
  const instance = (await e.send(new ec2.RunInstancesCommand({ ImageId: 'ami-12c6146b', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1,
    NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: subnet, AssociatePublicIpAddress: true, Groups: [appSg] }] }))).Instances![0]!.InstanceId!;
  const endpointId = (await e.send(new ec2.CreateVpcEndpointCommand({ VpcId: vpc, ServiceName: `com.amazonaws.${REGION}.execute-api`,
    VpcEndpointType: 'Interface', SubnetIds: [subnet], SecurityGroupIds: [endpointSg], PrivateDnsEnabled: true }))).VpcEndpoint!.VpcEndpointId!;
  e.destroy();

  const a = new agw.APIGatewayClient(cfg);
  const getRoot = async (restApiId: string) => (await a.send(new agw.GetResourcesCommand({ restApiId }))).items!.find((r) => r.path === '/')!.id!;
  const mockGet = async (restApiId: string, resourceId: string) => {
    await a.send(new agw.PutMethodCommand({ restApiId, resourceId, httpMethod: 'GET', authorizationType: 'NONE' }));
    await a.send(new agw.PutIntegrationCommand({ restApiId, resourceId, httpMethod: 'GET', type: 'MOCK' }));
  };
  const publicApi = (await a.send(new agw.CreateRestApiCommand({ name: 'PublicApi', endpointConfiguration: { types: ['REGIONAL'] } }))).id!;
  const items = (await a.send(new agw.CreateResourceCommand({ restApiId: publicApi, parentId: await getRoot(publicApi), pathPart: 'items' }))).id!;
  await mockGet(publicApi, items);
  await a.send(new agw.CreateDeploymentCommand({ restApiId: publicApi, stageName: 'dev' }));
  const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke',
    Resource: 'execute-api:/*', Condition: { StringEquals: { 'aws:SourceVpce': endpointId } } }] });
  const privateApi = (await a.send(new agw.CreateRestApiCommand({ name: 'PrivateApi', policy,
    endpointConfiguration: { types: ['PRIVATE'], vpcEndpointIds: [endpointId] } }))).id!;
  await mockGet(privateApi, await getRoot(privateApi));
  await a.send(new agw.CreateDeploymentCommand({ restApiId: privateApi, stageName: 'prod' }));
  // A custom domain with one mapping: moto answers GetBasePathMappings on a domain without any with HTTP 500.
  await a.send(new agw.CreateDomainNameCommand({ domainName: 'api.example.com', endpointConfiguration: { types: ['REGIONAL'] },
    regionalCertificateArn: `arn:aws:acm:${REGION}:123456789012:certificate/11111111-2222-3333-4444-555555555555` }));
  await a.send(new agw.CreateBasePathMappingCommand({ domainName: 'api.example.com', restApiId: publicApi, stage: 'dev' }));
  a.destroy();

  const b = new agw2.ApiGatewayV2Client(cfg);
  const httpApi = (await b.send(new agw2.CreateApiCommand({ Name: 'HttpApi', ProtocolType: 'HTTP' }))).ApiId!;
  await b.send(new agw2.CreateRouteCommand({ ApiId: httpApi, RouteKey: 'GET /hello' }));
  await b.send(new agw2.CreateStageCommand({ ApiId: httpApi, StageName: '$default', AutoDeploy: true }));
  await b.send(new agw2.CreateDomainNameCommand({ DomainName: 'http.example.com', DomainNameConfigurations: [{ EndpointType: 'REGIONAL',
    CertificateArn: `arn:aws:acm:${REGION}:123456789012:certificate/66666666-7777-8888-9999-000000000000` }] }));
  await b.send(new agw2.CreateApiMappingCommand({ DomainName: 'http.example.com', ApiId: httpApi, Stage: '$default' }));
  b.destroy();

  const r = new r53.Route53Client(cfg);
  const zone = (await r.send(new r53.CreateHostedZoneCommand({ Name: 'internal.example.com', CallerReference: 'seed',
    HostedZoneConfig: { PrivateZone: true, Comment: 'seed' }, VPC: { VPCRegion: REGION, VPCId: vpc } }))).HostedZone!.Id!.replace('/hostedzone/', '');
  await r.send(new r53.ChangeResourceRecordSetsCommand({ HostedZoneId: zone, ChangeBatch: { Changes: [{ Action: 'CREATE',
    ResourceRecordSet: { Name: 'db.internal.example.com', Type: 'A', TTL: 60, ResourceRecords: [{ Value: '10.0.1.20' }] } }] } }));
  r.destroy();
  return { vpc, subnet, instance, endpoint: endpointId, endpointSg, publicApi, privateApi, httpApi, zone };
}

