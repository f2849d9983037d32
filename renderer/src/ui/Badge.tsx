import type { ReactNode } from 'react';

export type Tone = 'neutral' | 'success' | 'warning' | 'danger' | 'info';

/** A state in one or two words, coloured by what it means. */
export function Badge({ tone = 'neutral', children, label }: { tone?: Tone; children: ReactNode; label?: string }) {
  return (
    <span className={tone === 'neutral' ? 'badge' : `badge ${tone}`} aria-label={label}>
      {children}
    </span>
  );
}
