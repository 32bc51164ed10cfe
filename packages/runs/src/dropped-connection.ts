/**
 * The 'error' listener of a connection a run holds: when the server drops it (the embedded server stopping on
 * Ctrl-C, a restart), the query in flight already fails with the error and the run stops with it, resumable; the
 * connection's 'error' event must not also crash the process with a stack trace.
 */
export function droppedWhileHeld(): void {}
