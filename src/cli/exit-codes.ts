export const EXIT = {
  ok: 0,
  input: 1,
  usage: 2,
  render: 3,
  /** Stopped by SIGINT (Ctrl+C) or SIGTERM: 128 + the signal's number, as shells report it. */
  sigint: 130,
  sigterm: 143,
} as const;
