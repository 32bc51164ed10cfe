import type { CombinedError } from '@urql/core';
import { config } from '../config';
import { Notice } from './notice';

/** What went wrong talking to the API, and where the dashboard looked for it. */
export function ApiError({ error, what }: { error: CombinedError; what: string }) {
  const unreachable = error.networkError !== undefined;
  return (
    <Notice tone="error" title={`Could not load ${what}`}>
      <p>{error.graphQLErrors.length > 0 ? error.graphQLErrors.map((e) => e.message).join('; ') : error.message}</p>
      {unreachable && (
        <p>
          The dashboard reads the ferbench API at <code>{config().apiUrl}</code> (set <code>FERBENCH_API_URL</code> to
          change it). Is it running? <code>npm start</code> starts the database, the API and this dashboard together.
        </p>
      )}
    </Notice>
  );
}
