// cfn-lint (in the machine image) over templates written to a temporary folder, in one run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const hasCfnLint = spawnSync('cfn-lint', ['--version']).status === 0;

/** One cfn-lint run over every file; its exit status has bit 2 for errors (4 warnings, 8 informational: cfn-lint --help). */
export function lintAll(files: { name: string; text: string }[]): { errors: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'vpcpath-lint-'));
  const paths = files.map((f, i) => {
    const path = join(dir, `${i}-${f.name.replace(/[^A-Za-z0-9.-]/g, '_')}.yaml`);
    writeFileSync(path, f.text);
    return path;
  });
  const run = spawnSync('cfn-lint', ['--format', 'parseable', '--', ...paths], { encoding: 'utf8' });
  return { errors: ((run.status ?? 2) & 2) !== 0, output: `${run.stdout}${run.stderr}` };
}
