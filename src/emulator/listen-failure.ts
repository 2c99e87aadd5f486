/** One line for a server that could not listen: a busy port says so and how to pick another, never a stack. */
export function listenFailure(err: unknown, port: number, setting: string): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'EADDRINUSE') return `port ${port} is already in use (another server?): set ${setting} to another port`;
  if (code === 'EACCES') return `no permission to listen on port ${port}: set ${setting} to a port above 1023`;
  return `cannot listen on port ${port}: ${(err as Error)?.message ?? String(err)}`;
}
