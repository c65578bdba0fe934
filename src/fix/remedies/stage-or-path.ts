// R16, R28: no stage, mapping, resource or method matches; suggest the URL the API does serve (its stages and
// resources), closest first. The change is to the request, not to the model.
import { isKnown, type Api } from '../../model/index.js';
import { get, targetApi } from '../requests.js';
import type { Candidate, FixContext, Remedy } from '../types.js';

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}

function concrete(path: string): string {
  return path.replace(/\{[^}]+\}/g, 'x');
}

/** The (stage, path) pairs the API serves for this method, closest to the request's first. */
function served(api: Api, method: string, stage: string, path: string): { stage: string; path: string }[] {
  const stages = isKnown(api.stages) ? api.stages.map((s) => s.name) : [];
  const resources = (isKnown(api.resources) ? api.resources : []).filter((r) => r.methods.includes(method) || r.methods.includes('ANY'));
  const pairs = stages.flatMap((s) => resources.map((r) => ({ stage: s, path: concrete(r.path) })));
  const score = (p: { stage: string; path: string }) => distance(p.stage, stage) + distance(p.path, path);
  return pairs.sort((a, b) => score(a) - score(b)).slice(0, 2);
}

export const stageOrPath: Remedy = {
  id: 'stage-or-path',
  title: 'Call a stage and path the API serves',
  rule: 'R16',
  causes: ['stage-or-path-not-found'],
  propose(ctx: FixContext): Candidate[] {
    const api = targetApi(ctx.model, ctx.request);
    if (!api || ctx.request.kind !== 'http' || api.fromFacts) return [];
    const req = ctx.request;
    const defaultHost = req.url.hostname.endsWith('.amazonaws.com');
    if (!defaultHost) return [];
    const [first = '', ...rest] = req.url.pathname.split('/').filter(Boolean);
    const http = api.kind === 'HTTP';
    const stage = http ? '$default' : first;
    const path = `/${(http ? [first, ...rest] : rest).filter(Boolean).join('/')}`;
    return served(api, req.method, stage, path).flatMap((p) => {
      const prefix = p.stage === '$default' ? '' : `/${p.stage}`;
      const url = `${req.url.protocol}//${req.url.host}${prefix}${p.path === '/' ? '/' : p.path}`;
      const spec = get(url);
      if (!spec || url === req.url.toString()) return [];
      return [{
        id: `stage-or-path:${p.stage}${p.path}`,
        title: `Call ${url}`,
        description: `${api.name ?? api.id} has no ${req.method} ${req.url.pathname}; it serves stage ${p.stage} with ${req.method} ${p.path}. ` +
          'Change the URL your code calls (R16: an unknown stage or resource is answered 403 by API Gateway).',
        apply: (m) => m,
        request: { ...spec, method: req.method, headers: req.headers },
        patch: { edits: [], commands: [], request: `${req.method} ${url}` },
        assumes: [`${p.stage}${p.path} is the resource you meant`],
      } satisfies Candidate];
    });
  },
};
