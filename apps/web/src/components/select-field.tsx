/**
 * A labelled drop-down of plain values, each shown as itself, for the dashboard's GET forms. With `anyLabel` the
 * first option is the empty value under that name ("any"): the filter left unset.
 */
export function SelectField({
  id,
  name,
  label,
  values,
  value,
  anyLabel,
}: {
  id: string;
  name: string;
  label: string;
  values: readonly string[];
  value: string | null;
  anyLabel?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ''}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </div>
  );
}
