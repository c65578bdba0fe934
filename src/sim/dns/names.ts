// DNS name handling: case-insensitive names without the trailing dot, and zone/wildcard matching.

/** Names are case-insensitive; a trailing dot (the root) is dropped. */
export function normalizeName(name: string): string {
  const lower = name.trim().toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

export function labelCount(name: string): number {
  return name === '' ? 0 : name.split('.').length;
}

/** True when `name` is `domain` or below it. The empty domain (the root, a rule for ".") holds every name. */
export function isAtOrBelow(name: string, domain: string): boolean {
  return domain === '' || name === domain || name.endsWith(`.${domain}`);
}

/** True when `name` is strictly below `domain`. */
export function isBelow(name: string, domain: string): boolean {
  return name !== domain && isAtOrBelow(name, domain);
}

/** The parent names of `name`, nearest first, up to and including `stop` (or the root when `stop` is not one). */
export function ancestors(name: string, stop: string): string[] {
  const out: string[] = [];
  let current = name;
  while (current !== stop && current !== '') {
    const dot = current.indexOf('.');
    current = dot < 0 ? '' : current.slice(dot + 1);
    out.push(current);
  }
  return out;
}

/**
 * Does a record name (possibly `*.x`) match `name`? A wildcard covers any name below `x`, however many labels
 * deep (RFC 4592); callers that hold a whole zone apply the closest-encloser rule themselves.
 */
export function patternMatches(pattern: string, name: string): boolean {
  if (pattern.startsWith('*.')) return isBelow(name, pattern.slice(2));
  return pattern === name;
}

/** Among patterns that match, the most specific: an exact name, else the wildcard with the longest base. */
export function mostSpecificPattern<T>(items: readonly T[], patternOf: (item: T) => string, name: string): T[] {
  const matching = items.filter((i) => patternMatches(patternOf(i), name));
  const exact = matching.filter((i) => patternOf(i) === name);
  if (exact.length > 0) return exact;
  const best = Math.max(-1, ...matching.map((i) => labelCount(patternOf(i))));
  return matching.filter((i) => labelCount(patternOf(i)) === best);
}
