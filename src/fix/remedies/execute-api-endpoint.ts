// R3, R24 (i), R31, R22: the caller's VPC has no execute-api interface endpoint, so the private API's name resolves
// publicly and the request reaches the public front door, which does not serve private APIs (R9). Add one in the
// workload's subnet with private DNS on, behind a new security group that admits tcp/443 from the VPC's range.
// Private DNS captures every public API's default URL in the Region too (R4, R12): the engine lists those calls.
// Where the API's resource policy pins other endpoints (aws:SourceVpce, R20), the new one is allowed there too.
import ipaddr from 'ipaddr.js';
import {
  isKnown, type Api, type Model, type NetworkInterface, type SecurityGroup, type Subnet, type VpcEndpoint,
} from '../../model/index.js';
import { traceRequest } from '../../sim/trace-request.js';
import { addElements, client, fromTemplate, madeUp, replaceElement } from '../model-edit.js';
import { addResources } from '../template-text.js';
import type { Candidate, FixContext, Patch, Remedy, TextEdit } from '../types.js';
import { invokeTarget, isExecuteApiEndpoint, named, refusal, shellQuote } from './api-request.js';
import { statementPatch, withStatement } from './policy-patch.js';
import { statementOf, type NewStatement } from './policy-text.js';
import { dnsAttributes, mergeInserts, privateApiCalled, publicApiProbe } from './private-api-path.js';
import { addParameter, constant, freeName, referTo, takenNames, type Reference } from './yaml-text.js';

/** A private address of the subnet that no interface in the model holds (AWS reserves the first four and the last). */
function freeIp(model: Model, subnet: Subnet): string | undefined {
  if (!isKnown(subnet.cidrBlock)) return undefined;
  try {
    const [addr, bits] = ipaddr.parseCIDR(subnet.cidrBlock);
    if (addr.kind() !== 'ipv4' || bits > 28) return undefined;
    const base = (addr as ipaddr.IPv4).toByteArray().reduce((n, b) => n * 256 + b, 0);
    const size = 2 ** (32 - bits);
    const start = base - (base % size);
    const used = new Set(model.networkInterfaces.flatMap((e) => e.privateIps.filter(isKnown)));
    for (let n = start + Math.min(100, size - 2); n < start + size - 1; n++) {
      const ip = [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
      if (!used.has(ip)) return ip;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

export const executeApiEndpoint: Remedy = {
  id: 'execute-api-endpoint',
  title: 'Add an execute-api interface endpoint with private DNS to the caller\'s VPC',
  rule: 'R24',
  causes: ['private-api-outside-endpoint'],
  propose(ctx: FixContext): Candidate[] {
    const c = client(ctx);
    const api = privateApiCalled(ctx);
    if (!c?.vpc || !c.subnet || !api || ctx.request.kind !== 'http') return [];
    const { vpc, subnet } = c;
    if (!/^[a-z0-9]+\.execute-api\./.test(ctx.request.url.hostname)) return [];
    if (ctx.model.vpcEndpoints.some((e) => e.vpcId === vpc.id && isExecuteApiEndpoint(e) && e.region === api.region)) return [];
    const cidr = vpc.cidrBlocks.find(isKnown);
    const ip = freeIp(ctx.model, subnet);
    if (!cidr || !ip) return [];
    const seed = `${vpc.id}:execute-api`;
    const origin = { file: 'vpcpath fix', path: `proposed execute-api endpoint in ${vpc.name ?? vpc.id}` };
    const endpointId = `vpce-${madeUp(seed, 17, true)}`;
    const sg: SecurityGroup = {
      id: `sg-${madeUp(seed, 17, true)}`, name: 'ExecuteApiEndpointSecurityGroup', origin, vpcId: vpc.id,
      ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: cidr, description: 'HTTPS from the VPC' }],
      egress: [{ protocol: '-1', cidrIpv4: '0.0.0.0/0', implicit: true }],
    };
    const eni: NetworkInterface = {
      id: `eni-${madeUp(seed, 17, true)}`, name: 'ExecuteApiEndpoint interface', origin, subnetId: subnet.id, vpcId: vpc.id,
      privateIps: [ip], securityGroupIds: [sg.id], owner: { kind: 'vpc-endpoint', id: endpointId },
    };
    const endpoint: VpcEndpoint = {
      id: endpointId, name: 'ExecuteApiEndpoint', origin, vpcId: vpc.id, region: api.region,
      serviceName: `com.amazonaws.${api.region}.execute-api`, type: 'Interface', privateDnsEnabled: true,
      subnetIds: [subnet.id], securityGroupIds: [sg.id], networkInterfaceIds: [eni.id], routeTableIds: [],
    };
    const attrs = dnsAttributes(ctx, vpc);
    const base = (m: Model): Model => attrs.apply(addElements(m, { securityGroups: [sg], networkInterfaces: [eni], vpcEndpoints: [endpoint] }));

    // R20: a resource policy that names other endpoints does not admit this one; allow it for this request as well.
    const after = traceRequest(base(ctx.model), ctx.from, ctx.request);
    const pinned = !('error' in after) && after.cause.code === 'resource-policy-denied' && refusal(after, 'resource-policy')?.elementId === api.id &&
      !/explicit deny/.test(refusal(after, 'resource-policy')?.detail ?? '');
    const target = pinned ? invokeTarget(ctx, api) : undefined;

    const taken = fromTemplate(vpc) ? takenNames(ctx.texts, vpc.origin!.file) : new Set<string>();
    const names = {
      endpoint: freeName(taken, 'ExecuteApiEndpoint'),
      group: freeName(taken, 'ExecuteApiEndpointSecurityGroup'),
      ingress: freeName(taken, 'ExecuteApiEndpointHttpsIngress'),
    };
    const network = networkPatch(ctx, names, vpc.id, subnet, cidr, api.region, attrs);
    let policyPart: { patch: Patch; statement: NewStatement; assumes: string[] } | undefined;
    if (target) policyPart = policyPatch(ctx, api, target.shorthand, endpoint, names.endpoint);
    const added = policyPart ? statementOf(policyPart.statement) : undefined;
    const patch: Patch = {
      edits: [...network.edits, ...(policyPart?.patch.edits ?? [])].sort((a, b) =>
        a.file.localeCompare(b.file) || (a.kind === 'replace' ? a.line : a.afterLine + 0.5) - (b.kind === 'replace' ? b.line : b.afterLine + 0.5)),
      commands: [...network.commands, ...(policyPart?.patch.commands ?? [])],
      ...(network.note || policyPart?.patch.note ? { note: [network.note, policyPart?.patch.note].filter(Boolean).join('; ') } : {}),
      ...(policyPart?.patch.facts ? { facts: policyPart.patch.facts } : {}),
    };
    const vpcName = vpc.name ?? vpc.id;
    return [{
      id: `execute-api-endpoint:${vpcName}`,
      title: `Add an execute-api endpoint with private DNS to ${vpcName}${added ? ` and allow it in ${named(api)}'s resource policy` : ''}`,
      description: `Create an interface VPC endpoint for com.amazonaws.${api.region}.execute-api in ${subnet.name ?? subnet.id} with ` +
        `PrivateDnsEnabled true, and a security group that admits tcp/443 from ${cidr} (R22)` +
        (attrs.off.length ? `; turn ${attrs.off.join(' and ')} on in ${vpcName} (R2)` : '') +
        (added && target ? `; allow ${target.shorthand} through the new endpoint (aws:SourceVpce) in ${named(api)}'s resource policy (R20)` : '') +
        `. Inside ${vpcName}, ${api.id}.execute-api.${api.region}.amazonaws.com then resolves to the endpoint, which serves private APIs ` +
        '(R3, R4, R24). Its private DNS captures every public API\'s default URL in the Region as well: from this VPC those calls are ' +
        'refused with 403 (R12) and need a custom domain (R29).',
      apply: (model: Model) => {
        const m = base(model);
        return added ? replaceElement(m, 'apis', api.id, (a) => ({ ...a, policy: withStatement(a.policy, added) })) : m;
      },
      patch,
      probes: publicApiProbe(ctx, api.region),
      assumes: [
        `no workload in ${vpcName} calls a public API in ${api.region} by its default execute-api URL; any such call fails afterwards (R4, R12)`,
        'an interface endpoint costs an hourly fee per Availability Zone plus data processing',
        ...(policyPart?.assumes ?? []),
      ],
      ...(added && api.fromFacts ? { ownerAction: `Ask the owner of API ${api.id} to allow your new endpoint (aws:SourceVpce) in its resource policy.` } : {}),
    }];
  },
};

interface Names { readonly endpoint: string; readonly group: string; readonly ingress: string }

function networkPatch(
  ctx: FixContext, names: Names, vpcId: string, subnet: Subnet, cidr: string, region: string, attrs: ReturnType<typeof dnsAttributes>,
): { edits: TextEdit[]; commands: string[]; note?: string } {
  const vpc = ctx.model.vpcs.find((v) => v.id === vpcId)!;
  if (!fromTemplate(vpc)) {
    return {
      edits: [],
      commands: [
        ...attrs.commands,
        `aws ec2 create-security-group --vpc-id ${vpc.id} --group-name execute-api-endpoint --description "HTTPS to the execute-api endpoint"`,
        `aws ec2 authorize-security-group-ingress --group-id <the new sg-...> --protocol tcp --port 443 --cidr ${cidr}`,
        `aws ec2 create-vpc-endpoint --vpc-id ${vpc.id} --vpc-endpoint-type Interface --service-name com.amazonaws.${region}.execute-api ` +
          `--subnet-ids ${subnet.id} --security-group-ids <the new sg-...> --private-dns-enabled`,
      ],
    };
  }
  const file = vpc.origin!.file;
  const subnetRef = referTo(ctx.texts, ctx.model, file, subnet, subnet.id, `the id of the subnet ${subnet.name ?? subnet.id}`);
  const add = subnetRef ? addResources(ctx.texts, file, {
    [names.group]: ['Type: AWS::EC2::SecurityGroup', 'Properties:', '  GroupDescription: HTTPS to the execute-api endpoint',
      `  VpcId: !Ref ${vpc.origin!.logicalId}`],
    [names.ingress]: ['Type: AWS::EC2::SecurityGroupIngress', 'Properties:', `  GroupId: !Ref ${names.group}`, '  IpProtocol: tcp',
      '  FromPort: 443', '  ToPort: 443', `  CidrIp: !GetAtt ${vpc.origin!.logicalId}.CidrBlock`, `  Description: HTTPS from ${cidr}`],
    [names.endpoint]: ['Type: AWS::EC2::VPCEndpoint', 'Properties:', `  VpcId: !Ref ${vpc.origin!.logicalId}`,
      '  ServiceName: !Sub com.amazonaws.${AWS::Region}.execute-api', '  VpcEndpointType: Interface', '  PrivateDnsEnabled: true',
      '  SubnetIds:', `    - ${subnetRef.expr.yaml}`, '  SecurityGroupIds:', `    - !Ref ${names.group}`],
  }) : undefined;
  if (!add || !subnetRef) return { edits: [], commands: [], note: 'the template is JSON or could not be read: add the endpoint and its security group by hand' };
  return { edits: mergeInserts([...subnetRef.edits, ...attrs.edits, add]), commands: [], ...(attrs.note ? { note: attrs.note } : {}) };
}

/** The statement allowing this request through the new endpoint, written where the API's policy is. */
function policyPatch(ctx: FixContext, api: Api, shorthand: string, endpoint: VpcEndpoint, logicalId: string): { patch: Patch; statement: NewStatement; assumes: string[] } {
  const vpc = ctx.model.vpcs.find((v) => v.id === endpoint.vpcId);
  const sameFile = vpc && fromTemplate(vpc) && fromTemplate(api) && api.origin!.file === vpc.origin!.file;
  let ref: Reference;
  if (sameFile) {
    ref = { expr: { value: endpoint.id, yaml: `!Ref ${logicalId}`, sub: `\${${logicalId}}` }, edits: [], assumes: [] };
  } else if (fromTemplate(api)) {
    const param = freeName(takenNames(ctx.texts, api.origin!.file), `${logicalId}Id`);
    const edit = addParameter(ctx.texts, api.origin!.file, param, 'the id of the new execute-api endpoint');
    ref = { expr: { value: endpoint.id, yaml: `!Ref ${param}`, sub: `\${${param}}` }, edits: edit ? [edit] : [],
      assumes: [`the new parameter ${param} is given the id of the new endpoint ${logicalId}`] };
  } else {
    ref = { expr: { ...constant('<the new vpce id>'), value: endpoint.id }, edits: [], assumes: [] };
  }
  const statement: NewStatement = {
    resources: [constant(shorthand)],
    condition: { operator: 'StringEquals', key: 'aws:SourceVpce', value: ref.expr },
  };
  const policy = withStatement(api.policy, statementOf(statement));
  const patch: Patch = api.fromFacts
    ? { edits: [], commands: [] }
    : statementPatch(ctx, { element: api, policy: api.policy, policyOrigin: api.policyOrigin, key: 'Policy', types: ['AWS::ApiGateway::RestApi'] },
      statement, [ref], () => [
        `aws apigateway update-rest-api --rest-api-id ${api.id} --patch-operations ${shellQuote(JSON.stringify([{ op: 'replace', path: '/policy', value: JSON.stringify(policy).split(endpoint.id).join('<the new vpce id>') }]))}`,
        `aws apigateway create-deployment --rest-api-id ${api.id} --stage-name ${shorthand.split('/')[1]}`,
      ]);
  return {
    patch, statement,
    assumes: [...ref.assumes, 'a new deployment of the API\'s stage, for the resource policy change to take effect'],
  };
}

