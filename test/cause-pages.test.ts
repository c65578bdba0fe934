// Every cause code has a page in docs/causes/ that explains it, names the rules it relies on with their sources,
// and gives fixes; the index links every page; the trace's "More:" line points at an existing page.
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTrace } from '../src/explain/render-trace.js';
import { runScenarioFile } from '../src/scenario/run-scenario.js';
import type { CauseCode } from '../src/sim/trace.js';
import { conformanceFiles, REPO, SHARED } from './support/shared.js';

/** The CauseCode union as src/sim/trace.ts declares it (a new code fails this test until it has a page). */
const CODES = [.../export type CauseCode =([^;]*);/.exec(readFileSync(`${REPO}src/sim/trace.ts`, 'utf8'))![1]!
  .matchAll(/'([a-z-]+)'/g)].map((m) => m[1]! as CauseCode);

/** The rules each page must name: those the simulator attaches to the cause, and the ones its fixes rest on. */
const RULES: Record<CauseCode, readonly string[]> = {
  ok: ['R24', 'R26', 'R29', 'R32'],
  'public-api-via-vpc-endpoint': ['R3', 'R4', 'R8', 'R11', 'R12', 'R13', 'R20', 'R24', 'R26', 'R27', 'R29', 'R30', 'R32'],
  'private-api-outside-endpoint': ['R8', 'R9', 'R11', 'R24', 'R30'],
  'resource-policy-denied': ['R17', 'R19', 'R20', 'R25', 'R35'],
  'endpoint-policy-denied': ['R21'],
  'domain-not-associated': ['R25'],
  'default-endpoint-disabled': ['R14'],
  'stage-or-path-not-found': ['R14', 'R16', 'R24', 'R27', 'R28'],
  'no-route': ['R32'],
  'no-public-ip': ['R32'],
  'security-group-denied': ['R22'],
  'network-acl-denied': ['R22'],
  nxdomain: ['R5', 'R30'],
  'vpc-dns-disabled': ['R1', 'R2'],
  'missing-facts': [],
  'dns-loop': ['R1', 'R29'],
  'tls-name-mismatch': ['R4', 'R12', 'R29'],
};

/**
 * Each rule of aws-behavior.md with the sources its text gives: its full URLs (template and elided ones left out),
 * and the full URL, found elsewhere in the spec, of each page the rule names by file name (or `KC name`) only.
 */
function specRules(): Map<string, string[]> {
  const spec = readFileSync(`${SHARED}spec/aws-behavior.md`, 'utf8');
  const urlsIn = (text: string) => [...text.matchAll(/https:\/\/[^\s)`'",;]+/g)].map((m) => m[0].replace(/[.:]+$/, ''))
    .filter((u) => !/[{}…]/.test(u));
  const everyUrl = urlsIn(spec);
  const rules = new Map<string, string[]>();
  const parts = spec.split(/\n\*\*(R\d+)\. /);
  for (let i = 1; i < parts.length; i += 2) {
    const text = parts[i + 1]!.split(/\n### |\n---/)[0]!;
    const pages = [...text.matchAll(/(?<![\w/.-])([\w-]+\.html)\b/g)].map((m) => `/${m[1]}`)
      .concat([...text.matchAll(/\bKC ([a-z][\w-]+)/g)].map((m) => `/knowledge-center/${m[1]}`));
    const byName = everyUrl.filter((u) => pages.some((p) => u.endsWith(p)));
    rules.set(parts[i]!, [...new Set([...urlsIn(text), ...byName])]);
  }
  return rules;
}

const spec = specRules();
const page = (code: string) => readFileSync(`${REPO}docs/causes/${code}.md`, 'utf8');
const named = (text: string) => new Set([...text.matchAll(/\bR(\d+)[a-z]?\b/g)].map((m) => `R${m[1]}`));

describe('docs/causes/', () => {
  it('reads the 17 cause codes of src/sim/trace.ts, dns-loop and tls-name-mismatch included', () => {
    expect(CODES).toHaveLength(17);
    expect(CODES).toEqual(expect.arrayContaining(['dns-loop', 'tls-name-mismatch']));
    expect(spec.size).toBe(35);
  });

  for (const code of CODES) {
    describe(code, () => {
      it('has a page that says what happened, why AWS behaves so, and the fixes', () => {
        expect(existsSync(`${REPO}docs/causes/${code}.md`)).toBe(true);
        const text = page(code);
        expect(text.split('\n')[0]).toBe(`# ${code}`);
        for (const heading of ['## What happened', '## Fixes', '## Sources']) expect(text).toContain(`\n${heading}\n`);
        expect(text).toMatch(/\n## Why (AWS|vpcpath) behaves so\n/);
        expect(text).toContain('](../causes.md)');
      });

      it('names its rules, each one real and cited with a source the spec gives for it', () => {
        const text = page(code);
        const rules = named(text);
        for (const rule of RULES[code]) expect([...rules], `${code} names ${rule}`).toContain(rule);
        for (const rule of rules) {
          expect(spec.has(rule), `${rule} is a rule of aws-behavior.md`).toBe(true);
          const urls = spec.get(rule)!;
          if (urls.length) expect(urls.some((u) => text.includes(u)), `${code}: a source of ${rule}: ${urls.join(' ')}`).toBe(true);
        }
      });

      it('links only pages that exist', () => {
        for (const m of page(code).matchAll(/\]\(([\w./-]+\.md)\)/g)) {
          expect(existsSync(`${REPO}docs/causes/${m[1]}`), m[1]).toBe(true);
        }
      });
    });
  }

  it('public-api-via-vpc-endpoint gives every fix and says who can make it', () => {
    const text = page('public-api-via-vpc-endpoint');
    for (const fix of ['edge-optimized custom domain', 'regional custom domain behind a Route 53 alias', 'not a CNAME',
      '{api-id}-{vpce-id}', 'private hosted zone per private API', 'separate (shared-services) VPC',
      'cannot put a custom domain on a partner\'s API']) expect(text).toContain(fix);
    expect(text.match(/\*(Costs|Breaks):\*/g)!.length).toBeGreaterThanOrEqual(5);
  });

  it('each conformance trace\'s cause names, on its page, the rules that cause relied on', () => {
    for (const file of conformanceFiles()) {
      for (const check of runScenarioFile(file).checks) {
        const cause = check.trace!.cause;
        const rules = named(page(cause.code));
        for (const rule of cause.rules) expect([...rules], `${basename(file)}: ${cause.code} names ${rule}`).toContain(rule);
      }
    }
  });
});

describe('docs/causes.md', () => {
  it('is an index that links every page', () => {
    const index = readFileSync(`${REPO}docs/causes.md`, 'utf8');
    for (const code of CODES) expect(index).toContain(`](causes/${code}.md)`);
  });

  it('is where the trace\'s More: line points', () => {
    const file = conformanceFiles().find((f) => basename(f).startsWith('01-'))!;
    const text = renderTrace(runScenarioFile(file).checks[0]!.trace!);
    const link = /More: (docs\/causes\/[a-z-]+\.md)/.exec(text)![1]!;
    expect(link).toBe('docs/causes/public-api-via-vpc-endpoint.md');
    expect(existsSync(`${REPO}${link}`)).toBe(true);
  });
});
