import type { ReactNode } from 'react';

/**
 * A labelled form control with its hint and the card-check problems that name it. The control is given the ids
 * to point at (aria-describedby) and whether it is invalid, so a screen reader reads the problem with the field.
 */
export function FormField({
  id,
  label,
  hint,
  problems,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  problems: readonly string[] | undefined;
  children: (control: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}) {
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const errorId = problems?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-field${errorId ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(errorId ? { 'aria-invalid': true as const } : {}) })}
      {hint !== undefined && (
        <p className="form-hint" id={hintId}>
          {hint}
        </p>
      )}
      {errorId && (
        <ul className="form-error" id={errorId}>
          {problems!.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
