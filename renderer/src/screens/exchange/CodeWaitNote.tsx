import { useExchangeStore } from '../../store/exchange-store';

const PURPOSE_WORDS = { login: 'the login', 'create-key': 'creating the key', 'change-key': 'changing the key', 'delete-key': 'deleting the key' } as const;

/** The seconds until a fresh 2FA code, while main waits because the current one was just used. */
export function CodeWaitNote() {
  const codeWait = useExchangeStore((state) => state.codeWait);
  if (!codeWait) return null;
  return (
    <p role="status" aria-label="Code wait">
      The 2FA code was just used: waiting {Math.ceil(codeWait.secondsLeft)} s for the next one, for {PURPOSE_WORDS[codeWait.purpose]}.
    </p>
  );
}
