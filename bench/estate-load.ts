// `npx tsx bench/estate-load.ts [--dir DIR] [--runs N] [--cpu-prof DIR]`: how long a large estate takes to load
// into the model, against the time to merely list, read and JSON.parse its files (wall clock, and the process's
// CPU time, which a busy machine disturbs less), and the peak RSS of each. Without --dir, the full-size estate
// (20 accounts, 2,000 VPCs, 20,000 APIs, 1,000 custom domains) is generated into a temporary folder first. Each
// measurement runs in a fresh process, so that peak RSS is that of one phase alone; --cpu-prof DIR adds a CPU
// profile of one more load.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { load } from '../src/index.js';
import { generateEstate, summaryLine } from '../scripts/generate-estate.js';

interface ParseFigures { phase: 'parse'; files: number; bytes: number; listMs: number; readMs: number; parseMs: number; cpuMs: number; rssBeforeMb: number; maxRssMb: number }
interface LoadFigures { phase: 'load'; ms: number; cpuMs: number; problems: number; notes: number; counts: Record<string, number>; rssBeforeMb: number; maxRssMb: number; heapUsedMb: number }

const mb = (bytes: number) => bytes / 1024 / 1024;

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).map((f) => join(dir, f));
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/** Lists, reads and parses every JSON file of the folder, keeping nothing. */
function parsePhase(dir: string): ParseFigures {
  const rssBeforeMb = mb(process.memoryUsage().rss);
  const cpu = process.cpuUsage();
  const t = performance.now();
  const files = jsonFiles(dir);
  const listMs = performance.now() - t;
  let bytes = 0;
  let readMs = 0;
  let parseMs = 0;
  for (const file of files) {
    const t0 = performance.now();
    const text = readFileSync(file, 'utf8');
    const t1 = performance.now();
    JSON.parse(text);
    parseMs += performance.now() - t1;
    readMs += t1 - t0;
    bytes += text.length;
  }
  return { phase: 'parse', files: files.length, bytes, listMs, readMs, parseMs, cpuMs: cpuMs(cpu), rssBeforeMb, maxRssMb: process.resourceUsage().maxRSS / 1024 };
}

function loadPhase(dir: string): LoadFigures {
  const rssBeforeMb = mb(process.memoryUsage().rss);
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const loaded = load([dir]);
  const ms = performance.now() - t0;
  const cpuUsed = cpuMs(cpu);
  const m = loaded.model;
  return {
    phase: 'load', ms, cpuMs: cpuUsed, problems: loaded.problems.length, notes: m.notes.length,
    counts: { vpcs: m.vpcs.length, subnets: m.subnets.length, networkInterfaces: m.networkInterfaces.length, instances: m.instances.length, vpcEndpoints: m.vpcEndpoints.length, apis: m.apis.length, domainNames: m.domainNames.length, hostedZones: m.hostedZones.length },
    rssBeforeMb, maxRssMb: process.resourceUsage().maxRSS / 1024, heapUsedMb: mb(process.memoryUsage().heapUsed),
  };
}

/** One phase in a fresh process (with the same loader, tsx), answering its figures. */
function child<T>(phase: 'parse' | 'load', dir: string, extraNodeArgs: string[] = []): T {
  const script = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, [...extraNodeArgs, ...process.execArgv, script, '--phase', phase, '--dir', dir], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`the ${phase} phase failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as T;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function main(): void {
  const { values } = parseArgs({ options: { dir: { type: 'string' }, runs: { type: 'string' }, phase: { type: 'string' }, 'cpu-prof': { type: 'string' } } });
  if (values.phase) {
    const dir = values.dir!;
    console.log(JSON.stringify(values.phase === 'parse' ? parsePhase(dir) : loadPhase(dir)));
    return;
  }
  const runs = Number(values.runs ?? 3);
  let dir = values.dir;
  let made: string | undefined;
  if (!dir) {
    made = mkdtempSync(join(tmpdir(), 'vpcpath-estate-'));
    dir = join(made, 'estate');
    const { manifest, summary } = generateEstate(dir, { accounts: 20, vpcs: 2000, apis: 20000, domains: 1000 });
    console.log(`generated ${summaryLine(dir, manifest, summary)}`);
  }
  try {
    child<ParseFigures>('parse', dir); // warms the page cache
    const parses: ParseFigures[] = [];
    const loads: LoadFigures[] = [];
    for (let i = 0; i < runs; i++) {
      parses.push(child<ParseFigures>('parse', dir));
      loads.push(child<LoadFigures>('load', dir));
    }
    if (values['cpu-prof']) child<LoadFigures>('load', dir, ['--cpu-prof', '--cpu-prof-dir', values['cpu-prof']]);
    const p = parses[0]!;
    const l = loads[0]!;
    const parseMs = median(parses.map((x) => x.parseMs));
    const readParseMs = median(parses.map((x) => x.listMs + x.readMs + x.parseMs));
    const parseCpu = median(parses.map((x) => x.cpuMs));
    const loadMs = median(loads.map((x) => x.ms));
    const loadCpu = median(loads.map((x) => x.cpuMs));
    const du = jsonFiles(dir).reduce((n, f) => n + statSync(f).size, 0);
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`.padStart(8);
    console.log(`estate ${dir}: ${p.files} JSON files, ${mb(du).toFixed(1)} MiB`);
    console.log(`model: ${Object.entries(l.counts).map(([k, v]) => `${v} ${k}`).join(', ')}; ${l.problems} problems, ${l.notes} notes`);
    console.log(`median of ${runs} runs, each in a fresh process (wall clock; CPU time of the process, GC threads included):`);
    console.log(`  JSON.parse only            ${s(parseMs)}`);
    console.log(`  list + read + JSON.parse   ${s(readParseMs)}  cpu ${s(parseCpu)}   peak RSS ${median(parses.map((x) => x.maxRssMb)).toFixed(0)} MiB`);
    console.log(`  load (model)               ${s(loadMs)}  cpu ${s(loadCpu)}   peak RSS ${median(loads.map((x) => x.maxRssMb)).toFixed(0)} MiB (${median(loads.map((x) => x.rssBeforeMb)).toFixed(0)} MiB before), heap after ${median(loads.map((x) => x.heapUsedMb)).toFixed(0)} MiB`);
    console.log(`  load / (list+read+parse)   ${(loadMs / readParseMs).toFixed(2)}x   cpu ${(loadCpu / parseCpu).toFixed(2)}x   load / JSON.parse only ${(loadMs / parseMs).toFixed(2)}x`);
    if (values['cpu-prof']) console.log(`  CPU profile of one more load in ${values['cpu-prof']}`);
  } finally {
    if (made) rmSync(made, { recursive: true, force: true });
  }
}

main();
