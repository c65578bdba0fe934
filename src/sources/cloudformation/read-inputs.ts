// readTemplateInputs: a template file, a cdk.out folder (manifest.json), or a folder of templates, as stack specs.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readCdkOut } from './cdk-out.js';
import type { InputProblem, ParameterSpec, StackSpec } from './types.js';

interface Defaults {
  region: string;
  account: string;
  parameters: Record<string, ParameterSpec>;
}

const TEMPLATE_EXTENSIONS = /\.(ya?ml|json|template)$/i;

/** `network.yaml` -> `network`; `Api.template.json` -> `Api`. */
export function stackNameOf(file: string): string {
  return basename(file).replace(/\.template\.json$/i, '').replace(/\.[^.]+$/, '');
}

export function readTemplateInputs(path: string, defaults: Defaults): { specs: StackSpec[]; problems: InputProblem[] } {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    return { specs: [], problems: [{ code: 'file-not-found', file: path, message: `cannot read ${path}: no such file or folder` }] };
  }
  if (!isDir) return readFile(path, defaults);
  if (existsSync(join(path, 'manifest.json'))) return readCdkOut(path, defaults);
  const specs: StackSpec[] = [];
  const problems: InputProblem[] = [];
  const files = readdirSync(path).filter((f) => TEMPLATE_EXTENSIONS.test(f)).sort();
  for (const f of files) {
    const file = join(path, f);
    if (!statSync(file).isFile()) continue;
    const read = readFile(file, defaults);
    // In a folder, files that are not templates (package.json, a config) are skipped.
    for (const spec of read.specs) if (/(^|[\s{,"'])Resources["']?\s*:/.test(spec.text)) specs.push(spec);
    problems.push(...read.problems);
  }
  if (specs.length === 0 && problems.length === 0) {
    problems.push({ code: 'no-templates', file: path, message: `${path} holds no CloudFormation template (and no cdk.out manifest.json)` });
  }
  return { specs, problems };
}

function readFile(file: string, defaults: Defaults): { specs: StackSpec[]; problems: InputProblem[] } {
  try {
    const text = readFileSync(file, 'utf8');
    return { specs: [{ file, text, stack: stackNameOf(file), region: defaults.region, account: defaults.account, parameters: { ...defaults.parameters } }], problems: [] };
  } catch (err) {
    return { specs: [], problems: [{ code: 'unreadable', file, message: `cannot read ${file}: ${(err as Error).message}` }] };
  }
}
