// An explicit unknown: a value the input cannot tell, with the reason. Never a guess.
import type { Origin } from './origin.js';

export interface Unknown {
  readonly kind: 'unknown';
  /** What is missing and why, in words a person can act on (names the parameter, import or fact). */
  readonly reason: string;
  readonly origin?: Origin;
}

export type Maybe<T> = T | Unknown;

export function unknown(reason: string, origin?: Origin): Unknown {
  return origin ? { kind: 'unknown', reason, origin } : { kind: 'unknown', reason };
}

export function isUnknown(value: unknown): value is Unknown {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'unknown' &&
    typeof (value as { reason?: unknown }).reason === 'string'
  );
}

export function isKnown<T>(value: Maybe<T> | undefined): value is T {
  return value !== undefined && !isUnknown(value);
}
