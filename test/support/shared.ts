// Paths into ../shared (read at test time, never copied into the project).
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const REPO = fileURLToPath(new URL('../../', import.meta.url));

export function conformanceFiles(): string[] {
  const dir = `${SHARED}conformance/`;
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => dir + f);
}
