/** Shown while a page waits for the API. */
export default function Loading() {
  return (
    <p className="loading" role="status" aria-live="polite">
      Loading…
    </p>
  );
}
