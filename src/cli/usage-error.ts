/** A wrong command line (exit code 2), as opposed to a wrong letter (exit code 1). */
export class UsageError extends Error {
  /** The command whose usage line is shown with the message, when one is known. */
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
