// `npm run bench`: load and trace times for the seed example and the largest corpus template (figures only).
import { statSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { load, trace } from '../src/index.js';

const repo = fileURLToPath(new URL('../', import.meta.url));
const shared = fileURLToPath(new URL('../../shared/', import.meta.url));

function time<T>(runs: number, fn: () => T): { median: number; p95: number; last: T } {
  const samples: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(runs / 2)]!, p95: samples[Math.floor(runs * 0.95)]!, last };
}

function largestCorpusTemplate(): string {
  const root = `${shared}corpora/serverless-patterns/`;
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(`${dir}${e.name}/`);
      else if (/\.ya?ml$/.test(e.name)) files.push(`${dir}${e.name}`);
    }
  };
  walk(root);
  return files.sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
const seedInputs = [`${repo}examples/seed/network.yaml`, `${repo}examples/seed/api.yaml`];
const seedOptions = { region: 'ap-northeast-1', factsFile: `${repo}examples/seed/facts.yaml` };
const seedLoad = time(50, () => load(seedInputs, seedOptions));
const model = seedLoad.last.model;
const apiId = model.apis.find((a) => a.name === 'PublicApi')!.id;
const seedTrace = time(500, () => trace(model, { from: 'AppInstance', url: `https://${apiId}.execute-api.ap-northeast-1.amazonaws.com/dev/items` }));
const edgeTrace = time(500, () => trace(model, { from: 'AppInstance', url: 'https://api.example.com/items' }));

const largest = largestCorpusTemplate();
const largestLoad = time(50, () => load([largest]));
const mem = process.memoryUsage();

console.log('vpcpath benchmark (median / p95 over repeated runs, in-process)');
console.log(`seed load (2 stacks + facts)          ${fmt(seedLoad.median)} / ${fmt(seedLoad.p95)}`);
console.log(`seed trace, default URL (403)         ${fmt(seedTrace.median)} / ${fmt(seedTrace.p95)}`);
console.log(`seed trace, EDGE custom domain        ${fmt(edgeTrace.median)} / ${fmt(edgeTrace.p95)}`);
console.log(`largest corpus template load          ${fmt(largestLoad.median)} / ${fmt(largestLoad.p95)}  (${largest.replace(shared, 'shared/')}, ${statSync(largest).size} bytes, ${largestLoad.last.model.notes.length} notes)`);
console.log(`heap used after runs                  ${(mem.heapUsed / 1024 / 1024).toFixed(1)} MiB, rss ${(mem.rss / 1024 / 1024).toFixed(1)} MiB`);
