// `vpcpath show`: what was understood from the inputs, grouped as an AWS engineer reads an account.
import pc from 'picocolors';
import { displayName, formatOrigin, isKnown, isUnknown, ModelIndex, type Maybe, type Model, type RouteTarget } from '../model/index.js';

const fmt = (v: Maybe<unknown> | undefined): string =>
  v === undefined ? '-' : isUnknown(v) ? `unknown (${v.reason})` : Array.isArray(v) ? v.map((x) => fmt(x)).join(', ') : String(v);

function target(t: RouteTarget): string {
  switch (t.kind) {
    case 'local': return 'local';
    case 'blackhole': return 'blackhole';
    case 'unknown': return `unknown (${t.reason})`;
    default: return `${t.kind} ${t.id}`;
  }
}

export function renderModel(model: Model, options: { color?: boolean } = {}): string {
  const c = pc.createColors(options.color ?? false);
  const index = new ModelIndex(model);
  const out: string[] = [];
  const at = (o: Parameters<typeof formatOrigin>[0]) => (o ? c.dim(`  ${formatOrigin(o)}`) : '');
  for (const vpc of model.vpcs) {
    out.push(c.bold(`VPC ${displayName(vpc)} ${vpc.id}`) + `  ${fmt(vpc.cidrBlocks)}  ${vpc.region}/${vpc.account}` + at(vpc.origin));
    out.push(`  DNS support ${fmt(vpc.enableDnsSupport)}, DNS hostnames ${fmt(vpc.enableDnsHostnames)}${vpc.dhcpOptionsId ? `, DHCP options ${vpc.dhcpOptionsId}` : ''}`);
    for (const subnet of model.subnets.filter((s) => s.vpcId === vpc.id)) {
      const rt = index.routeTableOf(subnet);
      const acl = index.networkAclOf(subnet);
      out.push(`  subnet ${displayName(subnet)} ${subnet.id} ${fmt(subnet.cidrBlock)}  route table ${rt ? displayName(rt) : 'none'}, ACL ${acl ? displayName(acl) : 'none'}${subnet.mapPublicIpOnLaunch ? ', public IPs on launch' : ''}` + at(subnet.origin));
    }
    for (const rt of model.routeTables.filter((r) => r.vpcId === vpc.id)) {
      out.push(`  route table ${displayName(rt)}${rt.main ? ' (main)' : ''}: local` + rt.routes.map((r) => `, ${fmt(r.destinationCidr ?? r.destinationPrefixListId)} -> ${target(r.target)}`).join(''));
    }
    for (const igw of model.internetGateways.filter((g) => g.vpcId === vpc.id)) out.push(`  internet gateway ${displayName(igw)} ${igw.id}`);
    for (const nat of model.natGateways.filter((g) => g.vpcId === vpc.id)) out.push(`  NAT gateway ${displayName(nat)} ${nat.id} (${nat.connectivityType}) in ${nat.subnetId}, public ${fmt(nat.publicIp)}`);
    for (const ep of model.vpcEndpoints.filter((e) => e.vpcId === vpc.id)) {
      const ips = ep.networkInterfaceIds.map((id) => fmt(index.networkInterfaces.get(id)?.privateIps[0])).join(', ');
      out.push(`  endpoint ${displayName(ep)} ${ep.id} ${ep.type} ${fmt(ep.serviceName)}${ep.type === 'Interface' ? `, private DNS ${ep.privateDnsEnabled ? 'on' : 'off'}, ENIs ${ips || 'none'}` : ''}${ep.policy ? ', custom policy' : ''}` + at(ep.origin));
    }
    for (const i of model.instances) {
      const eni = index.networkInterfaces.get(i.networkInterfaceIds[0] ?? '');
      if (eni?.vpcId !== vpc.id) continue;
      out.push(`  instance ${displayName(i)} ${i.id} ${fmt(eni.privateIps[0])} public ${eni.publicIp === undefined ? 'none' : fmt(eni.publicIp)} in ${eni.subnetId}, groups ${eni.securityGroupIds.join(', ')}` + at(i.origin));
    }
    for (const f of model.lambdaFunctions) {
      const enis = f.networkInterfaceIds.map((id) => index.networkInterfaces.get(id)).filter((e) => e?.vpcId === vpc.id);
      if (enis.length) out.push(`  Lambda ${displayName(f)} in ${enis.map((e) => e!.subnetId).join(', ')} (no public IP)` + at(f.origin));
    }
    for (const sg of model.securityGroups.filter((g) => g.vpcId === vpc.id)) {
      out.push(`  security group ${displayName(sg)} ${sg.id}: ${sg.ingress.length} inbound, ${sg.egress.length} outbound rules` + at(sg.origin));
    }
  }
  // Elements whose VPC is not in the model (a VPC id given as a parameter or imported from another stack).
  const orphanEndpoints = model.vpcEndpoints.filter((e) => !index.vpcs.has(e.vpcId));
  const orphanSubnets = model.subnets.filter((sub) => !index.vpcs.has(sub.vpcId));
  if (orphanEndpoints.length || orphanSubnets.length) out.push(c.bold('in a VPC that is not in the model'));
  for (const sub of orphanSubnets) out.push(`  subnet ${displayName(sub)} ${sub.id} ${fmt(sub.cidrBlock)}, VPC ${fmt(index.unresolvedReason(sub.vpcId)?.reason ?? sub.vpcId)}` + at(sub.origin));
  for (const ep of orphanEndpoints) {
    out.push(`  endpoint ${displayName(ep)} ${ep.id} ${ep.type} ${fmt(ep.serviceName)}${ep.type === 'Interface' ? `, private DNS ${ep.privateDnsEnabled ? 'on' : 'off'}` : ''}, VPC ${index.unresolvedReason(ep.vpcId)?.reason ?? ep.vpcId}` + at(ep.origin));
  }
  for (const z of model.hostedZones) {
    out.push(c.bold(`hosted zone ${fmt(z.zoneName)} ${z.id}`) + ` ${z.external ? '(not in the model)' : z.private ? `private, VPCs ${z.vpcs.map((v) => fmt(v.vpcId)).join(', ')}` : 'public'}` + at(z.origin));
    for (const r of z.records) out.push(`  ${fmt(r.name)} ${fmt(r.type)} ${r.alias ? `alias ${fmt(r.alias.dnsName)}` : fmt(r.values)}` + at(r.origin));
  }
  for (const rule of model.resolverRules) out.push(c.bold(`resolver rule ${displayName(rule)}`) + ` ${rule.ruleType} ${fmt(rule.domainName)} -> ${fmt(rule.targetIps)}, VPCs ${fmt(rule.vpcIds)}`);
  for (const api of model.apis) {
    const stages = isKnown(api.stages) ? api.stages.map((s) => s.name).join(', ') || (api.anyStage ? 'any' : 'none') : fmt(api.stages);
    const resources = isKnown(api.resources) ? api.resources.map((r) => `${r.methods.join('|')} ${r.path}`).join(', ') : fmt(api.resources);
    out.push(c.bold(`${api.kind} API ${displayName(api)} ${api.id}`) + ` ${fmt(api.endpointType)} in ${api.region}${api.fromFacts ? ' (facts)' : ''}` + at(api.origin));
    out.push(`  stages ${stages}; ${resources || 'no resources'}${api.policy ? '; resource policy' : ''}${api.disableExecuteApiEndpoint ? '; default endpoint disabled' : ''}${api.vpcEndpointIds.length ? `; endpoints ${fmt(api.vpcEndpointIds)}` : ''}`);
  }
  for (const d of model.domainNames) {
    out.push(c.bold(`domain ${d.domainName}`) + ` ${fmt(d.endpointType)} ${d.distributionDomainName ?? d.regionalDomainName ?? ''}` + at(d.origin));
    for (const m of d.mappings) out.push(`  /${m.basePath} -> ${fmt(m.apiId)} stage ${fmt(m.stage ?? '(from path)')}`);
  }
  for (const a of model.domainNameAccessAssociations) out.push(`access association ${fmt(a.vpcEndpointId)} -> ${fmt(a.domainNameArn)}`);
  for (const r of model.publicDns) out.push(`public DNS (facts) ${r.name} ${r.type} ${r.value}`);
  if (model.unresolvedReferences.length || model.unknowns.length) {
    out.push('', c.bold('UNKNOWNS'));
    for (const u of model.unresolvedReferences) out.push(`  ${u.reason}` + at(u.origin));
    for (const u of model.unknowns) out.push(`  ${u.reason}` + at(u.origin));
  }
  if (model.notes.length) {
    out.push('', c.bold('NOTES'));
    for (const n of model.notes) out.push(`  ${n.level === 'warning' ? c.yellow('warning') : 'note'}: ${n.message}` + at(n.origin));
  }
  return out.join('\n');
}
