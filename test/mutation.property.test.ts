// Property: conformance scenarios with randomly mutated templates never make vpcpath throw, whatever they say.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenarioText } from '../src/scenario/run-scenario.js';
import { conformanceFiles } from './support/shared.js';

const texts = conformanceFiles().map((f) => ({ file: f, text: readFileSync(f, 'utf8') }));

/** Line-level mutations of the template block: drop a line, duplicate one, swap values, inject odd tokens. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({
    kind: fc.constant('inject' as const), at: fc.nat(),
    token: fc.constantFrom('!Ref Nope', '!GetAtt Vpc.Nope', '{ "Fn::Foo": 1 }', '[', '0.0.0.0/0', 'false', 'true', '-1',
      '!Select [9, []]', '!Sub ${Nope}', '!If [Nope, a, b]', '!ImportValue nope', '""', 'null', '10.0.0.0/33', '*'),
  }),
);

function mutate(text: string, ms: { kind: string; at: number; with?: number; token?: string }[]): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('template:')) + 1;
  const end = lines.findIndex((l, i) => i > start && /^\S/.test(l));
  const span = Math.max(1, (end < 0 ? lines.length : end) - start);
  for (const m of ms) {
    const i = start + (m.at % span);
    const line = lines[i] ?? '';
    if (m.kind === 'drop') lines.splice(i, 1, '');
    else if (m.kind === 'duplicate') lines.splice(i, 0, line);
    else if (m.kind === 'swap') {
      const j = start + ((m.with ?? 0) % span);
      const vi = line.split(': ')[1];
      const vj = (lines[j] ?? '').split(': ')[1];
      if (vi !== undefined && vj !== undefined) {
        lines[i] = line.replace(`: ${vi}`, `: ${vj}`);
        lines[j] = (lines[j] ?? '').replace(`: ${vj}`, `: ${vi}`);
      }
    } else if (line.includes(': ')) lines[i] = `${line.split(': ')[0]}: ${m.token}`;
  }
  return lines.join('\n');
}

describe('mutated conformance templates', () => {
  it('never throw: every run ends in results or input problems', () => {
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(mutation, { minLength: 1, maxLength: 4 }), (scenario, ms) => {
        const outcome = runScenarioText(scenario.file, mutate(scenario.text, ms));
        expect(outcome.checks.length + outcome.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });
});
