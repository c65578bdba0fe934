// moto_server for the collector's tests: one per test file on 127.0.0.1, reset before each test, stopped after.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as createHttpServer, request } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';

export interface Moto {
  readonly url: string;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/** A port free on 127.0.0.1 right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/moto-api/data.json`, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

async function reset(url: string): Promise<void> {
  const res = await fetch(`${url}/moto-api/reset`, { method: 'POST' });
  if (!res.ok) throw new Error(`moto reset answered HTTP ${res.status}`);
}

/**
 * `VPCPATH_MOTO_ENDPOINT` when set (a server someone else runs and stops), else a new
 * `moto_server -H 127.0.0.1 -p <free port>`, waited for until it answers.
 */
export async function startMoto(): Promise<Moto> {
  const given = process.env.VPCPATH_MOTO_ENDPOINT?.replace(/\/+$/, '');
  if (given) return { url: given, reset: () => reset(given), stop: async () => {} };
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (d: Buffer) => { log = (log + d.toString()).slice(-4000); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let failed: Error | undefined;
  child.once('error', (e) => { failed = e; });
  const deadline = Date.now() + 30_000;
  while (!(await answers(url))) {
    if (failed || child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`moto_server did not start on ${url}: ${failed?.message ?? log}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    reset: () => reset(url),
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    },
  };
}

/**
 * Test files run in parallel, and with VPCPATH_MOTO_ENDPOINT they share one server that each resets: a lock
 * (a directory, created atomically) lets one file at a time use moto. A lock whose holder died is taken over.
 */
async function lockMoto(): Promise<() => void> {
  const dir = join(tmpdir(), 'vpcpath-moto-tests.lock');
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(join(dir, 'pid'), String(process.pid));
      return () => rmSync(dir, { recursive: true, force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (holderDied(dir)) rmSync(dir, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
}

function holderDied(dir: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(dir, 'pid'), 'utf8'));
  } catch {
    return false; // being created right now
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Dummy keys, and nothing of this machine's AWS setup (profiles, region, endpoints) leaking into a test. */
export function isolateAwsEnv(): void {
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'testing');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'testing');
  for (const name of ['AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ENDPOINT_URL']) vi.stubEnv(name, undefined);
  vi.stubEnv('AWS_CONFIG_FILE', '/nonexistent/vpcpath-test/config');
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', '/nonexistent/vpcpath-test/credentials');
}

/** One moto for the calling test file: locked and started before its tests, reset before each, stopped after. */
export function useMoto(): { readonly url: string } {
  let moto: Moto | undefined;
  let unlock: (() => void) | undefined;
  beforeAll(async () => {
    unlock = await lockMoto();
    moto = await startMoto().catch((e) => { unlock?.(); throw e; });
  }, 600_000);
  beforeEach(async () => { await moto?.reset(); });
  afterAll(async () => {
    await moto?.stop();
    unlock?.();
  });
  return {
    get url() {
      if (!moto) throw new Error('moto is not started');
      return moto.url;
    },
  };
}

/**
 * Operations moto 5.2 lacks, answered as AWS answers an account without such resources; moto answers them with
 * an HTML 404. apigateway GetDomainNameAccessAssociations: `{"item": []}` (the wire name of `items`).
 */
const GAPS: { method: string; path: RegExp; body: unknown }[] = [
  { method: 'GET', path: /^\/domainnameaccessassociations(\?|$)/, body: { item: [] } },
];

/**
 * A loopback proxy in front of moto: fills GAPS, answers the query-protocol requests `deny` names (by their
 * form body) as IAM answers a denied action (HTTP 403, AccessDenied), and forwards the rest to moto unchanged.
 */
export async function motoProxy(motoUrl: string, deny?: (body: string) => string | undefined): Promise<{ url: string; close(): Promise<void> }> {
  const target = new URL(motoUrl);
  const server = createHttpServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const gap = GAPS.find((g) => g.method === req.method && g.path.test(req.url ?? ''));
    if (gap) return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(gap.body));
    const denied = deny?.(body.toString());
    if (denied) {
      return void res.writeHead(403, { 'content-type': 'text/xml' }).end(`<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>` +
        `<Message>User: arn:aws:iam::123456789012:user/moto is not authorized to perform: ${denied}</Message></Error></ErrorResponse>`);
    }
    const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => { res.writeHead(answer.statusCode ?? 502, answer.headers); answer.pipe(res); });
    upstream.on('error', (e) => res.writeHead(502).end(e.message));
    upstream.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * moto 5.2 gives an interface endpoint's network interface a random 10.x.y.z address, not one of its subnet, and
 * the default security group instead of the endpoint's (moto/ec2/models/vpcs.py, create_vpc_endpoint). AWS
 * places it in the subnet with the endpoint's groups: the snapshot region folder is corrected to that, where needed.
 */
export function fixMotoEndpointInterfaces(regionDir: string): void {
  const json = (f: string) => JSON.parse(readFileSync(join(regionDir, f), 'utf8'));
  const toInt = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
  const toIp = (n: number) => [24, 16, 8, 0].map((b) => Math.floor(n / 2 ** b) % 256).join('.');
  const subnets = new Map<string, string>(json('Subnets.json').Subnets.map((s: { SubnetId: string; CidrBlock: string }) => [s.SubnetId, s.CidrBlock]));
  const enis = json('NetworkInterfaces.json');
  for (const ep of json('VpcEndpoints.json').VpcEndpoints) {
    for (const [i, eni] of enis.NetworkInterfaces.filter((n: { NetworkInterfaceId: string }) => ep.NetworkInterfaceIds?.includes(n.NetworkInterfaceId)).entries()) {
      const [base, bits] = subnets.get(eni.SubnetId)!.split('/');
      const start = toInt(base!);
      if (toInt(eni.PrivateIpAddress) - start >= 2 ** (32 - Number(bits)) || toInt(eni.PrivateIpAddress) < start) {
        const ip = toIp(start + 10 + i);
        Object.assign(eni, { PrivateIpAddress: ip, PrivateIpAddresses: [{ Primary: true, PrivateIpAddress: ip }], Groups: ep.Groups,
          InterfaceType: 'vpc_endpoint', Description: `VPC Endpoint Interface ${ep.VpcEndpointId}`, RequesterManaged: true });
      }
    }
  }
  writeFileSync(join(regionDir, 'NetworkInterfaces.json'), JSON.stringify(enis, null, 2));
}

/** A fresh output folder per test, under a temp folder removed after it, with the AWS environment isolated. */
export function useSnapshotDir(): { readonly dir: string; read(rel: string): any } {
  let dir = '';
  beforeEach(() => {
    isolateAwsEnv();
    dir = join(mkdtempSync(join(tmpdir(), 'vpcpath-collect-')), 'snapshot');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    rmSync(join(dir, '..'), { recursive: true, force: true });
  });
  return {
    get dir() { return dir; },
    read: (rel: string) => JSON.parse(readFileSync(join(dir, rel), 'utf8')),
  };
}
