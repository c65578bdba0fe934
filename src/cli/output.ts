// Where commands write: kept in one place so tests can capture it.
import { formatProblem, type InputProblem } from '../sources/input-problem.js';

export interface Output {
  out(text: string): void;
  err(text: string): void;
  readonly color: boolean;
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
};

export function reportProblems(o: Output, problems: readonly InputProblem[]): void {
  for (const p of problems) o.err(`error: ${formatProblem(p)}`);
}
