/** A wrong command line (exit code 2), as opposed to a wrong letter (exit code 1). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
