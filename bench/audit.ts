// `npx tsx bench/audit.ts [--dir DIR] [--accounts N --vpcs N --apis N --domains N] [--budget-s S]`: how an
// estate-wide audit scales. Prints the plain JSON parse time of the input, the load time, the equivalence
// classes, the audit time, pairs per second, peak memory, and the ratio of audit time to parse time.
// When the traces the classes need would take longer than the budget, the audit is not run: the figures printed
// are then projected from a measured sample of class pairs, and say so.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { generateEstate, summaryLine } from '../scripts/generate-estate.js';
import { audit } from '../src/audit/audit.js';
import { EstateNames, placementSignature, targetSignature, type VpcContent } from '../src/audit/equivalence.js';
import { placementsOf } from '../src/audit/placements.js';
import { estateTargets } from '../src/audit/targets.js';
import { load } from '../src/load/load-model.js';
import { ModelIndex } from '../src/model/index.js';
import { traceRequest } from '../src/sim/trace-request.js';

const { values } = parseArgs({ options: {
  dir: { type: 'string' }, accounts: { type: 'string' }, vpcs: { type: 'string' }, apis: { type: 'string' },
  domains: { type: 'string' }, 'budget-s': { type: 'string' },
} });
const budgetMs = Number(values['budget-s'] ?? 120) * 1000;
const size = { accounts: Number(values.accounts ?? 4), vpcs: Number(values.vpcs ?? 100), apis: Number(values.apis ?? 1000), domains: Number(values.domains ?? 50) };
const peakMb = () => process.resourceUsage().maxRSS / 1024;

let made: string | undefined;
let dir = values.dir;
if (!dir) {
  made = mkdtempSync(join(tmpdir(), 'vpcpath-audit-bench-'));
  dir = join(made, 'estate');
  const { manifest, summary } = generateEstate(dir, size);
  console.log(`generated ${summaryLine(dir, manifest, summary)}`);
}

const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).map((f) => join(dir, f));
let t = performance.now();
let bytes = 0;
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  bytes += text.length;
  JSON.parse(text);
}
const parseMs = performance.now() - t;

t = performance.now();
const { model } = load([dir]);
const loadMs = performance.now() - t;

// The classes, and what tracing one pair of them costs on this model.
t = performance.now();
const index = new ModelIndex(model);
const placements = placementsOf(index);
const targets = estateTargets(model);
const names = new EstateNames(model);
const cache = new Map<string, VpcContent>();
const pClasses = new Set(placements.map((p) => placementSignature(index, p, names, cache))).size;
const tClasses = new Set(targets.map((x) => targetSignature(x, x.apiId ? index.apis.get(x.apiId) : undefined, names))).size;
const classMs = performance.now() - t;
const sample = Math.min(300, pClasses * tClasses);
t = performance.now();
for (let i = 0; i < sample; i++) {
  const p = placements[(i * 7919) % placements.length]!;
  traceRequest(model, p.workloads[0]!.id, targets[(i * 104729) % targets.length]!.spec, { index });
}
const perTraceMs = (performance.now() - t) / Math.max(1, sample);
const traces = pClasses * tClasses;
const projectedMs = classMs + traces * perTraceMs;
const pairs = placements.reduce((n, p) => n + p.workloads.length, 0) * targets.length;

const mbText = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
console.log(`estate: ${model.vpcs.length} VPCs, ${model.apis.length} APIs, ${placements.length} workload placements, ${targets.length} targets, ${files.length} files, ${mbText(bytes)}`);
console.log(`parse (read + JSON.parse only): ${parseMs.toFixed(0)} ms`);
console.log(`load into the model:            ${loadMs.toFixed(0)} ms`);
console.log(`classes: ${pClasses} placement classes x ${tClasses} target classes = ${traces} traces for ${pairs} pairs (signatures ${classMs.toFixed(0)} ms); one trace ${perTraceMs.toFixed(3)} ms`);
if (projectedMs > budgetMs) {
  console.log(`audit: NOT RUN: projected ${(projectedMs / 1000).toFixed(1)} s exceeds the budget of ${budgetMs / 1000} s (--budget-s)`);
  console.log(`projected: ${(pairs / (projectedMs / 1000)).toFixed(0)} pairs/s, audit/parse ratio ${(projectedMs / parseMs).toFixed(1)}`);
} else {
  t = performance.now();
  const report = audit(model);
  const auditMs = performance.now() - t;
  console.log(`audit: ${auditMs.toFixed(0)} ms, ${report.stats.traced} traces, ${report.findings.length} findings`);
  console.log(`pairs/s: ${(report.stats.pairs / (auditMs / 1000)).toFixed(0)}; audit/parse ratio ${(auditMs / parseMs).toFixed(1)}`);
}
console.log(`peak memory (max RSS): ${peakMb().toFixed(0)} MB`);
if (made) rmSync(made, { recursive: true, force: true });
