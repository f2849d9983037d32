import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { AccountSummary } from '../../store/accounts-store';
import { useAccountsStore } from '../../store/accounts-store';
import { api } from '../../window-api';
import { OwnerProof, useOwnerProof } from '../OwnerProof';
import type { OwnerProofRequest } from '../OwnerProof';
import { FormMessage } from './FormMessage';
import { useFormAction } from './use-form-action';

/** One account's seed: stored (Forget) or not (Store, after the warning and the owner's proof). The seed is never shown back. */
export function TotpSeedRow({ account }: { account: AccountSummary }) {
  const [storing, setStoring] = useState(false);
  const [seed, setSeed] = useState('');
  const proof = useOwnerProof();
  const action = useFormAction();
  const id = useId();
  const seedRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasStoring = useRef(false);

  // The form takes the focus when it opens and gives it back to the row's button when it closes.
  useEffect(() => {
    if (storing) seedRef.current?.focus();
    else if (wasStoring.current) buttonRef.current?.focus();
    wasStoring.current = storing;
  }, [storing]);

  const setTotpSeed =
    (value: string | null, owner: OwnerProofRequest = {}) =>
    async () => {
      const result = await api().accounts.setTotpSeed({ accountId: account.id, seed: value, ...owner });
      if (!result.ok) return result.error;
      await useAccountsStore.getState().load();
      return null;
    };

  const store = (event: FormEvent) => {
    event.preventDefault();
    if (seed.trim() === '') return action.refuse('Paste the 2FA seed: the base32 text shown when 2FA was set up on the exchange.');
    void action.run(setTotpSeed(seed, proof.take()), () => {
      setSeed('');
      setStoring(false);
      action.done(`Seed stored: the app now makes ${account.name}'s 2FA codes.`);
    });
  };
  const forget = () => void action.run(setTotpSeed(null), () => action.done(`Seed forgotten: ${account.name}'s 2FA codes are asked of you again.`));

  return (
    <li className="seed-row" aria-labelledby={`${id}-name`}>
      <p>
        <strong id={`${id}-name`}>{account.name}</strong>: {account.hasTotpSeed ? 'seed stored, codes made by the app.' : 'no seed, you type the codes.'}
      </p>
      {account.hasTotpSeed ? (
        <button type="button" ref={buttonRef} onClick={forget} disabled={action.busy} aria-label={`Forget 2FA seed of ${account.name}`}>
          Forget 2FA seed
        </button>
      ) : (
        !storing && (
          <button type="button" ref={buttonRef} onClick={() => setStoring(true)} aria-label={`Store 2FA seed of ${account.name}`}>
            Store 2FA seed
          </button>
        )
      )}
      {storing && (
        <form
          onSubmit={store}
          aria-label={`Store the 2FA seed of ${account.name}`}
          aria-describedby={`${id}-warning ${id}-error`}
          aria-busy={action.busy}
          noValidate
        >
          <p className="caution" id={`${id}-warning`}>
            Think twice. Two-factor login means a thief needs two things: your password and your phone. With the seed stored here, this vault becomes the phone,
            so whoever gets into the vault and learns your password has both: two factors turn into one. Store it only where that is acceptable, such as a
            bot&apos;s account.
          </p>
          <div className="field">
            <label htmlFor={`${id}-seed`}>2FA seed (base32)</label>
            <input
              id={`${id}-seed`}
              ref={seedRef}
              type="password"
              className="mono"
              value={seed}
              onChange={(event) => setSeed(event.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          </div>
          <OwnerProof proof={proof} waiting={action.busy} />
          <div className="actions">
            <button type="submit" disabled={action.busy}>
              Store the seed
            </button>
            <button
              type="button"
              onClick={() => {
                setSeed('');
                proof.setPassphrase('');
                setStoring(false);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
      <FormMessage action={action} errorId={`${id}-error`} />
    </li>
  );
}
