'use client';

import { Notice } from '../components/notice';

/** The last resort for errors a page did not handle itself (API errors are shown by the pages). */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Notice tone="error" title="Something went wrong">
      <p>
        {error.message || 'The page could not be rendered.'}
        {error.digest && <span className="muted"> (digest {error.digest}; the server log has the details)</span>}
      </p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </Notice>
  );
}
