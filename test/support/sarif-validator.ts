// Microsoft's SARIF validator (`Sarif.Multitool validate`, devDependency @microsoft/sarif-multitool) for the tests:
// validates SARIF files in one run of the tool and returns its findings per file, by level.
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type ValidatorLevel = 'error' | 'warning' | 'note' | 'none';

export interface ValidatorIssue {
  /** The validated file the issue is about (absolute, real path). */
  readonly file: string;
  readonly level: ValidatorLevel;
  /** `SARIF1002`, `JSON1008`, `GH1018`, ... */
  readonly ruleId: string;
  /** The rule's friendly name, e.g. `UrisMustBeValid`. */
  readonly rule: string;
  readonly message: string;
}

export interface ValidateOptions {
  /** Also run the GitHub Advanced Security rules (GH1xxx, GH2xxx): what code scanning's upload requires. Default true. */
  readonly github?: boolean;
}

const PLATFORM_PACKAGES: Record<string, string> = {
  linux: '@microsoft/sarif-multitool-linux',
  darwin: '@microsoft/sarif-multitool-darwin',
  win32: '@microsoft/sarif-multitool-win32',
};

/**
 * The Sarif.Multitool executable of this platform's package. npm may skip the package's postinstall
 * `chmod u+x Sarif.Multitool` (e.g. with --ignore-scripts): then make it executable here.
 */
export function multitoolPath(): string {
  const pkg = PLATFORM_PACKAGES[process.platform];
  if (!pkg) throw new Error(`no SARIF Multitool package for platform ${process.platform}`);
  const require = createRequire(import.meta.url);
  let dir: string;
  try {
    dir = dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    throw new Error(`${pkg} is not installed: npm ci installs it with the devDependency @microsoft/sarif-multitool`);
  }
  const candidates = process.platform === 'win32' ? ['Sarif.Multitool.exe', 'Sarif.Multitool'] : ['Sarif.Multitool'];
  const exe = candidates.map((c) => join(dir, c)).find((p) => existsSync(p));
  if (!exe) throw new Error(`${pkg} has no ${candidates.join(' or ')} in ${dir}`);
  if (process.platform !== 'win32') {
    try {
      accessSync(exe, constants.X_OK);
    } catch {
      chmodSync(exe, 0o755);
    }
  }
  return exe;
}

interface LogRule {
  id: string;
  name?: string;
  messageStrings?: Record<string, { text: string }>;
  defaultConfiguration?: { level?: ValidatorLevel };
}
interface LogResult {
  ruleId: string;
  ruleIndex?: number;
  level?: ValidatorLevel;
  message: { text?: string; id?: string; arguments?: string[] };
  locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[];
}
interface LogNotification {
  level?: ValidatorLevel;
  message: { text?: string };
  locations?: LogResult['locations'];
  descriptor?: { id?: string };
}

/**
 * Runs `Sarif.Multitool validate FILE... -o OUT.sarif` once for all `files` and reads OUT.sarif (itself a SARIF
 * log). `-o` is always given: only with it does the validator write its findings as SARIF (without it they go to
 * the console as text; 5.7.0 on linux runs either way, but some 5.x builds are reported to crash without `-o`).
 */
export function validateSarif(files: string[], options: ValidateOptions = {}): ValidatorIssue[] {
  const exe = multitoolPath();
  const outDir = mkdtempSync(join(tmpdir(), 'vpcpath-sarif-validator-'));
  const out = join(outDir, 'validation.sarif');
  try {
    const args = [
      'validate', ...files.map((f) => resolve(f)), '-o', out,
      '--level', 'Error;Warning;Note', '--rule-kind', options.github === false ? 'Sarif' : 'Sarif;Gh', '--log', 'ForceOverwrite',
    ];
    const run = spawnSync(exe, args, {
      encoding: 'utf8', timeout: 180_000, maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' },
    });
    if (run.error || !existsSync(out)) {
      throw new Error(`Sarif.Multitool validate failed (status ${run.status}): ${run.error?.message ?? ''}\n${run.stdout}\n${run.stderr}`);
    }
    return readIssues(JSON.parse(readFileSync(out, 'utf8')), files);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function readIssues(log: { runs?: { tool: { driver: { rules?: LogRule[] } }; results?: LogResult[]; invocations?: { toolExecutionNotifications?: LogNotification[] }[] }[] }, files: string[]): ValidatorIssue[] {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return p;
    }
  };
  const fileOf = (locations: LogResult['locations']): string => {
    const uri = locations?.[0]?.physicalLocation?.artifactLocation?.uri;
    return uri?.startsWith('file:') ? real(fileURLToPath(uri)) : (files.length === 1 ? real(resolve(files[0]!)) : '');
  };
  const issues: ValidatorIssue[] = [];
  for (const run of log.runs ?? []) {
    const rules = run.tool.driver.rules ?? [];
    for (const r of run.results ?? []) {
      const rule = rules[r.ruleIndex ?? -1] ?? rules.find((x) => x.id === r.ruleId);
      const template = r.message.id ? rule?.messageStrings?.[r.message.id]?.text : undefined;
      issues.push({
        file: fileOf(r.locations),
        level: r.level ?? rule?.defaultConfiguration?.level ?? 'warning',
        ruleId: r.ruleId,
        rule: rule?.name ?? '',
        message: r.message.text ?? (template ? format(template, r.message.arguments ?? []) : `${r.message.id} ${JSON.stringify(r.message.arguments)}`),
      });
    }
    // The tool's own trouble (a file it could not parse, a crash in a rule) counts as an error.
    for (const inv of run.invocations ?? []) {
      for (const n of inv.toolExecutionNotifications ?? []) {
        issues.push({
          file: fileOf(n.locations), level: n.level ?? 'warning', ruleId: n.descriptor?.id ?? 'notification', rule: '',
          message: n.message.text ?? '',
        });
      }
    }
  }
  return issues;
}

/** .NET composite format: `{0}` placeholders, `{{` and `}}` for braces. */
function format(template: string, args: string[]): string {
  return template.replace(/\{\{|\}\}|\{(\d+)\}/g, (m, i: string | undefined) => (i !== undefined ? args[Number(i)] ?? m : m[0]!));
}

/** The issues of one validated file at one level. */
export function issuesOf(issues: ValidatorIssue[], file: string, level: ValidatorLevel): ValidatorIssue[] {
  let path = resolve(file);
  try {
    path = realpathSync(path);
  } catch { /* not there: compare as given */ }
  return issues.filter((i) => i.file === path && i.level === level);
}

/** `error GH1018 file.sarif: message`, one per line, for an assertion's message. */
export function describeIssues(issues: ValidatorIssue[]): string {
  return issues.map((i) => `${i.level} ${i.ruleId} ${i.file}: ${i.message}`).join('\n');
}
