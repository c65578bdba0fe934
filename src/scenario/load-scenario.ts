// A scenario's model: its inline template or `model` items, with its parameters and facts.
import { dirname, resolve } from 'node:path';
import { readTemplateInputs, type StackSpec } from '../sources/cloudformation/index.js';
import type { InputProblem } from '../sources/input-problem.js';
import { buildModel, displayPath } from '../load/load-model.js';
import type { Model } from '../model/index.js';
import { isSnapshotDir, loadSnapshot } from '../sources/snapshot/index.js';
import type { Scenario } from './scenario.js';

export function loadScenarioModel(scenario: Scenario, scenarioPath: string): { model: Model; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const specs: StackSpec[] = [];
  if (scenario.template) {
    specs.push({
      file: scenario.file, text: scenario.template.text,
      stack: 'template', region: scenario.region, account: scenario.account, parameters: { ...scenario.parameters },
      lineOffset: scenario.template.lineOffset, columnOffset: scenario.template.columnOffset,
    });
  }
  const snapshots: Model[] = [];
  for (const item of scenario.model) {
    const path = resolve(dirname(scenarioPath), item.path);
    const region = item.region ?? scenario.region;
    const account = item.account ?? scenario.account;
    if (isSnapshotDir(path)) {
      const snap = loadSnapshot(path, { displayPath: displayPath(path), region, account });
      snapshots.push(snap.model);
      problems.push(...snap.problems);
      continue;
    }
    const read = readTemplateInputs(displayPath(path), {
      region, account, parameters: { ...scenario.parameters, ...item.parameters },
    });
    if (read.problems.length) {
      // Point a missing or unreadable file at the scenario line that names it.
      for (const p of read.problems) {
        problems.push(p.line ? p : { ...p, file: scenario.file, line: item.position.line, column: item.position.column, message: `${item.path}: ${p.message}` });
      }
    }
    for (const spec of read.specs) {
      specs.push(item.stack && read.specs.length === 1 ? { ...spec, stack: item.stack } : spec);
    }
  }
  const facts = { facts: scenario.facts, file: scenario.file };
  const built = buildModel(specs, facts, scenario.region, scenario.account, problems, snapshots);
  return built;
}
