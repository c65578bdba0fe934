// Records the operation name of every request an AWS client sends: the proof that the collector only reads.

/** One request as the SDK named it: `ec2` + `DescribeVpcsCommand` becomes `{ service: 'EC2', operation: 'DescribeVpcs' }`. */
export interface RecordedOperation {
  readonly service: string;
  readonly operation: string;
}

type Listener = (op: RecordedOperation) => void;
const listeners = new Set<Listener>();

/**
 * Calls `listener` for every operation any collector client sends, until the returned function is called.
 * Tests use it to prove the collector calls only Describe*, Get*, List* (and sts AssumeRole with --accounts).
 */
export function onOperation(listener: Listener): () => void {
  listeners.add(listener);
  return () => { listeners.delete(listener); };
}

/** The operations a run sent, in order. */
export class OperationLog {
  readonly operations: RecordedOperation[] = [];
  record(op: RecordedOperation): void {
    this.operations.push(op);
    for (const l of listeners) l(op);
  }
}

/** Structural stand-in for the SDK's `Pluggable`: clients of different @smithy/types versions all accept it. */
export interface RecordingPlugin {
  applyToStack(stack: { add(middleware: unknown, options: Record<string, unknown>): void }): void;
}

/**
 * A middleware on the `initialize` step, the first one a command passes: it sees `context.commandName`
 * before serialization, so even a request that later fails (denied, unreachable) is recorded.
 */
export function recordingPlugin(log: OperationLog): RecordingPlugin {
  // fromTemporaryCredentials applies its clientPlugins to its STS client on every refresh: add once per stack.
  const applied = new WeakSet<object>();
  return {
    applyToStack(stack) {
      if (applied.has(stack)) return;
      applied.add(stack);
      stack.add(
        (next: (args: unknown) => Promise<unknown>, context: { clientName?: string; commandName?: string }) =>
          async (args: unknown) => {
            log.record({
              service: (context.clientName ?? '').replace(/Client$/, ''),
              operation: (context.commandName ?? '').replace(/Command$/, ''),
            });
            return next(args);
          },
        { step: 'initialize', name: 'vpcpathRecordOperation', priority: 'high' },
      );
    },
  };
}
