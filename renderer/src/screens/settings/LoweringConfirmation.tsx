import type { Lowering } from '../../../../app/domain/lowered-protection';
import { OwnerProof } from '../OwnerProof';
import type { OwnerProofState } from '../OwnerProof';

function loweringWords({ setting, from, to }: Lowering): string {
  if (setting === 'autoLockMinutes')
    return to === 0 ? 'Turning auto-lock off lowers protection.' : `Locking after ${to} idle minutes instead of ${from} lowers protection.`;
  return to === 0 ? 'Turning clipboard clearing off lowers protection.' : `Clearing a copied secret after ${to} s instead of ${from} s lowers protection.`;
}

/** Says which typed change leaves the vault less protected, and asks the owner's proof for it before Save. */
export function LoweringConfirmation({
  lowerings,
  proof,
  waiting,
  refusal,
  id,
}: {
  lowerings: Lowering[];
  proof: OwnerProofState;
  waiting: boolean;
  refusal: string;
  id: string;
}) {
  if (lowerings.length === 0) return null;
  return (
    <div className="caution" role="group" aria-labelledby={id}>
      <div id={id}>
        {lowerings.map((lowering) => (
          <p key={lowering.setting}>{loweringWords(lowering)}</p>
        ))}
      </div>
      <OwnerProof proof={proof} waiting={waiting} />
      <p className="error" role="alert">
        {refusal}
      </p>
    </div>
  );
}
