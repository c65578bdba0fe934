// Which stage a request names: the first path segment on a default host, or a base path mapping's stage (R14, R28).
import { isUnknown, type Api, type Origin } from '../../model/index.js';
import { joinPath, pathSegments } from './hosts.js';

export type StageSelection =
  /** `path` is what follows the stage, with a leading slash. */
  | { kind: 'stage'; name: string; path: string; origin?: Origin; anyStage?: boolean }
  | { kind: 'no-stage'; name?: string; path: string }
  | { kind: 'unknown'; reason: string; origin?: Origin };

/** APIs from facts without stages, or marked so by the source, serve every stage name. */
function servesAnyStage(api: Api): boolean {
  return api.anyStage === true || (api.fromFacts === true && (isUnknown(api.stages) || api.stages.length === 0));
}

/**
 * `fixedStage`: the stage a base path mapping names (then `path` is what follows the base path). Without it the
 * first segment of `path` names the stage; an HTTP API's `$default` stage takes paths with no stage segment.
 */
export function selectStage(api: Api, path: string, fixedStage?: string): StageSelection {
  const segments = pathSegments(path);
  const anyStage = servesAnyStage(api);
  const stages = api.stages;
  if (!anyStage && isUnknown(stages)) return { kind: 'unknown', reason: stages.reason, ...(stages.origin ? { origin: stages.origin } : {}) };
  const known = isUnknown(stages) ? [] : stages;
  const find = (name: string) => known.find((s) => s.name === name);
  const found = (name: string, rest: string): StageSelection => {
    if (anyStage) return { kind: 'stage', name, path: rest, anyStage: true };
    const stage = find(name);
    if (!stage) return { kind: 'no-stage', name, path: rest };
    return { kind: 'stage', name, path: rest, ...(stage.origin ? { origin: stage.origin } : {}) };
  };
  if (fixedStage !== undefined) return found(fixedStage, joinPath(segments));
  const first = segments[0];
  const rest = joinPath(segments.slice(1));
  if (api.kind === 'HTTP') {
    // R14: an HTTP API's `$default` stage is served at the root; a named stage by its first segment.
    if (first !== undefined && first !== '$default' && (anyStage || find(first))) return found(first, rest);
    if (find('$default')) return found('$default', joinPath(segments));
  }
  if (first === undefined) return { kind: 'no-stage', path: '/' };
  return found(first, rest);
}

/** The stage and path an ARN carries even when the stage is not deployed or not known (first segment, as sent). */
export function stageForArn(selection: StageSelection, path: string, fixedStage?: string): { stage: string; path: string } {
  if (selection.kind === 'stage') return { stage: selection.name, path: selection.path };
  if (selection.kind === 'no-stage') return { stage: selection.name ?? '', path: selection.path };
  if (fixedStage !== undefined) return { stage: fixedStage, path };
  const segments = pathSegments(path);
  return { stage: segments[0] ?? '', path: joinPath(segments.slice(1)) };
}
