// Where calls are made from: one account and one region (or its global services), one folder of the snapshot.
import type { Clients } from './clients.js';
import { callError } from './errors.js';
import type { CallRecord, ServiceName } from './manifest.js';
import type { Body, Paged } from './pages.js';
import type { Pool } from './pool.js';
import type { Progress } from './progress.js';
import type { SnapshotFiles } from './write-snapshot.js';

export interface CallSpec {
  readonly service: ServiceName;
  readonly operation: string;
  /** The file the answer goes to, relative to this scope's folder. */
  readonly file?: string;
  readonly resource?: string;
  /** The attribute asked for, when the call takes one (DescribeVpcAttribute). */
  readonly attribute?: string;
}

export interface Run {
  readonly pool: Pool;
  readonly progress: Progress;
  readonly files: SnapshotFiles;
  readonly calls: CallRecord[];
  /** Whether several accounts are collected (progress lines then name the account). */
  readonly multiAccount: boolean;
}

export class Scope {
  constructor(
    private readonly run: Run,
    readonly clients: Clients,
    readonly account: string,
    /** Undefined for the global scope (Route 53, public DNS). */
    readonly region: string | undefined,
    /** `aws_configs/<region>` or `aws_configs/accounts/<account>/<region>` (`global` for the global scope). */
    readonly folder: string,
  ) {}

  /**
   * Makes one call (all its pages) in the pool and records it in the manifest. A failure (denied, opt-in
   * region, unsupported operation) is recorded and answers undefined: the collection goes on without it.
   */
  async call(spec: CallSpec, fetch: () => Promise<Paged>): Promise<Body | undefined> {
    const { pool, progress, calls } = this.run;
    const where = { account: this.account, ...(this.region ? { region: this.region } : {}) };
    const head = {
      ...where, service: spec.service, operation: spec.operation,
      ...(spec.resource ? { resource: spec.resource } : {}), ...(spec.attribute ? { attribute: spec.attribute } : {}),
    };
    const file = spec.file ? { file: this.path(spec.file) } : {};
    progress.queued();
    return pool.run(async () => {
      progress.started(this.label(spec));
      try {
        const answer = await fetch();
        calls.push({ ...head, ...file, pages: answer.pages, ok: true });
        return answer.body;
      } catch (e) {
        calls.push({ ...head, ok: false, ...callError(e) });
        return undefined;
      } finally {
        progress.finished();
      }
    });
  }

  /** `call`, then the answer written to `spec.file`. */
  async save(spec: CallSpec & { file: string }, fetch: () => Promise<Paged>): Promise<Body | undefined> {
    const body = await this.call(spec, fetch);
    if (body) this.write(spec.file, body);
    return body;
  }

  write(file: string, body: unknown): void {
    this.run.files.put(this.path(file), body);
  }

  path(file: string): string {
    return `${this.folder}/${file}`;
  }

  private label(spec: CallSpec): string {
    const parts = [this.run.multiAccount ? this.account : '', this.region ?? 'global', spec.service, spec.operation, spec.resource ?? '', spec.attribute ?? ''];
    return parts.filter(Boolean).join(' ');
  }
}
