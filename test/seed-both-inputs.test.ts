// One story, two inputs: the seed as templates (examples/seed/) and the same setup built through the AWS API in
// moto and collected as a snapshot give the same trace: same DNS source, path, answer and cause.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load, trace, type Trace } from '../src/index.js';
import type { Model } from '../src/model/index.js';
import { fixMotoEndpointInterfaces, isolateAwsEnv, motoProxy, useMoto } from './support/moto.js';
import { createSeed, REGION, type Seed } from './support/moto-seed.js';
import { runCli } from './support/run-cli.js';
import { REPO } from './support/shared.js';

const moto = useMoto();
let dir = '';
let seed: Seed;
let snapshot: Model;
const template = load([`${REPO}examples/seed/network.yaml`, `${REPO}examples/seed/api.yaml`], { region: REGION }).model;
const templateApi = (name: string) => template.apis.find((a) => a.name === name)!.id;

beforeAll(async () => {
  isolateAwsEnv();
  dir = join(mkdtempSync(join(tmpdir(), 'vpcpath-both-')), 'snapshot');
  // A moto shared with other test files (CI) still holds their resources until it is reset.
  await fetch(`${moto.url}/moto-api/reset`, { method: 'POST' });
  seed = await createSeed(moto.url);
  // moto lacks GetDomainNameAccessAssociations; the proxy answers it with an empty list (see test/support/moto.ts).
  const proxy = await motoProxy(moto.url);
  const run = await runCli('collect', '--region', REGION, '--endpoint-url', proxy.url, '--out', dir).finally(() => proxy.close());
  expect(run.code, run.stderr).toBe(0);
  fixMotoEndpointInterfaces(join(dir, 'aws_configs', REGION));
  const loaded = load([dir]);
  expect(loaded.problems).toEqual([]);
  snapshot = loaded.model;
});
afterAll(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

/** What must agree between the two inputs: everything but ids, names and line numbers. */
function shape(t: Trace) {
  return {
    dns: t.dns?.outcome.kind === 'addresses' ? t.dns.outcome.source : t.dns?.outcome.kind,
    dnsRecords: t.dns?.steps.map((s) => `${s.recordType} ${s.source}`),
    hops: t.hops.map((h) => `${h.action}:${h.verdict}`),
    answer: { result: t.answer.result, status: t.answer.status, errorType: t.answer.errorType, body: t.answer.body },
    cause: t.cause.code, via: t.via, reached: t.reached,
  };
}

const url = (api: string, path: string) => `https://${api}.execute-api.${REGION}.amazonaws.com${path}`;

describe('the seed as templates and as a collected snapshot', () => {
  it('the public API by its default URL: the same 403 from the endpoint', () => {
    const fromTemplate = trace(template, { from: 'AppInstance', url: url(templateApi('PublicApi'), '/dev/items') });
    const fromSnapshot = trace(snapshot, { from: seed.instance, url: url(seed.publicApi, '/dev/items') });
    expect(fromTemplate.cause.code).toBe('public-api-via-vpc-endpoint');
    expect(shape(fromSnapshot)).toEqual(shape(fromTemplate));
  });

  it('the private API by its default URL: reached the same way', () => {
    const fromTemplate = trace(template, { from: 'AppInstance', url: url(templateApi('PrivateApi'), '/prod/') });
    const fromSnapshot = trace(snapshot, { from: seed.instance, url: url(seed.privateApi, '/prod/') });
    expect(fromTemplate.cause.code).toBe('ok');
    expect(shape(fromSnapshot)).toEqual(shape(fromTemplate));
  });
});
