// A template parameter value as a scenario or the command line gives it (scenario-format.md "Several stacks").

/** A plain string (may hold `${LogicalId}` / `${LogicalId.Attr}` / `${stack.LogicalId}`), or another stack's output. */
export type ParameterSpec = string | { readonly output: string };

/** `Name=Value` pairs from `--parameter`, as a parameter map. */
export function parseParameterFlags(flags: readonly string[]): { parameters: Record<string, ParameterSpec>; errors: string[] } {
  const parameters: Record<string, ParameterSpec> = {};
  const errors: string[] = [];
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    if (eq <= 0) {
      errors.push(`--parameter takes Name=Value, got '${flag}'`);
      continue;
    }
    parameters[flag.slice(0, eq)] = flag.slice(eq + 1);
  }
  return { parameters, errors };
}
