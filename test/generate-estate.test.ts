// scripts/generate-estate.ts: a small synthetic estate loads with no problems, holds what the generator chose,
// is the same for the same seed, and traces from its workloads give the answers its choices call for.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load, trace, type Loaded } from '../src/index.js';
import { defaultUrl, generateEstate, type ApiChoice, type EstateManifest, type InstanceChoice, type VpcChoice } from '../scripts/generate-estate.js';

const OPTIONS = { accounts: 3, vpcs: 20, apis: 100, domains: 6, seed: 7 };

let root: string;
let manifest: EstateManifest;
let loaded: Loaded;

/** Every file under `dir` with a hash of its content, by relative path. */
function digest(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    let text: Buffer;
    try {
      text = readFileSync(join(dir, rel));
    } catch {
      continue; // a folder
    }
    out.set(rel, createHash('sha256').update(text).digest('hex'));
  }
  return out;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'vpcpath-estate-'));
  manifest = generateEstate(join(root, 'estate'), OPTIONS).manifest;
  loaded = load([join(root, 'estate')]);
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** A workload of a VPC whose calls to execute-api names go to its endpoint: private DNS on and nothing in the way. */
function capturedVpc(): VpcChoice {
  const vpc = manifest.vpcs.find((v) => v.endpoint?.privateDns && v.endpoint.securityGroupOpen && v.dnsHostnames && v.shadowingZones.length === 0);
  if (!vpc) throw new Error('the estate has no VPC whose endpoint captures execute-api names: change the seed');
  return vpc;
}

/** A workload with a way to the internet in a VPC whose execute-api calls are not captured. */
function internetWorkload(): { vpc: VpcChoice; instance: InstanceChoice } {
  for (const vpc of manifest.vpcs) {
    if ((vpc.endpoint?.privateDns && vpc.dnsHostnames) || vpc.shadowingZones.length) continue;
    const instance = vpc.instances.find((i) => i.internet);
    if (instance) return { vpc, instance };
  }
  throw new Error('the estate has no workload with internet access outside a captured VPC: change the seed');
}

/** A public REST API of the region, served on its default URL, whose resource policy admits anyone. */
function openPublicApi(region: string): ApiChoice {
  const api = manifest.apis.find((a) => a.region === region && a.kind === 'REST' && a.endpointType !== 'PRIVATE' && !a.disableExecuteApiEndpoint
    && (a.policy === undefined || manifest.policies[a.policy]!.kind === 'open'));
  if (!api) throw new Error(`the estate has no open public REST API in ${region}: change the seed`);
  return api;
}

describe('generate-estate', () => {
  it('writes a snapshot that loads with no problems and no warnings', () => {
    expect(loaded.problems).toEqual([]);
    expect(loaded.model.notes.filter((n) => n.level !== 'info')).toEqual([]);
    expect(loaded.model.missingCollections).toEqual([]);
  });

  it('spreads the estate over the accounts and regions asked for', () => {
    expect(manifest.accounts).toHaveLength(OPTIONS.accounts);
    expect(new Set(loaded.model.vpcs.map((v) => v.account))).toEqual(new Set(manifest.accounts));
    expect(new Set(loaded.model.vpcs.map((v) => v.region))).toEqual(new Set(manifest.regions));
    for (const v of manifest.vpcs) expect(loaded.model.vpcs.find((m) => m.id === v.id)).toMatchObject({ account: v.account, region: v.region });
  });

  it('holds the VPCs, subnets, instances, functions and endpoints the generator chose', () => {
    const m = loaded.model;
    const sum = (f: (v: VpcChoice) => number) => manifest.vpcs.reduce((n, v) => n + f(v), 0);
    expect(m.vpcs).toHaveLength(OPTIONS.vpcs);
    expect(m.subnets).toHaveLength(sum((v) => v.subnets.length));
    expect(m.instances.map((i) => i.id).sort()).toEqual(manifest.vpcs.flatMap((v) => v.instances.map((i) => i.id)).sort());
    expect(m.lambdaFunctions.map((f) => f.id).sort()).toEqual(manifest.vpcs.flatMap((v) => v.functions).sort());
    const executeApi = m.vpcEndpoints.filter((e) => typeof e.serviceName === 'string' && e.serviceName.endsWith('.execute-api'));
    expect(executeApi.map((e) => e.id).sort()).toEqual(manifest.vpcs.flatMap((v) => (v.endpoint ? [v.endpoint.id] : [])).sort());
    for (const v of manifest.vpcs.filter((x) => x.endpoint)) {
      expect(executeApi.find((e) => e.id === v.endpoint!.id)).toMatchObject({ vpcId: v.id, privateDnsEnabled: v.endpoint!.privateDns, networkInterfaceIds: v.endpoint!.eniIds });
    }
    expect(m.vpcEndpoints).toHaveLength(executeApi.length + sum((v) => (v.s3Endpoint ? 1 : 0)));
    expect(sum((v) => (v.endpoint ? 1 : 0))).toBeGreaterThan(0);
    expect(sum((v) => (v.endpoint ? 1 : 0))).toBeLessThan(OPTIONS.vpcs);
  });

  it('holds the APIs, custom domains and hosted zones the generator chose', () => {
    const m = loaded.model;
    expect(m.apis).toHaveLength(OPTIONS.apis);
    for (const a of manifest.apis) {
      const api = m.apis.find((x) => x.id === a.id);
      expect(api).toMatchObject({ kind: a.kind, endpointType: a.endpointType, account: a.account, region: a.region, disableExecuteApiEndpoint: a.disableExecuteApiEndpoint });
      expect(api!.policy !== undefined).toBe(a.policy !== undefined);
      expect(api!.stages).toEqual(a.stages.map((name) => expect.objectContaining({ name })));
    }
    const kinds = new Set(manifest.apis.map((a) => a.endpointType));
    expect(kinds).toEqual(new Set(['EDGE', 'REGIONAL', 'PRIVATE']));
    expect(manifest.apis.some((a) => a.kind === 'HTTP')).toBe(true);
    expect(new Set(manifest.apis.flatMap((a) => (a.policy === undefined ? [] : [a.policy]))).size).toBeLessThanOrEqual(manifest.policies.length);

    expect(m.domainNames.map((d) => d.domainName).sort()).toEqual(manifest.domains.map((d) => d.name).sort());
    for (const d of manifest.domains) {
      const domain = m.domainNames.find((x) => x.domainName === d.name)!;
      expect(domain.endpointType).toBe(d.endpointType);
      expect(domain.mappings.map((x) => [x.basePath, x.apiId]).sort()).toEqual(d.mappings.map((x) => [x.basePath, x.apiId]).sort());
    }
    expect(m.hostedZones.map((z) => z.id).sort()).toEqual(manifest.zones.map((z) => z.id).sort());
    expect(manifest.zones.some((z) => z.shadowsExecuteApi)).toBe(true);
    // Custom domains hosted outside Route 53, or as CNAMEs in it, are in PublicDns.json.
    expect(m.publicDns.map((r) => r.name).sort()).toEqual(manifest.domains.filter((d) => d.dns !== 'route53-alias').map((d) => d.name).sort());
  });

  it('is the same for the same seed, and another for another seed', () => {
    const again = generateEstate(join(root, 'again'), OPTIONS);
    expect(again.manifest).toEqual(manifest);
    expect(digest(join(root, 'again'))).toEqual(digest(join(root, 'estate')));
    const other = generateEstate(join(root, 'other'), { ...OPTIONS, seed: OPTIONS.seed + 1 });
    expect(other.manifest.vpcs.map((v) => v.id)).not.toEqual(manifest.vpcs.map((v) => v.id));
  });

  it('a public API\'s default URL, from a VPC whose endpoint has private DNS on: 403 from the endpoint', () => {
    const vpc = capturedVpc();
    const api = openPublicApi(vpc.region);
    const t = trace(loaded.model, { from: vpc.instances[0]!.id, url: defaultUrl(api) });
    expect(t.reached).toBe(false);
    expect(t.answer).toMatchObject({ result: 'http', status: 403 });
    expect(t.cause.code).toBe('public-api-via-vpc-endpoint');
    expect(t.via).toContain('vpc-endpoint');
  });

  it('the same call from a workload with internet access and no capturing endpoint: reached', () => {
    const { vpc, instance } = internetWorkload();
    const api = openPublicApi(vpc.region);
    const t = trace(loaded.model, { from: instance.id, url: defaultUrl(api) });
    expect(t.cause.code).toBe('ok');
    expect(t.reached).toBe(true);
    expect(t.via).toContain(vpc.instances.find((i) => i.id === instance.id)!.publicIp ? 'internet-gateway' : 'nat-gateway');
  });

  it('a private API whose policy admits any endpoint, through the VPC\'s endpoint: reached', () => {
    const vpc = capturedVpc();
    const api = manifest.apis.find((a) => a.region === vpc.region && a.endpointType === 'PRIVATE' && a.policy !== undefined && manifest.policies[a.policy]!.kind === 'open');
    if (!api) throw new Error(`the estate has no open private API in ${vpc.region}: change the seed`);
    const t = trace(loaded.model, { from: vpc.instances[0]!.id, url: defaultUrl(api) });
    expect(t.cause.code).toBe('ok');
    expect(t.via).toEqual(['vpc-endpoint', 'api-gateway']);
  });
});
