// Loads what a user points vpcpath at (templates, folders, cdk.out, facts) into one model.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { mergeModels, type Model } from '../model/index.js';
import { loadStacks, readTemplateInputs, type StackSpec } from '../sources/cloudformation/index.js';
import { factsToModel } from '../sources/facts/facts-to-model.js';
import { isSnapshotDir, loadSnapshot } from '../sources/snapshot/index.js';
import type { InputProblem } from '../sources/input-problem.js';
import type { ParameterSpec } from '../sources/parameter-spec.js';
import { parseFactsFile } from '../scenario/parse-facts.js';
import type { Facts } from '../scenario/scenario.js';

export interface LoadOptions {
  readonly region?: string;
  readonly account?: string;
  readonly parameters?: Record<string, ParameterSpec>;
  /** A facts file (`--facts`), same keys as a scenario's `facts`. */
  readonly factsFile?: string;
}

export interface Loaded {
  readonly model: Model;
  readonly problems: InputProblem[];
  readonly region: string;
  readonly account: string;
}

export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_ACCOUNT = '111111111111';

/** `import { load } from 'vpcpath'`: templates, folders of templates, cdk.out folders and snapshot folders. */
export function load(paths: readonly string[], options: LoadOptions = {}): Loaded {
  const region = options.region ?? DEFAULT_REGION;
  const account = options.account ?? DEFAULT_ACCOUNT;
  const problems: InputProblem[] = [];
  const specs: StackSpec[] = [];
  const snapshots: Model[] = [];
  for (const path of paths) {
    if (isSnapshotDir(path)) {
      const snap = loadSnapshot(path, {
        displayPath: displayPath(path),
        ...(options.region ? { region: options.region } : {}), ...(options.account ? { account: options.account } : {}),
      });
      snapshots.push(snap.model);
      problems.push(...snap.problems);
      continue;
    }
    const read = readTemplateInputs(displayPath(path), { region, account, parameters: options.parameters ?? {} });
    specs.push(...read.specs);
    problems.push(...read.problems);
  }
  let facts: { facts: Facts; file: string } | undefined;
  if (options.factsFile) {
    const file = displayPath(options.factsFile);
    let text: string;
    try {
      text = readFileSync(options.factsFile, 'utf8');
    } catch (e) {
      problems.push({ code: 'unreadable', file, message: `cannot read the facts file: ${(e as Error).message}` });
      text = '';
    }
    const parsed = parseFactsFile(file, text);
    problems.push(...parsed.problems);
    facts = { facts: parsed.facts, file };
  }
  return { ...buildModel(specs, facts, region, account, problems, snapshots), region, account };
}

/** Stacks and facts into one model: facts last, since they may name resources of the stacks. */
export function buildModel(
  specs: readonly StackSpec[], facts: { facts: Facts; file: string } | undefined, region: string, account: string,
  problems: InputProblem[] = [], snapshots: readonly Model[] = [],
): { model: Model; problems: InputProblem[] } {
  const stacks = specs.length ? loadStacks([...specs]) : undefined;
  problems.push(...(stacks?.problems ?? []));
  let model = mergeModels([...snapshots, ...(stacks ? [stacks.model] : [])]);
  if (facts) {
    const f = factsToModel(facts.facts, facts.file, { model, region, account });
    problems.push(...f.problems);
    model = mergeModels([model, f.model]);
  }
  return { model, problems };
}

/** Paths as the user would write them: relative to the working directory when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}
