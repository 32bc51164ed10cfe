/** A CI as "low – high", each bound its own element so it can be read (and tested) on its own; or why there is none. */
export function ConfidenceInterval({
  low,
  high,
  reason,
  format,
  stat,
}: {
  low: number | null;
  high: number | null;
  reason: string | null;
  format: (value: number) => string;
  stat: string;
}) {
  if (low === null || high === null) return <span title={reason ?? undefined}>—</span>;
  return (
    <span className="interval">
      <span data-stat={`${stat}-low`}>{format(low)}</span> – <span data-stat={`${stat}-high`}>{format(high)}</span>
    </span>
  );
}
