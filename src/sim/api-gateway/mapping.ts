// Base path mappings of a custom domain name (R28): the longest mapped base path that prefixes the request path.
import type { BasePathMapping, DomainName } from '../../model/index.js';
import { joinPath, pathSegments } from './hosts.js';

export interface MappingSelection {
  readonly mapping: BasePathMapping;
  /** What follows the base path, with a leading slash. */
  readonly rest: string;
}

export function selectMapping(domain: DomainName, path: string): MappingSelection | undefined {
  const segments = pathSegments(path);
  let best: MappingSelection | undefined;
  let bestLength = -1;
  for (const mapping of domain.mappings) {
    const base = mapping.basePath.split('/').filter((s) => s !== '');
    const prefixes = base.every((seg, i) => segments[i] === seg);
    if (prefixes && base.length > bestLength) {
      best = { mapping, rest: joinPath(segments.slice(base.length)) };
      bestLength = base.length;
    }
  }
  return best;
}

/** `(none)` for the root mapping, as the console shows it; otherwise `/v1`. */
export function basePathWords(mapping: BasePathMapping): string {
  return mapping.basePath === '' ? '(none)' : `/${mapping.basePath}`;
}
