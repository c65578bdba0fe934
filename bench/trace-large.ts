// `npx tsx bench/trace-large.ts [--accounts N --vpcs N --apis N --domains N --traces N --seed N]`: what one
// traceRequest costs on a large model. Generates an estate into a temporary folder (deleted afterwards), loads it,
// builds one ModelIndex (timed separately) and times traces from varied workload placements to varied targets,
// printing milliseconds per trace. On a small model a trace costs a fraction of a millisecond; the figure here
// should stay close to that however large the estate.
//
// Recorded on a 2-CPU machine (median of three rounds of 2,000 traces after 1,000 warm-up traces; ms per trace):
//   estate (seed 1, 10 accounts, 3 regions)          lookups scanning the model   ModelIndex lookup maps
//   20 VPCs, 100 APIs, 6 domains (3 accounts)                  0.20                         0.13
//   1,000 VPCs, 10,000 APIs, 300 domains                       0.74 - 0.86                  0.17 - 0.20
//   2,000 VPCs, 20,000 APIs, 600 domains                       2.05                         0.17
// The answer counts printed were the same before and after.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { generateEstate, summaryLine } from '../scripts/generate-estate.js';
import { placementsOf } from '../src/audit/placements.js';
import { estateTargets } from '../src/audit/targets.js';
import { load } from '../src/load/load-model.js';
import { ModelIndex } from '../src/model/index.js';
import { traceRequest } from '../src/sim/trace-request.js';

const { values } = parseArgs({ options: {
  accounts: { type: 'string' }, vpcs: { type: 'string' }, apis: { type: 'string' }, domains: { type: 'string' },
  traces: { type: 'string' }, seed: { type: 'string' },
} });
const size = {
  accounts: Number(values.accounts ?? 10), vpcs: Number(values.vpcs ?? 1000), apis: Number(values.apis ?? 10000),
  domains: Number(values.domains ?? 300), seed: Number(values.seed ?? 1),
};
const count = Number(values.traces ?? 2000);

const made = mkdtempSync(join(tmpdir(), 'vpcpath-trace-bench-'));
try {
  const dir = join(made, 'estate');
  let t = performance.now();
  const { manifest, summary } = generateEstate(dir, size);
  console.log(`generated ${summaryLine(dir, manifest, summary)} (${(performance.now() - t).toFixed(0)} ms)`);

  t = performance.now();
  const { model, problems } = load([dir]);
  console.log(`load: ${(performance.now() - t).toFixed(0)} ms${problems.length ? `, ${problems.length} problems` : ''}`);

  t = performance.now();
  const index = new ModelIndex(model);
  const indexMs = performance.now() - t;
  const placements = placementsOf(index);
  const targets = estateTargets(model);
  console.log(`model: ${model.vpcs.length} VPCs, ${model.apis.length} APIs, ${model.domainNames.length} domains, ${placements.length} placements, ${targets.length} targets; ModelIndex built in ${indexMs.toFixed(0)} ms`);

  // Spread the pairs over the placements and the targets with two coprime strides.
  const pairAt = (i: number) => ({
    from: placements[(i * 7919) % placements.length]!.workloads[0]!.id,
    spec: targets[(i * 104729) % targets.length]!.spec,
  });
  const pairs = Array.from({ length: count }, (_, i) => pairAt(i));
  const run = (list: typeof pairs) => {
    const results: Record<string, number> = {};
    for (const { from, spec } of list) {
      const trace = traceRequest(model, from, spec, { index });
      const key = 'error' in trace ? 'error' : trace.answer.result;
      results[key] = (results[key] ?? 0) + 1;
    }
    return results;
  };
  // Warm up on other pairs (the JIT, and the lookup maps the index builds on first use), then time three rounds.
  t = performance.now();
  run(Array.from({ length: 1000 }, (_, i) => pairAt(count + i)));
  console.log(`warm-up: 1000 other traces in ${(performance.now() - t).toFixed(0)} ms`);
  const rounds: number[] = [];
  let results: Record<string, number> = {};
  for (let round = 0; round < 3; round++) {
    t = performance.now();
    results = run(pairs);
    rounds.push((performance.now() - t) / count);
  }
  console.log(`answers: ${Object.entries(results).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  const median = [...rounds].sort((x, y) => x - y)[1]!;
  console.log(`${count} traces, 3 rounds: ${rounds.map((r) => r.toFixed(3)).join(', ')} ms per trace; median ${median.toFixed(3)} ms per trace`);
} finally {
  rmSync(made, { recursive: true, force: true });
}
