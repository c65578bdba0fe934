// vpcpath fix for the API-side causes: a private API called outside an endpoint, resource-policy and
// endpoint-policy denials, a private custom domain without an access association. Each fixture in
// test/fix-remedies/api/ fails a check; the fixes must be verified, reach the API, patch the user's template as
// a person would, and the applied template itself must trace to the API again.
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  appliedTemplate, fixScenario, loadScenarioForFix, proposeFixes, type LoadedScenario, type VerifiedFix,
} from '../src/fix/index.js';
import { resourcePolicyAllow } from '../src/fix/remedies/resource-policy-allow.js';
import { appendToList, dependsOn } from '../src/fix/remedies/yaml-text.js';
import { TemplateTexts, applyEdits } from '../src/fix/template-text.js';
import { verify } from '../src/fix/verify.js';
import type { FixContext } from '../src/fix/types.js';
import type { Element, Model } from '../src/model/index.js';
import { traceRequest } from '../src/sim/trace-request.js';
import { runCli } from './support/run-cli.js';
import { REPO } from './support/shared.js';

const DIR = `${REPO}test/fix-remedies/api/`;
const tmp = mkdtempSync(join(tmpdir(), 'vpcpath-fix-api-'));

function scenario(name: string): LoadedScenario {
  const loaded = loadScenarioForFix(`${DIR}${name}`).loaded;
  if (!loaded) throw new Error(`cannot load ${name}`);
  return loaded;
}

/** The verified fixes of one failing check of a fixture, and the fixture. */
function fixesOf(name: string, check: string): { loaded: LoadedScenario; fixes: VerifiedFix[] } {
  const loaded = scenario(name);
  const result = fixScenario(loaded).find((r) => r.check === check);
  if (!result) throw new Error(`no failing check '${check}' in ${name}`);
  return { loaded, fixes: result.fixes };
}

function fix(fixes: readonly VerifiedFix[], id: string): VerifiedFix {
  const found = fixes.find((f) => f.id === id);
  if (!found) throw new Error(`no fix ${id} among ${fixes.map((f) => f.id).join(', ')}`);
  return found;
}

function expectVerified(fixes: readonly VerifiedFix[]): void {
  expect(fixes.length).toBeGreaterThan(0);
  for (const f of fixes) {
    expect(f.verified).toBe(true);
    expect(f.after).toMatchObject({ reached: true, cause: 'ok', result: 'reached' });
  }
}

/** The lines a fix adds or the line it changes, as the user reads them. */
const added = (f: VerifiedFix): string[] => f.patch.edits.flatMap((e) => (e.kind === 'insert' ? e.lines : [e.to]));

/**
 * The applied inline template put back into the scenario, whose check is traced again: the text patch itself,
 * not only the model change, must make the request reach its API.
 */
function retrace(name: string, f: VerifiedFix, check: string): { reached: boolean; cause: string } {
  const loaded = scenario(name);
  const applied = appliedTemplate(loaded.texts, f);
  if ('error' in applied) throw new Error(applied.error);
  const doc = parse(readFileSync(`${DIR}${name}`, 'utf8')) as { template: string; checks: { name: string; request: string }[] };
  doc.template = applied.text;
  const path = join(tmp, `${f.id.replace(/[^A-Za-z0-9-]/g, '_')}-${name}`);
  writeFileSync(path, stringify(doc));
  const again = loadScenarioForFix(path).loaded!;
  const c = again.checks.find((x) => x.name === check)!;
  // The fix may call another URL ({api-id}-{vpce-id}): trace that one, with the ids of the patched template.
  const spec = f.patch.request ? rewrite(again, c.spec, f) : c.spec;
  const t = traceRequest(again.model, c.from, spec);
  if ('error' in t) throw new Error(t.error);
  return { reached: t.reached, cause: t.cause.code };
}

function rewrite(loaded: LoadedScenario, spec: LoadedScenario['checks'][number]['spec'], f: VerifiedFix): typeof spec {
  if (spec.kind !== 'http') return spec;
  const api = loaded.model.apis.find((a) => spec.url.hostname.startsWith(`${a.id}.`))!;
  const endpoint = loaded.model.vpcEndpoints.find((e) => f.request.includes(e.id))!;
  const url = new URL(spec.url.toString());
  url.hostname = `${api.id}-${endpoint.id}.${url.hostname.split('.').slice(1).join('.')}`;
  return { ...spec, url };
}

describe('private-api-outside-endpoint', () => {
  const name = 'private-api-private-dns-off.yaml';
  const check = 'the private API\'s default URL reaches the public front door';

  it('endpoint with private DNS off: the {api-id}-{vpce-id} name, listing the endpoint in VpcEndpointIds, first (no side effects)', () => {
    const { loaded, fixes } = fixesOf(name, check);
    expectVerified(fixes);
    const api = loaded.model.apis.find((a) => a.name === 'PrivateApi')!;
    const endpoint = loaded.model.vpcEndpoints.find((e) => e.name === 'ApiEndpoint')!;
    const alias = fix(fixes, 'vpce-alias-name:ApiEndpoint');
    expect(fixes[0]).toBe(alias);
    expect(alias.request).toBe(`GET https://${api.id}-${endpoint.id}.execute-api.us-east-1.amazonaws.com/prod/`);
    expect(alias.trace.via).toEqual(['vpc-endpoint', 'api-gateway']);
    expect(alias.sideEffects).toEqual([]);
    expect(alias.patch.edits).toEqual([expect.objectContaining({ kind: 'insert', lines: ['        VpcEndpointIds:', '          - !Ref ApiEndpoint'] })]);
    expect(alias.description).toContain('!Sub \'https://${PrivateApi}-${ApiEndpoint}.execute-api.${AWS::Region}.amazonaws.com/prod/\'');
    expect(retrace(name, alias, check)).toEqual({ reached: true, cause: 'ok' });
  });

  it('endpoint with private DNS off: turning it on is verified, and the public API it captures is a side effect', () => {
    const { fixes } = fixesOf(name, check);
    const on = fix(fixes, 'private-dns-on:ApiEndpoint');
    expect(on.patch.edits).toEqual([expect.objectContaining({ kind: 'replace', from: '      PrivateDnsEnabled: false', to: '      PrivateDnsEnabled: true' })]);
    expect(on.sideEffects.length).toBeGreaterThan(0);
    for (const s of on.sideEffects) {
      expect(s.before.reached).toBe(true);
      expect(s.after).toMatchObject({ reached: false, cause: 'public-api-via-vpc-endpoint', status: 403 });
    }
    expect(on.sideEffects.some((s) => s.request.includes('check \'the public API is reached over the internet\''))).toBe(true);
    expect(fixes.indexOf(on)).toBeGreaterThan(0);
    expect(retrace(name, on, check)).toEqual({ reached: true, cause: 'ok' });
  });

  it('no endpoint in the VPC: a new interface endpoint with private DNS, its security group, EnableDnsHostnames, and the policy', () => {
    const file = 'private-api-no-endpoint.yaml';
    const { fixes } = fixesOf(file, check);
    expectVerified(fixes);
    const add = fix(fixes, 'execute-api-endpoint:Vpc');
    const lines = added(add);
    expect(lines).toContain('      EnableDnsHostnames: true');
    expect(lines).toEqual(expect.arrayContaining([
      '  ExecuteApiEndpoint:', '    Type: AWS::EC2::VPCEndpoint', '      ServiceName: !Sub com.amazonaws.${AWS::Region}.execute-api',
      '      VpcEndpointType: Interface', '      PrivateDnsEnabled: true', '        - !Ref PublicSubnet',
      '    Type: AWS::EC2::SecurityGroupIngress', '      CidrIp: !GetAtt Vpc.CidrBlock', '      FromPort: 443',
      // The API's policy admits another VPC's endpoint only (R20): the new endpoint is allowed for this request.
      '            Resource: \'execute-api:/prod/GET/\'', '                aws:SourceVpce: !Ref ExecuteApiEndpoint',
    ]));
    // The input holds no public API: a stand-in shows the call private DNS then captures (R4, R12).
    expect(add.sideEffects).toEqual([expect.objectContaining({ hypothetical: expect.stringContaining('no public API'), after: expect.objectContaining({ cause: 'public-api-via-vpc-endpoint' }) })]);
    expect(add.description).toMatch(/EnableDnsHostnames.*R2/);
    expect(retrace(file, add, check)).toEqual({ reached: true, cause: 'ok' });
  });

  it('a partner\'s private API (facts): listing the endpoint is the owner\'s action; private DNS on is the user\'s', () => {
    const { fixes } = fixesOf('partner-private-apis.yaml', 'the partner\'s private API by its default URL');
    expectVerified(fixes);
    const alias = fix(fixes, 'vpce-alias-name:ApiEndpoint');
    expect(alias.ownerAction).toMatch(/^Ask the owner of API a1b2c3d4e5 to add your endpoint ApiEndpoint/);
    expect(alias.patch.edits).toEqual([]);
    expect(alias.patch.facts).toContain('vpc_endpoint_ids: ["${ApiEndpoint}"]');
    expect(alias.request).toMatch(/^GET https:\/\/a1b2c3d4e5-vpce-[0-9a-f]+\.execute-api\.us-east-1\.amazonaws\.com\/prod\/ledger$/);
    expect(fix(fixes, 'private-dns-on:ApiEndpoint').ownerAction).toBeUndefined();
  });
});

describe('resource-policy-denied', () => {
  const name = 'resource-policy-implicit-deny.yaml';

  it('block YAML: an Allow for the endpoint the request came through, on the resource the request names (R20, R35)', () => {
    const check = 'block YAML policy';
    const { fixes } = fixesOf(name, check);
    expectVerified(fixes);
    const allow = fix(fixes, 'resource-policy-allow:BlockApi');
    expect(allow.patch.edits).toEqual([expect.objectContaining({
      kind: 'insert',
      lines: [
        '          - Effect: Allow',
        '            Principal: \'*\'',
        '            Action: execute-api:Invoke',
        '            Resource: \'execute-api:/prod/GET/items/*\'',
        '            Condition:',
        '              StringEquals:',
        '                aws:SourceVpce: !Ref ApiEndpoint',
      ],
    })]);
    expect(allow.assumes.join(' ')).toMatch(/deployment/);
    expect(allow.sideEffects).toEqual([]);
    expect(retrace(name, allow, check)).toEqual({ reached: true, cause: 'ok' });
  });

  it('flow YAML on one line: the statement goes into the Statement list, JSON style, with a tagged !Ref', () => {
    const check = 'flow YAML policy';
    const { fixes } = fixesOf(name, check);
    const allow = fix(fixes, 'resource-policy-allow:FlowApi');
    expect(allow.patch.edits).toHaveLength(1);
    expect(added(allow)[0]).toMatch(/"vpce-0123456789abcdef0"\}\}\}, \{"Effect": "Allow", "Principal": "\*", "Action": "execute-api:Invoke", "Resource": "execute-api:\/prod\/GET\/", "Condition": \{"StringEquals": \{"aws:SourceVpce": !Ref ApiEndpoint\}\}\}\]\}$/);
    expect(retrace(name, allow, check)).toEqual({ reached: true, cause: 'ok' });
  });

  it('a JSON string: it becomes a !Sub string that names the endpoint as ${ApiEndpoint}', () => {
    const check = 'JSON string policy';
    const { fixes } = fixesOf(name, check);
    const allow = fix(fixes, 'resource-policy-allow:JsonApi');
    const [line] = added(allow);
    expect(line).toMatch(/^ {6}Policy: !Sub '\{"Version":"2012-10-17","Statement":\[\{.*\}, \{"Effect":"Allow","Principal":"\*","Action":"execute-api:Invoke","Resource":"execute-api:\/prod\/GET\/","Condition":\{"StringEquals":\{"aws:SourceVpce":"\$\{ApiEndpoint\}"\}\}\}\]\}'$/);
    expect(retrace(name, allow, check)).toEqual({ reached: true, cause: 'ok' });
  });

  it('a !Sub JSON block: a comma after the last statement and the new one, pretty, in the block\'s indentation', () => {
    const check = 'Sub JSON block policy';
    const { fixes } = fixesOf(name, check);
    const allow = fix(fixes, 'resource-policy-allow:SubApi');
    const [comma, insert] = allow.patch.edits;
    expect(comma).toMatchObject({ kind: 'replace', from: '            }', to: '            },' });
    expect(insert).toMatchObject({ kind: 'insert' });
    expect(added(allow).slice(1)).toEqual([
      '            {', '              "Effect": "Allow",', '              "Principal": "*",', '              "Action": "execute-api:Invoke",',
      '              "Resource": "execute-api:/prod/GET/",', '              "Condition": {', '                "StringEquals": {',
      '                  "aws:SourceVpce": "${ApiEndpoint}"', '                }', '              }', '            }',
    ]);
    expect(retrace(name, allow, check)).toEqual({ reached: true, cause: 'ok' });
  });

  it('a private API without any resource policy: a whole Policy property under Properties (R19)', () => {
    const check = 'no resource policy';
    const { fixes } = fixesOf(name, check);
    const allow = fix(fixes, 'resource-policy-allow:BareApi');
    expect(allow.description).toMatch(/^BareApi is a PRIVATE API without a resource policy, so every call to it fails \(R19\)/);
    expect(added(allow)).toEqual([
      '      Policy:', '        Version: \'2012-10-17\'', '        Statement:', '          - Effect: Allow', '            Principal: \'*\'',
      '            Action: execute-api:Invoke', '            Resource: \'execute-api:/prod/GET/\'', '            Condition:',
      '              StringEquals:', '                aws:SourceVpce: !Ref ApiEndpoint',
    ]);
    expect(retrace(name, allow, check)).toEqual({ reached: true, cause: 'ok' });
  });

  it('a public API: an Allow without a condition when the caller\'s address is one vpcpath made up', () => {
    const check = 'the public API\'s policy admits another range';
    const { fixes } = fixesOf('public-api-resource-policy.yaml', check);
    expectVerified(fixes);
    const allow = fix(fixes, 'resource-policy-allow:PublicApi');
    expect(added(allow)).toEqual(['          - Effect: Allow', '            Principal: \'*\'', '            Action: execute-api:Invoke', '            Resource: \'execute-api:/dev/GET/items\'']);
    expect(allow.description).toMatch(/anyone who can reach the API/);
    expect(allow.trace.via).toEqual(['internet-gateway', 'api-gateway']);
    expect(retrace('public-api-resource-policy.yaml', allow, check)).toEqual({ reached: true, cause: 'ok' });
  });

  it('a Deny "unless aws:SourceVpce is another endpoint" is narrowed to let this endpoint through; no Allow is shown for it', () => {
    const file = 'resource-policy-explicit-deny.yaml';
    const check = 'a Deny unless another endpoint';
    const { fixes } = fixesOf(file, check);
    expectVerified(fixes);
    expect(fixes.map((f) => f.id)).toEqual(['resource-policy-narrow-deny:DenyApi']);
    const narrow = fixes[0]!;
    expect(narrow.patch.edits).toEqual([expect.objectContaining({
      kind: 'replace', from: '                aws:SourceVpce: vpce-0123456789abcdef0', to: '                aws:SourceVpce: [vpce-0123456789abcdef0, !Ref ApiEndpoint]',
    })]);
    expect(narrow.description).toContain('Another statement already allows the request');
    expect(retrace(file, narrow, check)).toEqual({ reached: true, cause: 'ok' });
  });

  it('negative: an explicit Deny vpcpath does not rewrite is not "fixed" by an Allow (proposed, then dropped by the verifier)', async () => {
    const loaded = scenario('resource-policy-explicit-deny.yaml');
    const c = loaded.checks.find((x) => x.name === 'a Deny outside an address range')!;
    const trace = traceRequest(loaded.model, c.from, c.spec);
    if ('error' in trace) throw new Error(trace.error);
    expect(trace.cause.code).toBe('resource-policy-denied');
    const ctx: FixContext = { model: loaded.model, from: c.from, request: c.spec, trace, texts: loaded.texts, region: 'us-east-1', account: '111111111111' };
    const [candidate] = resourcePolicyAllow.propose(ctx);
    expect(candidate).toBeDefined();
    expect(verify(ctx, candidate!)).toBeUndefined();
    expect(proposeFixes({ model: loaded.model, from: c.from, request: c.spec, texts: loaded.texts, region: 'us-east-1', account: '111111111111' })).toEqual([]);
    const results = fixScenario(loaded);
    expect(results.find((r) => r.check === 'a Deny outside an address range')!.fixes).toEqual([]);
    // The CLI says so and exits 1: not every failing check has a verified fix.
    const run = await runCli('fix', `${DIR}resource-policy-explicit-deny.yaml`);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('No verified fix');
  });

  it('a partner\'s API (facts): the Allow is the owner\'s action, with the facts to change once done', () => {
    const { fixes } = fixesOf('partner-private-apis.yaml', 'the other partner\'s private API by its alias name');
    expectVerified(fixes);
    const allow = fix(fixes, 'resource-policy-allow:f6g7h8i9j0');
    expect(allow.ownerAction).toBe('Ask the owner of API f6g7h8i9j0 to add to its resource policy: Allow execute-api:Invoke on ' +
      'execute-api:/prod/GET/orders when aws:SourceVpce is the id of your endpoint ApiEndpoint, and to deploy the API again.');
    expect(allow.patch.edits).toEqual([]);
    expect(allow.patch.facts).toContain('"Resource":"execute-api:/prod/GET/orders","Condition":{"StringEquals":{"aws:SourceVpce":"${ApiEndpoint}"}}');
  });
});

describe('endpoint-policy-denied', () => {
  const name = 'endpoint-policy-denied.yaml';

  it('an Allow on the API\'s ARN, by !Sub with its logical id', () => {
    const check = 'the endpoint policy refuses the orders API';
    const { fixes } = fixesOf(name, check);
    expectVerified(fixes);
    const allow = fix(fixes, 'endpoint-policy-allow:ApiEndpoint');
    expect(added(allow)).toEqual([
      '          - Effect: Allow', '            Principal: \'*\'', '            Action: execute-api:Invoke',
      '            Resource: !Sub \'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${OrdersApi}/*\'',
    ]);
    expect(allow.sideEffects).toEqual([]);
    expect(retrace(name, allow, check)).toEqual({ reached: true, cause: 'ok' });
  });

  it('an API whose policy names the endpoint cannot be named back (a dependency cycle): the account\'s APIs, said so', () => {
    const check = 'the endpoint policy refuses the private API';
    const { fixes } = fixesOf(name, check);
    const allow = fix(fixes, 'endpoint-policy-allow:ApiEndpoint');
    expect(added(allow)).toContain('            Resource: !Sub \'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:*/*\'');
    expect(allow.description).toMatch(/every API of account 111111111111 in us-east-1.*dependency cycle/);
    // The other private API of the account is let through as well: listed, not hidden.
    expect(allow.sideEffects.length).toBeGreaterThan(0);
    for (const s of allow.sideEffects) {
      expect(s.request).toContain(loadedApiId(name, 'OrdersApi'));
      expect(s.before).toMatchObject({ reached: false, cause: 'endpoint-policy-denied' });
      expect(s.after).toMatchObject({ reached: true, cause: 'ok' });
    }
    expect(allow.sideEffects.some((s) => s.request.includes('check \'the endpoint policy refuses the orders API\''))).toBe(true);
    expect(retrace(name, allow, check)).toEqual({ reached: true, cause: 'ok' });
  });
});

describe('endpoint-policy-denied through a private custom domain', () => {
  it('the domain\'s ARN is allowed too; the domain\'s policy names the endpoint, so the account\'s domains, said so', () => {
    const name = 'domain-endpoint-policy.yaml';
    const check = 'the endpoint policy refuses the private custom domain';
    const { fixes } = fixesOf(name, check);
    expectVerified(fixes);
    const allow = fix(fixes, 'endpoint-policy-allow:ApiEndpoint');
    // A JSON string policy: it becomes a !Sub string naming the API by ${PrivateApi}.
    expect(added(allow)).toEqual([expect.stringMatching(/^ {6}PolicyDocument: !Sub '\{.*"Resource":\["arn:\$\{AWS::Partition\}:execute-api:\$\{AWS::Region\}:\$\{AWS::AccountId\}:\$\{PrivateApi\}\/\*","arn:\$\{AWS::Partition\}:execute-api:\$\{AWS::Region\}:\$\{AWS::AccountId\}:\/domainnames\/\*"\]\}\]\}'$/)]);
    expect(allow.description).toMatch(/every private custom domain of the account, since PrivateDomain's policy names ApiEndpoint/);
    expect(retrace(name, allow, check)).toEqual({ reached: true, cause: 'ok' });
  });
});

describe('domain-not-associated', () => {
  it('same account: an AWS::ApiGateway::DomainNameAccessAssociation for the endpoint and the domain', () => {
    const name = 'domain-not-associated.yaml';
    const check = 'the endpoint has no access association with the private custom domain';
    const { fixes } = fixesOf(name, check);
    expectVerified(fixes);
    const assoc = fix(fixes, 'domain-access-association:ApiEndpoint');
    expect(added(assoc)).toEqual([
      '  ApiEndpointDomainAccessAssociation:', '    Type: AWS::ApiGateway::DomainNameAccessAssociation', '    Properties:',
      '      DomainNameArn: !GetAtt PrivateDomain.DomainNameArn', '      AccessAssociationSource: !Ref ApiEndpoint',
      '      AccessAssociationSourceType: VPCE',
    ]);
    expect(assoc.ownerAction).toBeUndefined();
    expect(retrace(name, assoc, check)).toEqual({ reached: true, cause: 'ok' });
  });

  it('a partner\'s domain: the association in the consumer\'s template, the ARN as a new parameter, RAM sharing assumed', async () => {
    const name = 'domain-not-associated-cross-account.yaml';
    const { fixes } = fixesOf(name, 'the endpoint has no access association with the partner\'s domain');
    expectVerified(fixes);
    const assoc = fix(fixes, 'domain-access-association:ApiEndpoint');
    expect(new Set(assoc.patch.edits.map((e) => e.file))).toEqual(new Set([expect.stringMatching(/cross-account\/consumer\.yaml$/)]));
    expect(added(assoc)).toEqual(expect.arrayContaining([
      '  LedgerDomainDomainNameArn:', '    Type: String', '      DomainNameArn: !Ref LedgerDomainDomainNameArn', '      AccessAssociationSource: !Ref ApiEndpoint',
    ]));
    expect(assoc.assumes.join('\n')).toMatch(/shares the domain with your account \(AWS RAM, or the domain's managementPolicy\)/);
    expect(assoc.assumes.join('\n')).toMatch(/LedgerDomainDomainNameArn is given the ARN/);

    // --apply writes the consumer template; deployed with the parameter set to the domain's ARN, it reaches the API.
    const dir = join(tmp, 'cross-account');
    mkdirSync(join(dir, 'cross-account'), { recursive: true });
    const run = await runCli('fix', `${DIR}${name}`, '--apply', 'domain-access-association', '--out', join(dir, 'cross-account', 'consumer.yaml'));
    expect(run.code, run.stderr).toBe(0);
    copyFileSync(`${DIR}cross-account/provider.yaml`, join(dir, 'cross-account', 'provider.yaml'));
    // The provider's stack takes the consumer's endpoint id, so the domain's ARN is passed as a value (as a person would).
    const arn = scenario(name).model.domainNames.find((d) => d.name === 'LedgerDomain')!.arn;
    const doc = parse(readFileSync(`${DIR}${name}`, 'utf8')) as { model: { path: string; parameters?: Record<string, string> }[] };
    doc.model[0]!.parameters = { LedgerDomainDomainNameArn: arn };
    writeFileSync(join(dir, name), stringify(doc));
    const again = loadScenarioForFix(join(dir, name)).loaded!;
    const c = again.checks[0]!;
    const t = traceRequest(again.model, c.from, c.spec);
    expect('error' in t ? t : t.cause.code).toBe('ok');
  });
});

const loadedApiId = (name: string, logicalId: string): string => scenario(name).model.apis.find((a) => a.name === logicalId)!.id;

/** The model with every element's template origin taken away: as if it came from a snapshot (CLI commands). */
function asSnapshot(model: Model): Model {
  const strip = <T extends Element>(e: T): T => (e.origin ? { ...e, origin: { file: 'snap/describe.json' } } : e);
  return {
    ...model,
    vpcs: model.vpcs.map(strip), subnets: model.subnets.map(strip), vpcEndpoints: model.vpcEndpoints.map(strip),
    apis: model.apis.map(strip), domainNames: model.domainNames.map(strip), networkInterfaces: model.networkInterfaces.map(strip),
  };
}

function snapshotFixes(name: string, check: string): VerifiedFix[] {
  const loaded = scenario(name);
  const c = loaded.checks.find((x) => x.name === check)!;
  return proposeFixes({ model: asSnapshot(loaded.model), from: c.from, request: c.spec, texts: loaded.texts, region: 'us-east-1', account: '111111111111' });
}

describe('elements from a snapshot: AWS CLI commands', () => {
  it('private-api-outside-endpoint: update-rest-api adds the endpoint; modify-vpc-endpoint turns private DNS on', () => {
    const fixes = snapshotFixes('private-api-private-dns-off.yaml', 'the private API\'s default URL reaches the public front door');
    expectVerified(fixes);
    const alias = fix(fixes, 'vpce-alias-name:ApiEndpoint');
    expect(alias.patch.commands).toEqual([expect.stringMatching(/^aws apigateway update-rest-api --rest-api-id \w+ --patch-operations op=add,path=\/endpointConfiguration\/vpcEndpointIds,value=vpce-[0-9a-f]+$/)]);
    expect(fix(fixes, 'private-dns-on:ApiEndpoint').patch.commands).toEqual([expect.stringMatching(/^aws ec2 modify-vpc-endpoint --vpc-endpoint-id vpce-[0-9a-f]+ --private-dns-enabled$/)]);
  });

  it('no endpoint: modify-vpc-attribute, create-security-group, authorize-security-group-ingress, create-vpc-endpoint', () => {
    const fixes = snapshotFixes('private-api-no-endpoint.yaml', 'the private API\'s default URL reaches the public front door');
    const add = fix(fixes, 'execute-api-endpoint:Vpc');
    expect(add.patch.commands.map((c) => c.split(' ').slice(0, 3).join(' '))).toEqual([
      'aws ec2 modify-vpc-attribute', 'aws ec2 create-security-group', 'aws ec2 authorize-security-group-ingress', 'aws ec2 create-vpc-endpoint',
      'aws apigateway update-rest-api', 'aws apigateway create-deployment',
    ]);
    expect(add.patch.commands[3]).toMatch(/--service-name com\.amazonaws\.us-east-1\.execute-api .*--private-dns-enabled$/);
    expect(add.patch.commands[4]).toContain('<the new vpce id>');
  });

  it('resource-policy-denied: update-rest-api replaces /policy with the whole new policy, then create-deployment', () => {
    const fixes = snapshotFixes('resource-policy-implicit-deny.yaml', 'block YAML policy');
    const allow = fix(fixes, 'resource-policy-allow:BlockApi');
    const [update, deploy] = allow.patch.commands;
    expect(deploy).toMatch(/^aws apigateway create-deployment --rest-api-id \w+ --stage-name prod$/);
    const ops = JSON.parse(/--patch-operations '(.*)'$/.exec(update!)![1]!) as { op: string; path: string; value: string }[];
    expect(ops[0]).toMatchObject({ op: 'replace', path: '/policy' });
    const policy = JSON.parse(ops[0]!.value) as { Statement: { Resource: string; Condition?: unknown }[] };
    expect(policy.Statement).toHaveLength(2);
    expect(policy.Statement[1]).toMatchObject({ Resource: 'execute-api:/prod/GET/items/*', Condition: { StringEquals: { 'aws:SourceVpce': expect.stringMatching(/^vpce-/) } } });
  });

  it('endpoint-policy-denied: modify-vpc-endpoint --policy-document; domain-not-associated: create-domain-name-access-association', () => {
    const ep = fix(snapshotFixes('endpoint-policy-denied.yaml', 'the endpoint policy refuses the orders API'), 'endpoint-policy-allow:ApiEndpoint');
    expect(ep.patch.commands).toEqual([expect.stringMatching(/^aws ec2 modify-vpc-endpoint --vpc-endpoint-id vpce-[0-9a-f]+ --policy-document '\{"Version":"2012-10-17","Statement":\[.*"Resource":"arn:aws:execute-api:us-east-1:111111111111:\w+\/\*"\}\]\}'$/)]);
    const assoc = fix(snapshotFixes('domain-not-associated.yaml', 'the endpoint has no access association with the private custom domain'), 'domain-access-association:ApiEndpoint');
    expect(assoc.patch.commands).toEqual([expect.stringMatching(/^aws apigateway create-domain-name-access-association --domain-name-arn arn:aws:apigateway:us-east-1:111111111111:\/domainnames\/private\.example\.com\+\w+ --access-association-source-type VPCE --access-association-source vpce-[0-9a-f]+$/)]);
  });
});

describe('vpcpath fix on the fixtures (CLI)', () => {
  it('--json lists the verified fixes of the private API check, the {api-id}-{vpce-id} name first', async () => {
    const run = await runCli('fix', `${DIR}private-api-private-dns-off.yaml`, '--json');
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { results: { check: string; fixes: { id: string; verified: boolean; after: { cause: string }; patch: { diff: string } }[] }[] };
    expect(out.results).toHaveLength(1);
    expect(out.results[0]!.fixes.map((f) => f.id)).toEqual(['vpce-alias-name:ApiEndpoint', 'private-dns-on:ApiEndpoint']);
    expect(out.results[0]!.fixes[1]!.patch.diff).toMatch(/private-api-private-dns-off\.yaml:\d+\n- +PrivateDnsEnabled: false\n\+ +PrivateDnsEnabled: true/);
  });

  it('--apply writes the inline template with the access association added', async () => {
    const out = join(tmp, 'association.yaml');
    const run = await runCli('fix', `${DIR}domain-not-associated.yaml`, '--apply', 'domain-access-association:ApiEndpoint', '--out', out);
    expect(run.code, run.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('AWSTemplateFormatVersion')).toBe(true);
    expect(text).toContain('  ApiEndpointDomainAccessAssociation:\n    Type: AWS::ApiGateway::DomainNameAccessAssociation\n');
  });
});

describe('template text helpers', () => {
  it('appendToList: a flow list, a block list, a single value', () => {
    const lines = [
      'A:', '  VpcEndpointIds: [vpce-1, !Ref B]', '  List:', '    - one', '    - two', '  Value: !ImportValue x', 'B: 1',
    ];
    expect(appendToList('t.yaml', lines, 2, 'VpcEndpointIds', '!Ref C')).toMatchObject({ kind: 'replace', to: '  VpcEndpointIds: [vpce-1, !Ref B, !Ref C]' });
    expect(appendToList('t.yaml', lines, 3, 'List', 'three')).toEqual({ kind: 'insert', file: 't.yaml', afterLine: 5, lines: ['    - three'] });
    expect(appendToList('t.yaml', lines, 6, 'Value', '!Ref C')).toMatchObject({ kind: 'replace', to: '  Value: [!ImportValue x, !Ref C]' });
    // A value that is not a plain scalar is left alone.
    expect(appendToList('t.yaml', ['  K: !Join [",", [a, b]]'], 1, 'K', 'c')).toBeUndefined();
  });

  it('dependsOn follows Ref, GetAtt, Sub and DependsOn through a template', () => {
    const texts = new TemplateTexts();
    texts.register('t.yaml', [
      'Resources:', '  Api:', '    Type: AWS::ApiGateway::RestApi', '    Properties:', '      Policy: !Sub \'{"a": "${Role.Arn}"}\'',
      '  Role:', '    Type: AWS::IAM::Role', '    DependsOn: Endpoint', '  Endpoint:', '    Type: AWS::EC2::VPCEndpoint',
    ].join('\n'));
    expect(dependsOn(texts, 't.yaml', 'Api', 'Endpoint')).toBe(true);
    expect(dependsOn(texts, 't.yaml', 'Endpoint', 'Api')).toBe(false);
    expect(applyEdits('a\nb', [{ kind: 'insert', file: 't', afterLine: 1, lines: ['x'] }])).toBe('a\nx\nb');
  });
});
