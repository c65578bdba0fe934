// `collect()`: read-only calls to AWS in one or several accounts and regions, written as a snapshot folder.
import { Clients } from './clients.js';
import { collectAccount } from './collect-account.js';
import { callerIdentity, partitionOf, sourceCredentials } from './credentials.js';
import { callError } from './errors.js';
import { buildManifest, type CallRecord, type Identity, type Manifest } from './manifest.js';
import { DEFAULT_CONCURRENCY, DEFAULT_MAX_ATTEMPTS, optionProblems, type CollectOptions } from './options.js';
import { Pool } from './pool.js';
import { silentProgress } from './progress.js';
import { systemLookup } from './public-dns.js';
import { OperationLog, recordingPlugin, type RecordedOperation } from './record-operations.js';
import { configuredRegion } from './regions.js';
import type { Run } from './scope.js';
import { outDirProblem, SnapshotFiles, writeSnapshot } from './write-snapshot.js';

export interface CollectResult {
  readonly out: string;
  readonly manifest: Manifest;
  /** The files written, relative to `out`, manifest.json last. */
  readonly files: string[];
  /** Every operation the SDK clients sent, in order: the read-only proof. */
  readonly operations: RecordedOperation[];
  /** The calls that failed (also in `manifest.calls` with `ok: false`). */
  readonly failed: CallRecord[];
}

/** Why nothing was collected: bad options (`usage`, exit 2) or no usable credentials (`no-access`, exit 1). */
export class CollectError extends Error {
  constructor(readonly kind: 'usage' | 'no-access', message: string) {
    super(message);
    this.name = 'CollectError';
  }
}

/**
 * Collects and writes the snapshot. Calls that fail are recorded in the manifest and the collection goes
 * on; it throws a CollectError only when it cannot start: bad options, no region, no usable credentials.
 */
export async function collect(options: CollectOptions): Promise<CollectResult> {
  const problems = optionProblems(options);
  const outProblem = options.out ? outDirProblem(options.out) : undefined;
  if (outProblem) problems.push(outProblem);
  if (problems.length) throw new CollectError('usage', problems.join('\n'));

  const explicit = Array.isArray(options.regions) ? [...new Set(options.regions as string[])] : undefined;
  const home = explicit?.[0] ?? await configuredRegion(options.profile) ?? (options.regions === 'all' ? 'us-east-1' : undefined);
  if (!home) throw new CollectError('usage', 'no region: give --region REGION (or --regions all), or set AWS_REGION or the profile\'s region');

  const startedAt = new Date().toISOString();
  const log = new OperationLog();
  const progress = options.progress ?? silentProgress;
  const settings = {
    ...(options.endpointUrl ? { endpoint: options.endpointUrl } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    plugin: recordingPlugin(log),
  };
  const source = sourceCredentials(options.profile);
  const run: Run = {
    pool: new Pool(options.concurrency ?? DEFAULT_CONCURRENCY), progress, files: new SnapshotFiles(), calls: [],
    multiAccount: Boolean(options.accounts),
  };
  const opened: Clients[] = [];
  try {
    const identity = await whoAmI(new Clients({ ...settings, credentials: source }, home), opened);
    const accounts = options.accounts ? [...new Set(options.accounts)] : [identity.account];
    const lookup = options.resolvePublicDns === true ? systemLookup() : options.resolvePublicDns || undefined;
    const collected = await Promise.all(accounts.map((account) => collectAccount({
      run, account, home, partition: partitionOf(identity.arn), regions: explicit ?? options.regions ?? [home], source,
      ...(options.roleName ? { roleName: options.roleName } : {}), settings, lookup, opened,
    })));
    progress.close();
    const manifest = buildManifest({
      collectedAt: startedAt,
      identity,
      profile: options.profile ?? process.env.AWS_PROFILE ?? null,
      endpointUrl: options.endpointUrl ?? process.env.AWS_ENDPOINT_URL ?? null,
      accounts,
      regions: explicit ?? [...new Set(collected.flat())].sort(),
      calls: run.calls,
    });
    const files = writeSnapshot(options.out, run.files, manifest);
    return { out: options.out, manifest, files, operations: log.operations, failed: run.calls.filter((c) => !c.ok) };
  } finally {
    progress.close();
    for (const c of opened) c.destroy();
  }
}

/** sts GetCallerIdentity with the source credentials: the one call that must succeed for anything to be read. */
async function whoAmI(clients: Clients, opened: Clients[]): Promise<Identity> {
  opened.push(clients);
  try {
    return await callerIdentity(clients);
  } catch (e) {
    const err = callError(e);
    throw new CollectError('no-access', `cannot call AWS: sts GetCallerIdentity failed: ${err.error}: ${err.message}`);
  }
}
