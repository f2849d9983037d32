import { useId } from 'react';
import type { Ref } from 'react';

interface PassphraseFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  autoComplete: 'new-password' | 'current-password';
  autoFocus?: boolean;
  ref?: Ref<HTMLInputElement>;
}

export function PassphraseField({ label, value, onChange, autoComplete, autoFocus = false, ref }: PassphraseFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={ref}
        type="password"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        spellCheck={false}
      />
    </div>
  );
}
