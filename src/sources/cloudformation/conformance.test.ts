// Every conformance scenario's template loads with no problems and gives the elements its checks rely on.
import { describe, expect, it } from 'vitest';
import { isKnown, type Model } from '../../model/index.js';
import { contains, parseBlock } from './cidr.js';
import { conformanceFiles, loadScenario } from './test-support.js';

function eniOf(model: Model, ownerKind: string, name?: string) {
  return model.networkInterfaces.filter((e) => e.owner.kind === ownerKind && (!name || e.name === name));
}

function inBlock(ip: unknown, cidr: string): boolean {
  return typeof ip === 'string' && contains(parseBlock(cidr)!, ip);
}

describe('conformance templates', () => {
  it.each(conformanceFiles())('%s loads without problems', (file) => {
    const { model, problems } = loadScenario(file);
    expect(problems).toEqual([]);
    expect(model.vpcs).toHaveLength(1);
    expect(model.instances.map((i) => i.name)).toContain('AppInstance');
    expect(model.stacks).toHaveLength(1);
    expect(model.notes.filter((n) => n.code === 'made-up-id')).toHaveLength(1);
  });

  it('01: VPC with DNS on, execute-api endpoint with private DNS, instance with a public IP, REGIONAL API dev /items GET', () => {
    const { model } = loadScenario('01-public-api-default-url-private-dns-403.yaml');
    const vpc = model.vpcs[0]!;
    expect(vpc.enableDnsSupport).toBe(true);
    expect(vpc.enableDnsHostnames).toBe(true);
    expect(vpc.cidrBlocks).toEqual(['10.0.0.0/16']);
    const endpoint = model.vpcEndpoints[0]!;
    expect(endpoint.serviceName).toBe('com.amazonaws.ap-northeast-1.execute-api');
    expect(endpoint.type).toBe('Interface');
    expect(endpoint.privateDnsEnabled).toBe(true);
    expect(endpoint.privateDnsOrigin?.line).toBeGreaterThan(0);
    expect(endpoint.id).toMatch(/^vpce-[0-9a-f]{17}$/);
    expect(endpoint.networkInterfaceIds).toHaveLength(1);
    const endpointEni = model.networkInterfaces.find((e) => e.id === endpoint.networkInterfaceIds[0])!;
    expect(inBlock(endpointEni.privateIps[0], '10.0.1.0/24')).toBe(true);
    expect(endpointEni.securityGroupIds).toEqual([model.securityGroups.find((g) => g.name === 'EndpointSecurityGroup')!.id]);
    const [appEni] = eniOf(model, 'instance', 'AppInstance');
    expect(appEni!.publicIp).toMatch(/^203\.0\.113\.\d+$/);
    expect(appEni!.publicIpOrigin?.line).toBeGreaterThan(0);
    expect(inBlock(appEni!.privateIps[0], '10.0.1.0/24')).toBe(true);
    const api = model.apis[0]!;
    expect(api.kind).toBe('REST');
    expect(api.endpointType).toBe('REGIONAL');
    expect(api.id).toMatch(/^[a-z0-9]{10}$/);
    expect(api.stages).toEqual([expect.objectContaining({ name: 'dev' })]);
    expect(api.resources).toContainEqual(expect.objectContaining({ path: '/items', methods: ['GET'] }));
    // The public route table sends 0.0.0.0/0 to the internet gateway, and the subnet is associated with it.
    const subnet = model.subnets[0]!;
    const rt = model.routeTables.find((r) => r.subnetIds.includes(subnet.id))!;
    expect(rt.routes).toContainEqual(expect.objectContaining({ destinationCidr: '0.0.0.0/0', target: { kind: 'internet-gateway', id: model.internetGateways[0]!.id } }));
    expect(model.internetGateways[0]!.vpcId).toBe(vpc.id);
    // Security group rules: the endpoint's allows 443 from the VPC range; the app's has only the implicit egress.
    const endpointSg = model.securityGroups.find((g) => g.name === 'EndpointSecurityGroup')!;
    expect(endpointSg.ingress).toEqual([expect.objectContaining({ protocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: '10.0.0.0/16' })]);
    expect(model.securityGroups.find((g) => g.name === 'AppSecurityGroup')!.egress).toEqual([expect.objectContaining({ protocol: '-1', cidrIpv4: '0.0.0.0/0', implicit: true })]);
    // What AWS creates with the VPC: main route table, default ACL (rule 100 both ways), default security group.
    expect(model.routeTables.filter((r) => r.main)).toHaveLength(1);
    const acl = model.networkAcls.find((a) => a.isDefault)!;
    expect(acl.entries.map((e) => [e.ruleNumber, e.egress, e.action])).toEqual([[100, false, 'allow'], [100, true, 'allow']]);
    expect(model.securityGroups.find((g) => g.groupName === 'default')).toBeDefined();
  });

  it('02: EDGE custom domain with a made-up CloudFront name and a root mapping; PRIVATE API policy names the endpoint', () => {
    const { model } = loadScenario('02-edge-custom-domain-fix.yaml');
    const domain = model.domainNames[0]!;
    expect(domain.domainName).toBe('api.example.com');
    expect(domain.endpointType).toBe('EDGE');
    expect(domain.distributionDomainName).toMatch(/^d[a-z0-9]{13}\.cloudfront\.net$/);
    const publicApi = model.apis.find((a) => a.name === 'PublicApi')!;
    expect(domain.mappings).toEqual([expect.objectContaining({ basePath: '', apiId: publicApi.id, stage: 'dev' })]);
    const privateApi = model.apis.find((a) => a.name === 'PrivateApi')!;
    expect(privateApi.endpointType).toBe('PRIVATE');
    expect(privateApi.policy).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*',
        Condition: { StringEquals: { 'aws:SourceVpce': model.vpcEndpoints[0]!.id } },
      }],
    });
    const stack = model.stacks[0]!;
    expect(stack.resources.ApiDomain!.attributes.DistributionDomainName).toBe(domain.distributionDomainName);
    expect(stack.resources.ApiDomain!.attributes.DistributionHostedZoneId).toBe('Z2FDTNDATAQYW2');
    expect(stack.resources.PrivateApi!.ref).toBe(privateApi.id);
  });

  it('04: no EndpointConfiguration Types other than EDGE; 08: VpcEndpointIds', () => {
    expect(loadScenario('04-edge-api-default-url-private-dns-403.yaml').model.apis[0]!.endpointType).toBe('EDGE');
    const { model } = loadScenario('08-private-api-vpce-alias-name.yaml');
    expect(model.apis[0]!.vpcEndpointIds).toEqual([model.vpcEndpoints[0]!.id]);
    expect(model.vpcEndpoints[0]!.privateDnsEnabled).toBe(false);
  });

  it('07: an instance without a public IP in an isolated subnet', () => {
    const { model } = loadScenario('07-private-api-default-url-private-dns.yaml');
    const eni = eniOf(model, 'instance')[0]!;
    expect(eni.publicIp).toBeUndefined();
    const rt = model.routeTables.find((r) => r.subnetIds.includes(eni.subnetId))!;
    expect(rt.routes).toEqual([]);
  });

  it('11: NAT gateway with the EIP public address in the public subnet, private route through it', () => {
    const { model } = loadScenario('11-public-api-via-nat-private-dns-off.yaml');
    const nat = model.natGateways[0]!;
    expect(nat.id).toMatch(/^nat-[0-9a-f]{17}$/);
    expect(nat.publicIp).toBe(model.stacks[0]!.resources.NatEip!.ref);
    expect(nat.subnetId).toBe(model.subnets.find((s) => s.name === 'PublicSubnet')!.id);
    expect(inBlock(nat.privateIp, '10.0.1.0/24')).toBe(true);
    const privateSubnet = model.subnets.find((s) => s.name === 'PrivateSubnet')!;
    const rt = model.routeTables.find((r) => r.subnetIds.includes(privateSubnet.id))!;
    expect(rt.routes).toEqual([expect.objectContaining({ destinationCidr: '0.0.0.0/0', target: { kind: 'nat-gateway', id: nat.id } })]);
    expect(eniOf(model, 'nat-gateway')).toHaveLength(1);
    expect(eniOf(model, 'instance')[0]!.publicIp).toBeUndefined();
  });

  it('12: private zone for execute-api with an alias to the endpoint regional DNS name from DnsEntries', () => {
    const { model } = loadScenario('12-customer-zone-shadows-public-api.yaml');
    const zone = model.hostedZones[0]!;
    expect(zone.private).toBe(true);
    expect(zone.zoneName).toBe('execute-api.us-east-1.amazonaws.com');
    expect(zone.vpcs).toEqual([{ vpcId: model.vpcs[0]!.id, region: 'us-east-1' }]);
    const endpoint = model.vpcEndpoints[0]!;
    const record = zone.records[0]!;
    expect(record.name).toBe(`${model.apis.find((a) => a.name === 'PrivateApi')!.id}.execute-api.us-east-1.amazonaws.com`);
    expect(record.alias?.dnsName).toBe(endpoint.dnsNames![0]);
    expect(endpoint.dnsNames![0]).toMatch(new RegExp(`^${endpoint.id}-[a-z0-9]{8}\\.execute-api\\.us-east-1\\.vpce\\.amazonaws\\.com$`));
    expect(record.alias?.hostedZoneId).toMatch(/^Z[A-Z0-9]{13,21}$/);
  });

  it('13: the endpoint security group allows only the batch subnet', () => {
    const { model } = loadScenario('13-endpoint-security-group-denies.yaml');
    const sg = model.securityGroups.find((g) => g.name === 'EndpointSecurityGroup')!;
    expect(sg.ingress).toEqual([expect.objectContaining({ cidrIpv4: '10.0.2.0/24', description: 'batch subnet only' })]);
  });

  it('15: DisableExecuteApiEndpoint; 14: stage prod', () => {
    expect(loadScenario('15-default-endpoint-disabled.yaml').model.apis[0]!.disableExecuteApiEndpoint).toBe(true);
    expect(loadScenario('14-wrong-stage-or-path-403.yaml').model.apis[0]!.stages).toEqual([expect.objectContaining({ name: 'prod' })]);
  });

  it('16: HTTP API, REGIONAL, $default stage, route GET /items', () => {
    const { model } = loadScenario('16-http-api-default-url-private-dns.yaml');
    const api = model.apis[0]!;
    expect(api.kind).toBe('HTTP');
    expect(api.endpointType).toBe('REGIONAL');
    expect(api.stages).toEqual([expect.objectContaining({ name: '$default' })]);
    expect(api.resources).toEqual([expect.objectContaining({ path: '/items', methods: ['GET'] })]);
  });

  it('17: a VPC Lambda function has one ENI per subnet and never a public IP', () => {
    const { model } = loadScenario('17-lambda-no-public-ip-edge-domain.yaml');
    const fn = model.lambdaFunctions[0]!;
    expect(fn.name).toBe('ItemsClientFunction');
    expect(fn.networkInterfaceIds).toHaveLength(1);
    const eni = model.networkInterfaces.find((e) => e.id === fn.networkInterfaceIds[0])!;
    expect(eni.owner).toEqual({ kind: 'lambda', id: fn.id });
    expect(eni.publicIp).toBeUndefined();
    expect(eni.securityGroupIds).toEqual([model.securityGroups.find((g) => g.name === 'FunctionSecurityGroup')!.id]);
    expect(isKnown(eni.privateIps[0])).toBe(true);
  });

  it('made-up ids are stable from one load to the next', () => {
    const a = loadScenario('02-edge-custom-domain-fix.yaml').model;
    const b = loadScenario('02-edge-custom-domain-fix.yaml').model;
    expect(JSON.stringify(a.stacks)).toBe(JSON.stringify(b.stacks));
  });
});
