// Runs the CLI in-process with captured output, as a user would see it.
import { main } from '../../src/cli/main.js';
import type { Output } from '../../src/cli/output.js';

export interface CliRun { code: number; stdout: string; stderr: string }

export async function runCli(...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const o: Output = {
    out: (t) => { stdout += t.endsWith('\n') ? t : `${t}\n`; },
    err: (t) => { stderr += t.endsWith('\n') ? t : `${t}\n`; },
    color: false,
  };
  const code = await main(args, o);
  return { code, stdout, stderr };
}
