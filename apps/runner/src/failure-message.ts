/** Postgres's "terminating connection due to administrator command": the server is stopping (e.g. on Ctrl-C). */
const ADMIN_SHUTDOWN = '57P01';

/**
 * What the CLI prints for a failure, never `undefined`: an Error's message, else its code, else its name; a
 * thrown non-Error as text, or a note that nothing was given.
 */
export function failureMessage(failure: unknown): string {
  if ((failure as { code?: unknown } | null)?.code === ADMIN_SHUTDOWN)
    return `the database shut down while this command was working (${(failure as Error).message}); what was written is kept, and the same command resumes from there`;
  if (failure instanceof Error) {
    if (failure.message.trim() !== '') return failure.message;
    const code = (failure as { code?: unknown }).code;
    if (code !== undefined && code !== null && String(code) !== '') return `${failure.name} (${String(code)})`;
    return failure.name;
  }
  if (failure === undefined || failure === null || failure === '') return 'failed without saying why (an empty rejection)';
  if (typeof failure === 'object') {
    const { message, code } = failure as { message?: unknown; code?: unknown };
    if (typeof message === 'string' && message !== '') return message;
    if (code !== undefined && code !== null) return String(code);
    try {
      return JSON.stringify(failure);
    } catch {
      return String(failure);
    }
  }
  return String(failure);
}
