import { useCallback, useState } from 'react';
import type { AccountSummary, ApiKey } from '../../store/accounts-store';
import { useAgentStore } from '../../store/agent-store';
import { KeyProgramsPanel } from '../agent/KeyProgramsPanel';
import { policySummary } from '../agent/policy-words';
import { KeyImportForm } from '../KeyImportForm';
import { KeyReveal } from '../KeyReveal';

/** The account's keys in the vault: the table, a key's secret or programs when asked, and the import form. */
export function KeysTab({ account, keys }: { account: AccountSummary; keys: ApiKey[] | null }) {
  const [revealingId, setRevealingId] = useState<string | null>(null);
  const revealing = keys?.find((key) => key.id === revealingId);
  const stopRevealing = useCallback(() => setRevealingId(null), []);
  const [programsKeyId, setProgramsKeyId] = useState<string | null>(null);
  const programsKey = keys?.find((key) => key.id === programsKeyId);
  const proxies = useAgentStore((state) => state.status?.proxies);

  return (
    <>
      {keys === null && <p aria-busy="true">Loading the keys…</p>}
      {keys?.length === 0 && <p className="note">No keys yet: import one below, or create one on the Exchange tab.</p>}
      {keys && keys.length > 0 && (
        <table aria-label="Keys">
          <thead>
            <tr>
              <th scope="col">Kid</th>
              <th scope="col">Label</th>
              <th scope="col">State</th>
              <th scope="col">Origin</th>
              <th scope="col">Secret</th>
              <th scope="col">Programs</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id}>
                <td className="mono">{key.kid}</td>
                <td>{key.label}</td>
                <td>{key.remoteState.replace('_', ' ')}</td>
                <td>{key.origin}</td>
                <td>
                  <button type="button" aria-label={`Reveal the secret of ${key.kid}`} onClick={() => setRevealingId(key.id)}>
                    Reveal
                  </button>
                </td>
                <td>
                  {policySummary(key.policy)}
                  {proxies?.some((proxy) => proxy.keyId === key.id) && ', proxy running'}{' '}
                  <button type="button" className="link" aria-label={`Change what programs may sign with ${key.kid}`} onClick={() => setProgramsKeyId(key.id)}>
                    Change
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revealing && <KeyReveal apiKey={revealing} onClose={stopRevealing} key={revealing.id} />}
      {programsKey && <KeyProgramsPanel apiKey={programsKey} onClose={() => setProgramsKeyId(null)} key={programsKey.id} />}
      <KeyImportForm accountId={account.id} key={account.id} />
    </>
  );
}
