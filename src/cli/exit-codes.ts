// Exit statuses of every vpcpath command (README "Exit status").
export const EXIT = {
  /** Everything ran; the request reached its API, or every check passed. */
  ok: 0,
  /** Everything ran; the request did not reach the API, or a check failed. */
  notReached: 1,
  /** Bad input: the message names file, line and column. */
  inputError: 2,
  /** A bug in vpcpath: please report it. */
  internalError: 3,
} as const;
