// The request to simulate: `METHOD URL` with headers, or a network-only `TCP ip:port` flow.
import ipaddr from 'ipaddr.js';

export interface HttpRequestSpec {
  readonly kind: 'http';
  readonly method: string;
  readonly url: URL;
  /** Header names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
}

export interface TcpRequestSpec {
  readonly kind: 'tcp';
  readonly protocol: 'tcp' | 'udp';
  readonly destination: string;
  readonly port: number;
}

export type RequestSpec = HttpRequestSpec | TcpRequestSpec;

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** `GET https://...`, `https://...` (GET), or `TCP 10.1.101.97:443`. */
export function parseRequestLine(line: string, headers: Readonly<Record<string, string>> = {}): RequestSpec | { error: string } {
  const parts = line.trim().split(/\s+/);
  const first = parts[0]?.toUpperCase() ?? '';
  if ((first === 'TCP' || first === 'UDP') && parts.length === 2) {
    const m = /^(.+):(\d+)$/.exec(parts[1]!);
    if (!m || !ipaddr.isValid(m[1]!.replace(/^\[|\]$/g, '')) || Number(m[2]) > 65535) {
      return { error: `'${line}': a network flow is '${first} <ip>:<port>', e.g. 'TCP 10.1.101.97:443'` };
    }
    return { kind: 'tcp', protocol: first === 'TCP' ? 'tcp' : 'udp', destination: m[1]!.replace(/^\[|\]$/g, ''), port: Number(m[2]) };
  }
  const [method, urlText] = parts.length === 1 ? ['GET', parts[0]!] : [first, parts[1] ?? ''];
  if (parts.length > 2 || !METHODS.includes(method)) {
    return { error: `'${line}': a request is 'METHOD URL' (METHOD one of ${METHODS.join(', ')}) or 'TCP <ip>:<port>'` };
  }
  return httpRequest(method, urlText, headers);
}

export function httpRequest(method: string, urlText: string, headers: Readonly<Record<string, string>>): HttpRequestSpec | { error: string } {
  let url: URL;
  try {
    url = new URL(urlText);
  } catch {
    return { error: `'${urlText}' is not a URL (expected https://host/path)` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:' && url.protocol !== 'wss:') {
    return { error: `'${urlText}': only https://, http:// and wss:// URLs can be traced` };
  }
  const lower: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) lower[k.toLowerCase()] = v;
  return { kind: 'http', method: method.toUpperCase(), url, headers: lower };
}

/** `Name: value` header flags (`-H`) as a map. */
export function parseHeaderFlags(flags: readonly string[]): { headers: Record<string, string>; errors: string[] } {
  const headers: Record<string, string> = {};
  const errors: string[] = [];
  for (const flag of flags) {
    const i = flag.indexOf(':');
    if (i <= 0) errors.push(`-H takes 'Name: value', got '${flag}'`);
    else headers[flag.slice(0, i).trim()] = flag.slice(i + 1).trim();
  }
  return { headers, errors };
}

export function defaultPort(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === 'http:' ? 80 : 443;
}
