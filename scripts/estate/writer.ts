// Writes the estate as `vpcpath collect --accounts` does: aws_configs/accounts/<account>/<region|global>/..., one
// pretty-printed JSON file per call, and manifest.json listing every call.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildManifest, type CallRecord, type ServiceName } from '../../src/sources/aws/manifest.js';
import { folderName } from '../../src/sources/aws/write-snapshot.js';

export interface Call {
  readonly service: ServiceName;
  readonly operation: string;
  readonly resource?: string;
  readonly attribute?: string;
}

export class EstateWriter {
  private readonly calls: CallRecord[] = [];
  private readonly made = new Set<string>();
  files = 0;
  bytes = 0;

  constructor(readonly dir: string) {}

  /** Writes one answer of `account` in `region` (undefined: global), made by `calls`. */
  put(account: string, region: string | undefined, file: string, body: unknown, calls: readonly Call[]): void {
    const rel = `aws_configs/accounts/${account}/${region ?? 'global'}/${file}`;
    for (const c of calls) {
      this.calls.push({ account, ...(region ? { region } : {}), ...c, file: rel, pages: 1, ok: true });
    }
    this.write(rel, body);
  }

  /** A call that wrote no file of its own (DescribeVpcAttribute rows are merged into VpcAttributes.json). */
  record(account: string, region: string | undefined, call: Call, file: string): void {
    this.calls.push({ account, ...(region ? { region } : {}), ...call, file: `aws_configs/accounts/${account}/${region ?? 'global'}/${file}`, pages: 1, ok: true });
  }

  finish(fields: { accounts: string[]; regions: string[]; collectedAt: string }): void {
    const manifest = buildManifest({
      collectedAt: fields.collectedAt,
      identity: { account: fields.accounts[0]!, arn: `arn:aws:sts::${fields.accounts[0]!}:assumed-role/OrganizationAuditRole/generate-estate` },
      profile: null, endpointUrl: null, accounts: fields.accounts, regions: fields.regions, calls: this.calls,
    });
    this.write('manifest.json', manifest);
  }

  private write(rel: string, body: unknown): void {
    const abs = join(this.dir, rel);
    const folder = dirname(abs);
    if (!this.made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.made.add(folder);
    }
    const text = `${JSON.stringify(body, null, 2)}\n`;
    writeFileSync(abs, text);
    this.files++;
    this.bytes += Buffer.byteLength(text);
  }
}

/** A resource folder as collect names it. */
export { folderName };
