export const EXIT = {
  ok: 0,
  input: 1,
  usage: 2,
  render: 3,
  /** The machine, not the letter: an output folder that cannot be written, no TMPDIR, a port in use. */
  environment: 4,
  /** Stopped by SIGINT (Ctrl+C) or SIGTERM: 128 + the signal's number, as shells report it. */
  sigint: 130,
  sigterm: 143,
} as const;
