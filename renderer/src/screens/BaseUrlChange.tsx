import { OwnerProof } from './OwnerProof';
import type { OwnerProofState } from './OwnerProof';

const hostOf = (url: string): string | null => {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
};

/** Whether the typed base URL differs from the account's: a privileged change, since it redirects where signatures and 2FA codes go. */
export const isBaseUrlChange = (from: string, typed: string): boolean => typed.trim() !== from && hostOf(typed.trim()) !== null;

/**
 * Before the owner confirms a new base URL: where the account's requests went and where they will
 * go, by host, or by whole address when only the path differs.
 */
export function BaseUrlChange({ from, to, proof, waiting, id }: { from: string; to: string; proof: OwnerProofState; waiting: boolean; id: string }) {
  const [oldHost, newHost] = [hostOf(from) ?? from, hostOf(to.trim()) ?? to.trim()];
  const [oldPlace, newPlace] = oldHost === newHost ? [from, to.trim()] : [oldHost, newHost];
  return (
    <div className="caution" role="group" aria-labelledby={id}>
      <p id={id}>
        Requests, signatures and 2FA codes will go to <strong className="mono">{newPlace}</strong> instead of <strong className="mono">{oldPlace}</strong>.
      </p>
      <OwnerProof proof={proof} waiting={waiting} />
    </div>
  );
}
