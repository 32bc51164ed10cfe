/** A sha256 shown short (enough to tell two apart) with the full value in the tooltip and for screen readers. */
export function Hash({ value, label = 'sha256' }: { value: string; label?: string }) {
  return (
    <code className="hash" title={`${label} ${value}`} aria-label={`${label} ${value}`} data-full={value}>
      {value.slice(0, 12)}
    </code>
  );
}
