// `npx tsx scripts/generate-estate.ts --out DIR [--accounts N] [--vpcs N] [--subnets-per-vpc N] [--apis N]
// [--private-share F] [--endpoint-share F] [--domains N] [--policies N] [--regions N] [--seed N]`:
// writes a synthetic estate as a snapshot folder (the layout `vpcpath collect --accounts` writes), the same for
// the same seed, for testing and benchmarking `vpcpath audit` at scale.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { outDirProblem } from '../src/sources/aws/write-snapshot.js';
import { planApis, planDomains, planPolicies, writeRegionApis, type ApiPlan } from './estate/apis.js';
import { planZones, writeGlobal } from './estate/dns.js';
import { BASE_TIME, planVpc, REGION_NAMES, REGION_WEIGHTS, writeRegionNetwork, type VpcPlan } from './estate/network.js';
import { Rng } from './estate/random.js';
import { DEFAULT_OPTIONS, type ApiChoice, type EstateManifest, type EstateOptions, type EstateSummary } from './estate/types.js';
import { EstateWriter } from './estate/writer.js';

export type * from './estate/types.js';
export { DEFAULT_OPTIONS } from './estate/types.js';

const ALIASES = [
  'shared-services', 'payments', 'orders', 'identity', 'analytics', 'platform', 'web', 'mobile', 'data', 'ml', 'billing',
  'search', 'catalog', 'media', 'partners', 'logistics', 'support', 'security', 'network', 'sandbox',
];

/** The default URL of an API's `call`: `https://{id}.execute-api.{region}.amazonaws.com/{stage}{path}` (no stage for `$default`). */
export function defaultUrl(api: ApiChoice): string {
  const stage = api.call.stage === '$default' ? '' : `/${api.call.stage}`;
  return `https://${api.id}.execute-api.${api.region}.amazonaws.com${stage}${api.call.path}`;
}

function check(opts: EstateOptions): void {
  const whole = (name: string, v: number, min: number) => {
    if (!Number.isInteger(v) || v < min) throw new Error(`--${name} must be a whole number >= ${min} (got ${v})`);
  };
  whole('accounts', opts.accounts, 1);
  whole('vpcs', opts.vpcs, 0);
  whole('subnets-per-vpc', opts.subnetsPerVpc, 1);
  whole('apis', opts.apis, 0);
  whole('domains', opts.domains, 0);
  whole('policies', opts.policies, 1);
  whole('regions', opts.regions, 1);
  whole('seed', opts.seed, 0);
  if (opts.regions > REGION_NAMES.length) throw new Error(`--regions is at most ${REGION_NAMES.length}`);
  if (opts.subnetsPerVpc > 250) throw new Error('--subnets-per-vpc is at most 250 (one /24 each in a /16)');
  for (const [name, v] of [['private-share', opts.privateShare], ['endpoint-share', opts.endpointShare]] as const) {
    if (!(v >= 0 && v <= 1)) throw new Error(`--${name} must be between 0 and 1 (got ${v})`);
  }
}

/**
 * Writes the estate into `dir` (which must not exist, be empty, or hold an earlier snapshot, which is replaced)
 * and answers what was chosen, for tests to derive their expectations from.
 */
export function generateEstate(dir: string, options: Partial<EstateOptions> = {}): { manifest: EstateManifest; summary: EstateSummary } {
  const t0 = performance.now();
  const apis = options.apis ?? DEFAULT_OPTIONS.apis;
  const opts: EstateOptions = { ...DEFAULT_OPTIONS, domains: Math.round(apis / 20), ...options };
  check(opts);
  const problem = outDirProblem(dir);
  if (problem) throw new Error(problem);
  if (existsSync(dir)) rmSync(join(dir, 'aws_configs'), { recursive: true, force: true });

  const rng = new Rng(opts.seed);
  const regions = REGION_NAMES.slice(0, opts.regions);
  const regionWeights = regions.map((r, k) => [r, REGION_WEIGHTS[k]!] as const);
  const accounts = Array.from({ length: opts.accounts }, () => rng.accountId());
  const aliases = new Map(accounts.map((a, k) => [a, k < ALIASES.length ? ALIASES[k]! : `team${k}`]));
  const aliasOf = (account: string) => aliases.get(account)!;
  const place = () => ({ account: rng.pick(accounts), region: rng.weighted(regionWeights) });

  // The first VPCs go one to each account and region, so that each has some; the rest anywhere.
  const vpcs: VpcPlan[] = Array.from({ length: opts.vpcs }, (_, i) => {
    const spread = i < Math.max(accounts.length, regions.length);
    const { account, region } = spread ? { account: accounts[i % accounts.length]!, region: regions[i % regions.length]! } : place();
    return planVpc(rng, opts, i, account, aliasOf(account), region);
  });
  const policies = planPolicies(rng, opts.policies, regions, vpcs);
  const apiPlans = planApis(rng, opts, place, policies, vpcs);
  const domains = planDomains(rng, opts.domains, apiPlans, aliasOf);
  const zones = planZones(rng, accounts, aliasOf, vpcs, apiPlans, domains);

  const w = new EstateWriter(dir);
  const key = (account: string, region: string) => `${account}/${region}`;
  const group = <T>(items: readonly T[], of: (t: T) => string) => {
    const out = new Map<string, T[]>();
    for (const t of items) out.set(of(t), [...(out.get(of(t)) ?? []), t]);
    return out;
  };
  const vpcsAt = group(vpcs, (v) => key(v.choice.account, v.choice.region));
  const apisAt = new Map<string, ApiPlan[]>();
  for (const a of apiPlans) {
    const k = key(a.choice.account, a.choice.region);
    const list = apisAt.get(k);
    if (list) list.push(a);
    else apisAt.set(k, [a]);
  }
  const domainsAt = group(domains, (d) => key(d.account, d.region));
  for (const account of accounts) {
    for (const region of regions) {
      const k = key(account, region);
      writeRegionNetwork(rng, w, account, region, vpcsAt.get(k) ?? []);
      writeRegionApis(rng, w, account, region, apisAt.get(k) ?? [], domainsAt.get(k) ?? [], policies);
    }
    writeGlobal(rng, w, account, zones.filter((z) => z.choice.account === account), domains.filter((d) => d.account === account));
  }
  w.finish({ accounts, regions: [...regions], collectedAt: new Date(BASE_TIME + 400 * 86400 * 1000).toISOString() });

  const manifest: EstateManifest = {
    options: opts, accounts, regions: [...regions], vpcs: vpcs.map((v) => v.choice), policies,
    apis: apiPlans.map((a) => a.choice), domains, zones: zones.map((z) => z.choice),
  };
  return { manifest, summary: { files: w.files, bytes: w.bytes, ms: performance.now() - t0 } };
}

/** One line: what was written, how big, how long it took. */
export function summaryLine(dir: string, m: EstateManifest, s: EstateSummary): string {
  const count = <T>(items: readonly T[], f: (t: T) => boolean) => items.filter(f).length;
  const sum = <T>(items: readonly T[], f: (t: T) => number) => items.reduce((n, t) => n + f(t), 0);
  return `${dir}: ${m.accounts.length} accounts, ${m.regions.length} regions, ${m.vpcs.length} VPCs `
    + `(${sum(m.vpcs, (v) => v.subnets.length)} subnets, ${sum(m.vpcs, (v) => v.instances.length)} instances, `
    + `${sum(m.vpcs, (v) => v.functions.length)} functions, ${count(m.vpcs, (v) => v.endpoint !== undefined)} execute-api endpoints), `
    + `${m.apis.length} APIs (${count(m.apis, (a) => a.kind === 'REST')} REST of which ${count(m.apis, (a) => a.endpointType === 'PRIVATE')} private, `
    + `${count(m.apis, (a) => a.kind === 'HTTP')} HTTP; ${m.policies.length} policy shapes), ${m.domains.length} custom domains, `
    + `${m.zones.length} hosted zones -> ${s.files} files, ${(s.bytes / 1024 / 1024).toFixed(1)} MiB in ${(s.ms / 1000).toFixed(1)} s`;
}

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv, strict: true,
    options: {
      'out': { type: 'string' }, 'accounts': { type: 'string' }, 'vpcs': { type: 'string' }, 'subnets-per-vpc': { type: 'string' },
      'apis': { type: 'string' }, 'private-share': { type: 'string' }, 'endpoint-share': { type: 'string' }, 'domains': { type: 'string' },
      'policies': { type: 'string' }, 'regions': { type: 'string' }, 'seed': { type: 'string' }, 'help': { type: 'boolean' },
    },
  });
  if (values.help || !values.out) {
    console.log('usage: npx tsx scripts/generate-estate.ts --out DIR [--accounts N] [--vpcs N] [--subnets-per-vpc N] [--apis N]\n'
      + '         [--private-share F] [--endpoint-share F] [--domains N] [--policies N] [--regions N] [--seed N]\n'
      + `defaults: ${JSON.stringify(DEFAULT_OPTIONS)}; --domains defaults to --apis / 20`);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  const given: Partial<Record<keyof EstateOptions, number | undefined>> = {
    accounts: num(values.accounts), vpcs: num(values.vpcs), subnetsPerVpc: num(values['subnets-per-vpc']), apis: num(values.apis),
    privateShare: num(values['private-share']), endpointShare: num(values['endpoint-share']), domains: num(values.domains),
    policies: num(values.policies), regions: num(values.regions), seed: num(values.seed),
  };
  const options = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Partial<EstateOptions>;
  const { manifest, summary } = generateEstate(values.out, options);
  console.log(summaryLine(values.out, manifest, summary));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error(`generate-estate: ${(e as Error).message}`);
    process.exitCode = 2;
  }
}
