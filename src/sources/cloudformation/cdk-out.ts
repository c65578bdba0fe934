// A cdk.out cloud assembly: every aws:cloudformation:stack artifact of manifest.json (and nested assemblies of
// stages), with its template file and its environment `aws://account/region`.
// https://docs.aws.amazon.com/cdk/v2/guide/apps.html#apps-cloud-assembly
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InputProblem, ParameterSpec, StackSpec } from './types.js';

interface Defaults {
  readonly region: string;
  readonly account: string;
  readonly parameters: Record<string, ParameterSpec>;
}

interface Artifact {
  type?: string;
  environment?: string;
  displayName?: string;
  properties?: { templateFile?: string; stackName?: string; directoryName?: string; parameters?: Record<string, string> };
}

export function readCdkOut(dir: string, defaults: Defaults, depth = 0): { specs: StackSpec[]; problems: InputProblem[] } {
  const specs: StackSpec[] = [];
  const problems: InputProblem[] = [];
  const manifestPath = join(dir, 'manifest.json');
  let manifest: { artifacts?: Record<string, Artifact> } | null;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as typeof manifest;
  } catch (err) {
    problems.push({ code: 'cdk-manifest', file: manifestPath, message: `cannot read the cloud assembly manifest: ${(err as Error).message}` });
    return { specs, problems };
  }
  const artifacts = manifest !== null && typeof manifest === 'object' ? manifest.artifacts : undefined;
  for (const [id, artifact] of Object.entries(artifacts !== null && typeof artifacts === 'object' ? artifacts : {})) {
    if (artifact === null || typeof artifact !== 'object') continue;
    if (artifact.type === 'cdk:cloud-assembly' && typeof artifact.properties?.directoryName === 'string' && depth < 5) {
      const nested = readCdkOut(join(dir, artifact.properties.directoryName), defaults, depth + 1);
      specs.push(...nested.specs);
      problems.push(...nested.problems);
      continue;
    }
    if (artifact.type !== 'aws:cloudformation:stack') continue;
    const templateFile = artifact.properties?.templateFile;
    if (typeof templateFile !== 'string' || templateFile === '') {
      problems.push({ code: 'cdk-manifest', file: manifestPath, message: `stack artifact ${id} has no templateFile` });
      continue;
    }
    const file = join(dir, templateFile);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      problems.push({ code: 'file-not-found', file, message: `the template of stack ${id} is missing` });
      continue;
    }
    const env = /^aws:\/\/([^/]+)\/(.+)$/.exec(typeof artifact.environment === 'string' ? artifact.environment : '');
    const stackName = artifact.properties?.stackName;
    const parameters = artifact.properties?.parameters;
    const account = env && env[1] !== 'unknown-account' ? env[1]! : defaults.account;
    const region = env && env[2] !== 'unknown-region' ? env[2]! : defaults.region;
    specs.push({
      file, text, stack: typeof stackName === 'string' ? stackName : id, region, account,
      parameters: { ...defaults.parameters, ...(parameters !== null && typeof parameters === 'object' ? parameters : {}) },
    });
  }
  return { specs, problems };
}
