// Route 53 Resolver query logs: the names workloads actually ask for, by VPC (and instance, where logged).
// Format: one JSON object per line, as Resolver query logging writes to S3, CloudWatch Logs or Firehose
// (https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-query-logs-format.html): `vpc_id`,
// `query_name` (with the final dot), `query_type`, `rcode`, `answers`, `srcaddr`, `srcids.instance`, ...
import { readFileSync } from 'node:fs';
import type { InputProblem } from '../input-problem.js';

/** One distinct name asked from one VPC, with how often and by whom. */
export interface QueriedName {
  readonly vpcId: string;
  readonly account?: string;
  readonly region?: string;
  /** Lower case, without the final dot. */
  readonly name: string;
  /** Instances that asked (srcids.instance), where the log says. */
  readonly instances: string[];
  /** Source addresses that asked (srcaddr). */
  readonly sources: string[];
  /** What the resolver answered at the time (Rdata), e.g. public addresses before a change. */
  readonly answers: string[];
  readonly count: number;
  /** The first line that asked it: where a finding about it points. */
  readonly file: string;
  readonly line: number;
}

export interface QueryLogRead {
  readonly names: QueriedName[];
  readonly problems: InputProblem[];
  /** Lines that were not A/AAAA/CNAME queries (PTR, TXT ...): counted, not used. */
  readonly skipped: number;
}

interface LogEntry {
  vpc_id?: unknown;
  query_name?: unknown;
  query_type?: unknown;
  account_id?: unknown;
  region?: unknown;
  srcaddr?: unknown;
  srcids?: { instance?: unknown };
  answers?: { Rdata?: unknown }[];
}

const ADDRESS_QUERIES = new Set(['A', 'AAAA', 'CNAME', 'ANY', 'HTTPS']);

/** Reads query log files; a line that is not JSON, or lacks vpc_id/query_name, is a problem at file:line:column. */
export function readQueryLogs(files: readonly { path: string; display: string }[]): QueryLogRead {
  const byKey = new Map<string, { q: Omit<QueriedName, 'instances' | 'sources' | 'answers' | 'count'>; instances: Set<string>; sources: Set<string>; answers: Set<string>; count: number }>();
  const problems: InputProblem[] = [];
  let skipped = 0;
  for (const { path, display } of files) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      problems.push({ code: 'unreadable', file: display, message: `cannot read query log: ${(e as Error).message}` });
      continue;
    }
    const lines = text.split(/\r?\n/);
    lines.forEach((raw, i) => {
      const line = raw.trim();
      if (!line) return;
      const at = { file: display, line: i + 1, column: raw.length - raw.trimStart().length + 1 };
      let entry: LogEntry;
      try {
        entry = JSON.parse(line) as LogEntry;
      } catch (e) {
        problems.push({ code: 'query-log-json', ...at, message: `not a JSON query log line: ${(e as Error).message} (Resolver query logs hold one JSON object per line)` });
        return;
      }
      if (typeof entry !== 'object' || entry === null || typeof entry.vpc_id !== 'string' || typeof entry.query_name !== 'string') {
        problems.push({ code: 'query-log-fields', ...at, message: 'a query log line needs vpc_id and query_name (Route 53 Resolver query log format)' });
        return;
      }
      if (typeof entry.query_type === 'string' && !ADDRESS_QUERIES.has(entry.query_type.toUpperCase())) {
        skipped += 1;
        return;
      }
      const name = entry.query_name.toLowerCase().replace(/\.$/, '');
      const key = `${entry.vpc_id} ${name}`;
      let rec = byKey.get(key);
      if (!rec) {
        rec = {
          q: {
            vpcId: entry.vpc_id, name, file: display, line: i + 1,
            ...(typeof entry.account_id === 'string' ? { account: entry.account_id } : {}),
            ...(typeof entry.region === 'string' ? { region: entry.region } : {}),
          },
          instances: new Set(), sources: new Set(), answers: new Set(), count: 0,
        };
        byKey.set(key, rec);
      }
      rec.count += 1;
      if (typeof entry.srcids?.instance === 'string') rec.instances.add(entry.srcids.instance);
      if (typeof entry.srcaddr === 'string') rec.sources.add(entry.srcaddr);
      for (const a of Array.isArray(entry.answers) ? entry.answers : []) if (typeof a?.Rdata === 'string') rec.answers.add(a.Rdata);
    });
  }
  const names = [...byKey.values()].map((r) => ({
    ...r.q, instances: [...r.instances].sort(), sources: [...r.sources].sort(), answers: [...r.answers].sort(), count: r.count,
  }));
  return { names, problems, skipped };
}
