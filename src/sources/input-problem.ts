// Bad input is data: every problem found in an input file, with where it is, so the CLI can say it and exit 2.

export interface InputProblem {
  /** Stable code, e.g. `yaml-syntax`, `unknown-key`, `dangling-ref`. */
  readonly code: string;
  readonly message: string;
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

/** `file:line:column: message`, the form editors and CI annotations understand. */
export function formatProblem(p: InputProblem): string {
  const where = p.line ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  return `${where}: ${p.message}`;
}
