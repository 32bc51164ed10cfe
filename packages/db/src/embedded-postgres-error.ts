export type EmbeddedPostgresErrorCode = 'PORT_IN_USE' | 'START_FAILED' | 'INIT_FAILED';

/** The embedded Postgres could not come up; the message names the port, the data folder and what to change. */
export class EmbeddedPostgresError extends Error {
  constructor(
    readonly code: EmbeddedPostgresErrorCode,
    message: string,
    /** Postgres's own last log lines, when it said anything. */
    readonly logLines: readonly string[] = [],
  ) {
    super(logLines.length > 0 ? `${message}\nPostgres said:\n${logLines.map((l) => `  ${l}`).join('\n')}` : message);
    this.name = 'EmbeddedPostgresError';
  }
}

export function portInUseError(port: number, dataDir: string): EmbeddedPostgresError {
  return new EmbeddedPostgresError(
    'PORT_IN_USE',
    `cannot start the embedded Postgres for ${dataDir}: port ${port} is already in use by another process ` +
      `(another checkout's Postgres?). Set FERBENCH_PG_PORT to a free port, stop the other server, or set DATABASE_URL to use it instead.`,
  );
}
