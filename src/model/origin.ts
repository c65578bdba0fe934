// Where a model element came from, so that an explanation can point at the line to change.

export interface Origin {
  /** The file as the user named it (relative path, or `scenario.yaml#template` for an inline template). */
  readonly file: string;
  /** 1-based line and column of the element (or of the property the explanation is about). */
  readonly line?: number;
  readonly column?: number;
  /** Path inside the file, e.g. `Resources.ApiEndpoint.Properties.PrivateDnsEnabled`. */
  readonly path?: string;
  /** CloudFormation stack name and logical id, where the element came from a template. */
  readonly stack?: string;
  readonly logicalId?: string;
}

/** `file:line` (or just `file`) for a person to read. */
export function formatOrigin(origin: Origin | undefined): string {
  if (!origin) return '';
  const base = origin.file.split('/').pop() ?? origin.file;
  return origin.line ? `${base}:${origin.line}` : base;
}
