// Turning what the model cannot tell (an Unknown value, a placeholder id, an absent element) into a missing fact.
import type { ModelIndex, Origin, Unknown } from '../../model/index.js';
import type { MissingFact } from '../trace.js';

export function fromUnknown(fact: string, value: Unknown): MissingFact {
  return value.origin ? { fact, reason: value.reason, origin: value.origin } : { fact, reason: value.reason };
}

/** A placeholder id (`unresolved:...`) carries the reason its reference could not be resolved. */
export function fromPlaceholder(index: ModelIndex, fact: string, id: string): MissingFact | undefined {
  const ref = index.unresolvedReason(id);
  if (!ref) return undefined;
  return ref.origin ? { fact, reason: ref.reason, origin: ref.origin } : { fact, reason: ref.reason };
}

/** An id that is neither in the model nor a placeholder: the input refers to something it does not hold. */
export function absent(fact: string, id: string, origin?: Origin): MissingFact {
  const reason = `${id} is referred to but is not in the model`;
  return origin ? { fact, reason, origin } : { fact, reason };
}

/** The missing fact for an id that did not resolve to an element: a placeholder's reason, else "absent". */
export function unresolvedId(index: ModelIndex, fact: string, id: string, origin?: Origin): MissingFact {
  return fromPlaceholder(index, fact, id) ?? absent(fact, id, origin);
}
