/** Exit codes of `dcgan`, as scripts read them. */
export const EXIT = {
  done: 0,
  failed: 1,
  usage: 2,
  /** 128 + the signal's number: SIGINT (Ctrl-C), SIGTERM. */
  interrupted: 130,
  terminated: 143,
} as const;

/** A flag or argument that cannot be taken as given: exit code 2, nothing done. */
export class UsageError extends Error {
  override name = 'UsageError';
}
