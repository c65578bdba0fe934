// Test helpers: the shared conformance scenarios and corpora (read in place, never copied), small template loads.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadStacks } from './load-stacks.js';
import type { LoadResult, ParameterSpec, StackSpec } from './types.js';

export const SHARED = fileURLToPath(new URL('../../../../shared/', import.meta.url));
export const CONFORMANCE = join(SHARED, 'conformance');
export const SERVERLESS_PATTERNS = join(SHARED, 'corpora', 'serverless-patterns');

export function conformanceFiles(): string[] {
  return readdirSync(CONFORMANCE).filter((f) => f.endsWith('.yaml')).sort();
}

/** A scenario's inline template as a stack spec, with offsets that point into the scenario file. */
export function scenarioSpec(name: string): StackSpec {
  const text = readFileSync(join(CONFORMANCE, name), 'utf8');
  const doc = parse(text) as { template: string; region?: string; account?: string; parameters?: Record<string, ParameterSpec> };
  const lines = text.split('\n');
  const header = lines.findIndex((l) => /^template:\s*\|/.test(l));
  const indent = /^(\s*)/.exec(lines[header + 1] ?? '')![1]!.length;
  return {
    file: `conformance/${name}`, text: doc.template, stack: name.replace(/\.yaml$/, ''),
    region: doc.region ?? 'us-east-1', account: String(doc.account ?? '111111111111'), parameters: doc.parameters ?? {},
    lineOffset: header + 1, columnOffset: indent,
  };
}

export function loadScenario(name: string): LoadResult {
  return loadStacks([scenarioSpec(name)]);
}

/** Loads one template given as text. */
export function loadText(text: string, options: Partial<StackSpec> = {}): LoadResult {
  return loadStacks([{
    file: 'test.yaml', text, stack: 'test', region: 'us-east-1', account: '111111111111', parameters: {}, ...options,
  }]);
}

/** Joins lines, so templates in tests read as YAML. */
export function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}
