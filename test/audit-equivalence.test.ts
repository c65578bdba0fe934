// The audit's equivalence classes must never change an answer: on generated estates (several seeds, one region
// so that shapes repeat), every workload-target pair answered through its class equals the pair traced by itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateEstate } from '../scripts/generate-estate.js';
import { eachPair, evaluateEstate } from '../src/audit/evaluate.js';
import { estateTargets } from '../src/audit/targets.js';
import { load } from '../src/load/load-model.js';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

describe('equivalence classes agree with tracing every pair', () => {
  for (const seed of [1, 2, 3]) {
    it(`generated estate, seed ${seed}`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'vpcpath-equiv-'));
      dirs.push(dir);
      generateEstate(dir, { accounts: 2, vpcs: 14, subnetsPerVpc: 2, apis: 30, domains: 6, policies: 4, regions: 1, seed });
      const { model, problems } = load([dir]);
      expect(problems).toEqual([]);
      const targets = estateTargets(model);
      const grouped = evaluateEstate(model, targets);
      const exhaustive = evaluateEstate(model, targets, { exhaustive: true });
      const key = (p: { placement: { key: string }; target: { kind: string; key: string } }) => `${p.placement.key} ${p.target.kind} ${p.target.key}`;
      const byClass = new Map([...eachPair(grouped)].map((p) => [key(p), p.result.outcome]));
      const pairs = [...eachPair(exhaustive)];
      expect(pairs.length).toBe(byClass.size);
      const wrong = pairs.filter((p) => JSON.stringify(byClass.get(key(p))) !== JSON.stringify(p.result.outcome)).map(key);
      expect(wrong).toEqual([]);
      // The classes do group: fewer traces than pairs, and both reached and failed pairs occur.
      expect(grouped.traced).toBeLessThan(exhaustive.traced);
      expect(pairs.some((p) => p.result.outcome.reached)).toBe(true);
      expect(pairs.some((p) => !p.result.outcome.reached)).toBe(true);
    }, 120_000);
  }
});
