import type { ReactNode } from 'react';

/** A calm box for the states that are not data: nothing yet, not found, something went wrong. */
export function Notice({ tone, title, children }: { tone: 'empty' | 'error'; title: string; children?: ReactNode }) {
  return (
    <section className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}
