// The `origin` property of a hop, present only when the element, rule or route has one.
import type { Origin } from '../../model/index.js';

export function originOf(origin: Origin | undefined): { origin?: Origin } {
  return origin ? { origin } : {};
}
