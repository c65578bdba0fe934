// loadStacks: parse every template, order the stacks, build each into one model.
import { ModelBuilder } from './model-builder.js';
import type { Pos } from './node.js';
import { prepareSam } from './sam/prepare.js';
import { resolveSupplied } from './spec-parameters.js';
import { StackLoader } from './stack-loader.js';
import { orderStacks, type ParsedStack } from './stack-order.js';
import { readSections } from './stack-template.js';
import type { InputProblem, LoadResult, StackSpec } from './types.js';
import { parseTemplate } from './yaml-parse.js';

const KNOWN_TRANSFORMS = new Set(['AWS::Serverless-2016-10-31', 'AWS::LanguageExtensions']);

export function loadStacks(specs: StackSpec[]): LoadResult {
  const problems: InputProblem[] = [];
  const builder = new ModelBuilder();
  const parsed: ParsedStack[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    if (seen.has(spec.stack)) {
      problems.push({ code: 'duplicate-stack', file: spec.file, message: `two templates are loaded as stack ${spec.stack}; give each its own stack name` });
      continue;
    }
    seen.add(spec.stack);
    const p = parseSpec(spec, problems, builder);
    if (p) parsed.push(p);
  }
  for (const p of orderStacks(parsed, problems)) {
    const declared = new Set(p.sections.parameters?.entries.map((e) => e.key) ?? []);
    const supplied = resolveSupplied(p.spec, declared, builder.model.stacks, problems);
    const loader = new StackLoader({ spec: p.spec, sections: p.sections, builder, problems, supplied });
    builder.model.stacks.push(loader.run());
  }
  return { model: builder.model, problems };
}

function parseSpec(spec: StackSpec, problems: InputProblem[], builder: ModelBuilder): ParsedStack | undefined {
  const shift = (pos: Pos | undefined): { line?: number; column?: number } =>
    pos ? { line: pos.line + (spec.lineOffset ?? 0), column: pos.column + (spec.columnOffset ?? 0) } : {};
  const parsed = parseTemplate(spec.text);
  for (const e of parsed.errors) problems.push({ code: e.code, message: e.message, file: spec.file, ...shift(e.pos) });
  for (const d of parsed.duplicates) {
    const first = shift(d.firstPos);
    builder.note({
      level: 'warning', code: 'duplicate-key',
      message: `${d.path} is written twice (first at line ${first.line}); the last value is kept, as the SAM CLI does`,
      origin: { file: spec.file, ...shift(d.pos), path: d.path, stack: spec.stack },
    });
  }
  if (parsed.errors.length > 0 || !parsed.root) {
    if (!parsed.root && parsed.errors.length === 0) problems.push({ code: 'empty-template', message: 'the template is empty', file: spec.file });
    return undefined;
  }
  const report = (code: string, message: string, pos: Pos | undefined, path?: string, level?: 'warning'): void => {
    if (level === 'warning') {
      builder.note({ level, code, message, origin: { file: spec.file, ...shift(pos), ...(path ? { path } : {}), stack: spec.stack } });
    } else {
      problems.push({ code, message, file: spec.file, ...shift(pos) });
    }
  };
  const sections = readSections(parsed.root, report);
  for (const t of sections.transforms) {
    if (!KNOWN_TRANSFORMS.has(t)) {
      builder.note({
        level: 'warning', code: 'transform-ignored',
        message: `the transform ${t} is not run; resources it would add or change are not in the model`,
        origin: { file: spec.file, stack: spec.stack },
      });
    }
  }
  prepareSam(sections, report);
  return { spec, sections, root: parsed.root };
}
