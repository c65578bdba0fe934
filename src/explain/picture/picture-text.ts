// The words on a picture's boxes: wrapped lines, the short answer at the stop marker, the DNS chain, the workload.
import type { CauseCode, DnsResolution, Trace, TraceSource } from '../../sim/trace.js';

/** Wraps text at spaces into lines of at most `width` characters (a long host name stays whole). */
export function wrapLine(text: string, width = 44): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const TIMEOUT_WHY: Partial<Record<CauseCode, string>> = {
  'security-group-denied': 'security group',
  'network-acl-denied': 'network ACL',
  'no-route': 'no route',
  'no-public-ip': 'no public IP',
};

const DNS_WHY: Partial<Record<CauseCode, string>> = {
  nxdomain: 'NXDOMAIN',
  'dns-loop': 'NXDOMAIN: CNAME loop',
  'vpc-dns-disabled': 'no DNS answer: VPC DNS support off',
};

/** The answer as the stop marker says it: `HTTP 403 ForbiddenException`, `timeout: security group`, `NXDOMAIN`. */
export function shortAnswer(trace: Trace): string {
  const a = trace.answer;
  switch (a.result) {
    case 'http': return `HTTP ${a.status ?? '?'}${a.errorType ? ` ${a.errorType}` : ''}`;
    case 'timeout': return `timeout: ${TIMEOUT_WHY[trace.cause.code] ?? 'packets dropped'}`;
    case 'dns-failure': return DNS_WHY[trace.cause.code] ?? 'DNS failure';
    case 'tls-failure': return 'TLS fails: certificate name mismatch';
    case 'reached': return 'reached the API\'s integration';
    case 'delivered': return 'delivered';
    case 'exits-network': return 'leaves the modelled network';
    case 'unknown': return 'unknown: missing facts';
  }
}

/** The box of the workload: its kind and id, then its addresses. */
export function workloadLines(s: TraceSource): string[] {
  const kind = s.kind === 'instance' ? 'EC2 instance' : s.kind === 'lambda' ? 'Lambda function' : 'network interface';
  return [`${kind} ${s.id}`, `${s.privateIp} · ${s.publicIp ? `public ${s.publicIp}` : 'no public IP'}`];
}

/** The DNS chain, one answer per line, each followed by who answered it. */
export function dnsLines(dns: DnsResolution, host: string): { title: string; lines: string[] } {
  const lines: string[] = [host];
  for (const step of dns.steps) {
    const answer = step.answer.length ? step.answer.join(', ') : step.recordType;
    const arrow = step.recordType === 'CNAME' ? `CNAME ${answer}` : step.recordType === 'ALIAS' ? `alias ${answer}` : answer;
    if (step.name !== host && step !== dns.steps[0]) lines.push(step.name);
    lines.push(`→ ${arrow}`);
    lines.push(...wrapLine(`answered by ${step.answeredBy}`));
  }
  const o = dns.outcome;
  if (!dns.steps.length) {
    lines.push(o.kind === 'no-resolver' ? 'no resolver answers' : o.kind === 'unknown' ? 'no answer in the model' : '(no answer)');
  }
  return { title: 'DNS', lines };
}

/** The host the request names (for a DNS box without steps). */
export function requestHost(trace: Trace): string {
  return trace.request.url.split('/')[2] ?? trace.request.url;
}

/** A hop's detail for an edge label, at most `max` lines; ids the boxes already show are left out. */
export function edgeWords(text: string, width = 40, max = 3): string[] {
  const short = text.replace(/ -> /g, ' → ').replace(/ \((?:igw|nat|vpce|pcx|tgw|vgw)-[0-9a-f]+\)/g, '');
  const lines = wrapLine(short, width);
  return lines.length > max ? [...lines.slice(0, max - 1), `${lines[max - 1]} …`] : lines;
}
