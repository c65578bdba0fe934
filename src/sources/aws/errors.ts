// What a failed AWS call is called in the manifest: the AWS error code, its message and the HTTP status.

export interface CallError {
  readonly error: string;
  readonly message: string;
  readonly httpStatus?: number;
}

interface SdkError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { statusCode?: number };
}

export function callError(e: unknown): CallError {
  const err = (e ?? {}) as SdkError;
  const status = err.$metadata?.httpStatusCode ?? err.$response?.statusCode;
  const message = String(err.message ?? e).split('\n')[0]!.trim();
  // A body that is not an AWS error (an emulator's HTML 404 for an operation it lacks, a proxy's page) fails
  // to deserialize: the SDK throws a SyntaxError or a "Deserialization error" with the raw response attached.
  if (err.name === 'SyntaxError' || message.startsWith('Deserialization error')) {
    return {
      error: 'UnexpectedResponse',
      message: `HTTP ${status ?? '?'} without an AWS error body (the endpoint may not implement this operation)`,
      ...(status ? { httpStatus: status } : {}),
    };
  }
  // Network failures carry a Node error code (ECONNREFUSED, ENOTFOUND, ETIMEDOUT) and no HTTP status.
  const name = err.name && err.name !== 'Error' ? err.name : (err.code ?? 'Error');
  return { error: name, message, ...(status ? { httpStatus: status } : {}) };
}
