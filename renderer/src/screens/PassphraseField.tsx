import { useId } from 'react';

interface PassphraseFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  autoComplete: 'new-password' | 'current-password';
  autoFocus?: boolean;
}

export function PassphraseField({ label, value, onChange, autoComplete, autoFocus = false }: PassphraseFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
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
