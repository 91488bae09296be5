export const EXIT = {
  ok: 0,
  input: 1,
  usage: 2,
  render: 3,
} as const;
