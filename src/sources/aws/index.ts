// The live AWS collector (`vpcpath collect`): the only code in vpcpath that calls AWS, and only to read.
export { collect, CollectError, type CollectResult } from './collect.js';
export { DEFAULT_CONCURRENCY, DEFAULT_MAX_ATTEMPTS, type CollectOptions } from './options.js';
export { describeFailure, type CallRecord, type Identity, type Manifest } from './manifest.js';
export { onOperation, type RecordedOperation } from './record-operations.js';
export { silentProgress, terminalProgress, type Progress } from './progress.js';
export type { DnsLookup } from './public-dns.js';
