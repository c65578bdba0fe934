// vpcpath collect when AWS says no: denied calls, an unreachable service, no credentials, nothing collected.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixMotoEndpointInterfaces, freePort, useMoto, useSnapshotDir } from './support/moto.js';
import { createSeed } from './support/moto-seed.js';
import { runCli } from './support/run-cli.js';

const REGION = 'ap-northeast-1';
const moto = useMoto();
let denier: Server;
let denierUrl = '';

/**
 * Where no real part can deny: a loopback endpoint that answers every request as IAM does when a policy lacks
 * the action (HTTP 403, AccessDeniedException, in the JSON protocols of route53resolver and lambda).
 */
beforeAll(async () => {
  denier = createServer((req, res) => {
    req.resume();
    const target = String(req.headers['x-amz-target'] ?? '');
    const action = target ? `route53resolver:${target.split('.').pop()}` : 'lambda:ListFunctions';
    res.writeHead(403, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'AccessDeniedException' });
    res.end(JSON.stringify({ __type: 'AccessDeniedException',
      Message: `User: arn:aws:iam::123456789012:user/moto is not authorized to perform: ${action} with an explicit deny` }));
  });
  await new Promise<void>((resolve) => denier.listen(0, '127.0.0.1', resolve));
  const address = denier.address();
  denierUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => denier.close(() => resolve())));

const out = useSnapshotDir();

const read = out.read;
interface Call { service: string; operation: string; ok: boolean; error?: string; message?: string; region?: string; account: string }

describe('vpcpath collect with failing calls', () => {
  it('finishes when calls are denied or unreachable, and lists them in the manifest and on stderr', async () => {
    // AWS_ENDPOINT_URL (no --endpoint-url) for every service, and the SDK's per-service overrides for three.
    vi.stubEnv('AWS_ENDPOINT_URL', moto.url);
    vi.stubEnv('AWS_ENDPOINT_URL_ROUTE53RESOLVER', denierUrl);
    vi.stubEnv('AWS_ENDPOINT_URL_LAMBDA', denierUrl);
    vi.stubEnv('AWS_ENDPOINT_URL_APIGATEWAYV2', `http://127.0.0.1:${await freePort()}`); // nothing listens there
    const seed = await createSeed(moto.url);
    const run = await runCli('collect', '--region', REGION, '--out', out.dir, '--max-attempts', '1');
    expect(run.code, run.stderr).toBe(0);

    const manifest = read('manifest.json');
    expect(manifest.endpointUrl).toBe(moto.url);
    const failed: Call[] = manifest.calls.filter((c: Call) => !c.ok);
    const denied = failed.filter((c) => c.error === 'AccessDeniedException').map((c) => `${c.service} ${c.operation}`).sort();
    expect(denied).toEqual(['lambda ListFunctions', 'route53resolver ListResolverEndpoints',
      'route53resolver ListResolverRuleAssociations', 'route53resolver ListResolverRules']);
    expect(failed.find((c) => c.operation === 'ListResolverRules')).toMatchObject({ region: REGION, httpStatus: 403,
      message: expect.stringContaining('not authorized to perform: route53resolver:ListResolverRules') });
    const unreachable = failed.filter((c) => c.service === 'apigatewayv2').map((c) => `${c.operation} ${c.error}`).sort();
    expect(unreachable).toEqual(['GetApis ECONNREFUSED', 'GetDomainNames ECONNREFUSED']);
    expect(run.stderr).toContain(`${manifest.calls.length} calls, ${failed.length} failed`);
    expect(run.stderr).toMatch(/failed: 123456789012 ap-northeast-1 route53resolver ListResolverRules: AccessDeniedException: User: .* is not authorized/);
    expect(run.stderr).toMatch(/failed: 123456789012 ap-northeast-1 apigatewayv2 GetApis: ECONNREFUSED/);

    // What was denied is absent; everything else is there.
    for (const f of ['ResolverRules', 'Functions', 'Apis']) expect(existsSync(join(out.dir, 'aws_configs', REGION, `${f}.json`)), f).toBe(false);
    for (const f of ['Vpcs', 'Subnets', 'RestApis']) expect(existsSync(join(out.dir, 'aws_configs', REGION, `${f}.json`)), f).toBe(true);

    // The traces that need what was denied answer unknown and name the call; the others still answer.
    fixMotoEndpointInterfaces(join(out.dir, 'aws_configs', REGION));
    const url = `https://${seed.publicApi}.execute-api.${REGION}.amazonaws.com/dev/items`;
    const affected = await runCli('trace', out.dir, '--from', seed.instance, '--url', url, '--json');
    const t = JSON.parse(affected.stdout);
    expect(t.answer.result).toBe('unknown');
    expect(t.cause.code).toBe('missing-facts');
    expect(JSON.stringify(t.missing)).toContain('ListResolverRules');
    const endpointIp = read(`aws_configs/${REGION}/NetworkInterfaces.json`).NetworkInterfaces
      .find((n: { InterfaceType?: string; Description?: string }) => n.InterfaceType === 'vpc_endpoint' || /VPC Endpoint/i.test(n.Description ?? ''))
      .PrivateIpAddress;
    const networkOnly = JSON.parse((await runCli('trace', out.dir, '--from', seed.instance, '--request', `TCP ${endpointIp}:443`, '--json')).stdout);
    expect(networkOnly.answer.result).toBe('delivered');
  });

  it('exits 1 when nothing can be collected: no credentials', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', undefined);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', undefined);
    const run = await runCli('collect', '--region', REGION, '--endpoint-url', moto.url, '--out', out.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error: cannot call AWS: sts GetCallerIdentity failed: CredentialsProviderError/);
    expect(existsSync(out.dir)).toBe(false);
  });

  it('exits 1 when every call fails, and still writes the manifest that says why', async () => {
    vi.stubEnv('AWS_ENDPOINT_URL', denierUrl);
    vi.stubEnv('AWS_ENDPOINT_URL_STS', moto.url);
    const run = await runCli('collect', '--region', REGION, '--out', out.dir, '--max-attempts', '1');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no call succeeded');
    expect(read('manifest.json').calls.every((c: Call) => !c.ok)).toBe(true);
  });
});
