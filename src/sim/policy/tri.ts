// Three-valued logic for policy matching: a part of a policy matches, does not, or depends on an unknown value.

export interface Undecided {
  readonly unknown: string;
}

/** `true`, `false`, or undecided with the reason (an Unknown in the policy, a key vpcpath cannot know). */
export type Tri = boolean | Undecided;

export function undecided(reason: string): Undecided {
  return { unknown: reason };
}

export function isUndecided(value: Tri): value is Undecided {
  return typeof value === 'object';
}

/** True if any is true; else undecided if any is; else false. */
export function anyOf<T>(items: readonly T[], test: (item: T) => Tri): Tri {
  let pending: Undecided | undefined;
  for (const item of items) {
    const r = test(item);
    if (r === true) return true;
    if (r !== false) pending ??= r;
  }
  return pending ?? false;
}

/** False if any is false; else undecided if any is; else true. */
export function allOf<T>(items: readonly T[], test: (item: T) => Tri): Tri {
  let pending: Undecided | undefined;
  for (const item of items) {
    const r = test(item);
    if (r === false) return false;
    if (r !== true) pending ??= r;
  }
  return pending ?? true;
}

export function not(value: Tri): Tri {
  return typeof value === 'boolean' ? !value : value;
}
