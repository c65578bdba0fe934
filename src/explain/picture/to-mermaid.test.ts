// Mermaid output: a `flowchart` GitHub can parse for every conformance trace, labels that cannot break the syntax.
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedTraces } from '../../../scripts/pictures.js';
import { conformanceFiles } from '../../../test/support/shared.js';
import { runScenarioFile } from '../../scenario/run-scenario.js';
import type { Trace } from '../../sim/trace.js';
import { renderBeforeAfter, renderPathPicture } from './index.js';
import { mermaidText } from './to-mermaid.js';
import { mermaidProblems } from './test-fixtures.js';

/** Node ids declared (`id[...]`, `id(...)`, `id{{...}}`) and ids an edge names. */
function ids(text: string): { declared: Set<string>; linked: string[] } {
  const declared = new Set([...text.matchAll(/^\s*([A-Za-z]\w*)(?:\[|\(\[?|\{\{)"/gm)].map((m) => m[1]!));
  const linked = [...text.matchAll(/^\s*(\w+) (?:-->|-\.->|==>)(?:\|"[^"]*"\|)? (\w+)$/gm)].flatMap((m) => [m[1]!, m[2]!]);
  return { declared, linked };
}

describe('mermaidText', () => {
  it.each([
    ['{"message":"Forbidden"}', '#123;#quot;message#quot;:#quot;Forbidden#quot;#125;'],
    ['a [b] (c) | <d> & `e` #f', 'a #91;b#93; #40;c#41; #124; #lt;d#gt; #amp; #96;e#96; #35;f'],
    ['PublicApi\'s 10.0.1.10 → local', 'PublicApi\'s 10.0.1.10 → local'],
  ])('%s', (raw, escaped) => expect(mermaidText(raw)).toBe(escaped));
});

describe('every conformance trace as Mermaid', () => {
  for (const file of conformanceFiles()) {
    for (const check of runScenarioFile(file).checks) {
      it(`${basename(file)}: ${check.name}`, async () => {
        const text = await renderPathPicture(check.trace!, 'mermaid');
        expect(text.startsWith('flowchart LR\n')).toBe(true);
        expect(mermaidProblems(text)).toEqual([]);
        const { declared, linked } = ids(text);
        for (const id of linked) expect(declared, id).toContain(id);
        expect(text.split('\n').filter((l) => /^\s*subgraph /.test(l)).length)
          .toBe(text.split('\n').filter((l) => /^\s*end$/.test(l)).length);
      });
    }
  }
});

describe('the seed as Mermaid', () => {
  const { captured, fixed } = seedTraces();

  it('draws the VPC and subnet as subgraphs, the stop red and the API it meant dashed', async () => {
    const text = await renderPathPicture(captured, 'mermaid');
    expect(text).toContain('subgraph p_vpc["<b>VPC Vpc · 10.0.0.0/16</b>"]');
    expect(text).toContain('subgraph p_subnet["<b>subnet PublicSubnet</b>"]');
    expect(text).toMatch(/p_stop\{\{"<b>✗ HTTP 403 ForbiddenException<\/b>/);
    expect(text).toContain('class p_stop stop');
    expect(text).toContain('class p_intended intended');
    expect(text).not.toContain('InternetGateway');
  });

  it('puts before and after in one flowchart, each in a subgraph of its own', async () => {
    const text = await renderBeforeAfter(captured, fixed, 'mermaid', { before: 'default URL', after: 'EDGE custom domain' });
    expect(text.startsWith('flowchart LR\n')).toBe(true);
    expect(text).toMatch(/^ {2}subgraph before\["<b>default URL<\/b>/m);
    expect(text).toMatch(/^ {2}subgraph after\["<b>EDGE custom domain<\/b>/m);
    expect(text).toContain('class before_stop stop');
    expect(text).toContain('class after_n7 reached');
    expect(mermaidProblems(text)).toEqual([]);
  });

  it('escapes what a trace carries into labels', async () => {
    const hostile: Trace = { ...captured, hops: captured.hops.map((h) => ({ ...h, detail: `${h.detail} "]|<x>{y}` })) };
    const text = await renderPathPicture(hostile, 'mermaid');
    expect(mermaidProblems(text)).toEqual([]);
    expect(text).toContain('#quot;#93;#124;#lt;x#gt;#123;y#125;');
  });
});
