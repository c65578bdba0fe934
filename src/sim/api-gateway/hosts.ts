// The host names API Gateway's front doors know: default execute-api hosts, {api}-{vpce} aliases, vpce names.
import type { HttpRequest } from './types.js';

export type HostName =
  /** R14, R24 (i): `{api-id}.execute-api.{region}.amazonaws.com`. */
  | { kind: 'default'; host: string; apiId: string; region: string }
  /** R11, R24 (ii): `{api-id}-{vpce-id}.execute-api.{region}.amazonaws.com`. */
  | { kind: 'vpce-alias'; host: string; apiId: string; vpceId: string; region: string }
  /** R27: `d-....execute-api.{region}.amazonaws.com`, a regional custom domain's target name. */
  | { kind: 'regional-domain-target'; host: string; region: string }
  /** R11: `vpce-{id}[-suffix][-az].{service}.{region}.vpce.amazonaws.com`, an interface endpoint's own name. */
  | { kind: 'vpce'; host: string; vpceId: string; service: string; region: string }
  /** R26: `d....cloudfront.net`. */
  | { kind: 'cloudfront'; host: string }
  /** Anything else: a custom domain name, or a name vpcpath does not know. */
  | { kind: 'other'; host: string };

/** Lower case, without a trailing dot or a port. */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/^\[|\]$/g, '').replace(/:\d+$/, '').replace(/\.$/, '');
}

export function parseHost(raw: string): HostName {
  const host = normalizeHost(raw);
  const api = /^([a-z0-9-]+)\.execute-api\.([a-z0-9-]+)\.amazonaws\.com$/.exec(host);
  if (api?.[1] && api[2]) {
    const [label, region] = [api[1], api[2]];
    if (/^d-[a-z0-9]+$/.test(label)) return { kind: 'regional-domain-target', host, region };
    const pair = /^([a-z0-9]+)-(vpce-[0-9a-f]+)$/.exec(label);
    if (pair?.[1] && pair[2]) return { kind: 'vpce-alias', host, apiId: pair[1], vpceId: pair[2], region };
    if (/^[a-z0-9]+$/.test(label)) return { kind: 'default', host, apiId: label, region };
    return { kind: 'other', host };
  }
  const vpce = /^(vpce-[0-9a-f]+)(?:-[a-z0-9]+)*\.([a-z0-9-]+)\.([a-z0-9-]+)\.vpce\.amazonaws\.com$/.exec(host);
  if (vpce?.[1] && vpce[2] && vpce[3]) return { kind: 'vpce', host, vpceId: vpce[1], service: vpce[2], region: vpce[3] };
  if (host.endsWith('.cloudfront.net')) return { kind: 'cloudfront', host };
  return { kind: 'other', host };
}

/** The TLS server name the client sends: the URL's host (clients send SNI for names, not for IP literals). */
export function sniOf(request: HttpRequest): string {
  return normalizeHost(request.url.hostname);
}

/** The HTTP Host the server routes on: a `Host` header overrides the URL's host (R24 iii). */
export function hostOf(request: HttpRequest): string {
  const header = request.headers.host;
  return header && header.trim() !== '' ? normalizeHost(header) : sniOf(request);
}

/** Path segments without the leading slash and one trailing slash, percent-decoded where possible. */
export function pathSegments(pathname: string): string[] {
  let path = pathname.startsWith('/') ? pathname.slice(1) : pathname;
  if (path.endsWith('/')) path = path.slice(0, -1);
  if (path === '') return [];
  return path.split('/').map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
}

export function joinPath(segments: readonly string[]): string {
  return `/${segments.join('/')}`;
}
