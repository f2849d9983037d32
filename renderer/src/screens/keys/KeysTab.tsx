import { Fragment, useCallback, useState } from 'react';
import type { AccountSummary, ApiKey } from '../../store/accounts-store';
import { useAgentStore } from '../../store/agent-store';
import { useViewStore } from '../../store/view-store';
import { KeyProgramsPanel } from '../agent/KeyProgramsPanel';
import { KeyImportForm } from '../KeyImportForm';
import { KeyReveal } from '../KeyReveal';
import { KeyRow, menuButtonId } from './KeyRow';
import './keys.css';

const EMPTY_ACTION_ID = 'keys-empty-create';
const COLUMNS = ['Key', 'State', 'Scopes', 'Created · last used', 'Programs', 'Actions'] as const;

/** The account's keys in the vault: the table, a key's secret opened at its row, its programs' policy when asked, and the import form. */
export function KeysTab({ account, keys }: { account: AccountSummary; keys: ApiKey[] | null }) {
  const [revealingId, setRevealingId] = useState<string | null>(null);
  const [programsKeyId, setProgramsKeyId] = useState<string | null>(null);
  const programsKey = keys?.find((key) => key.id === programsKeyId);
  const proxies = useAgentStore((state) => state.status?.proxies);
  const showAccountTab = useViewStore((state) => state.showAccountTab);
  const stopRevealing = useCallback(() => {
    setRevealingId((keyId) => {
      // The secret is gone from the page: the focus goes back to the row's menu, where Reveal was.
      if (keyId) window.requestAnimationFrame(() => document.getElementById(menuButtonId(keyId))?.focus());
      return null;
    });
  }, []);

  // The row and its menu are gone: the focus goes to the next key's menu, or the previous one's, or the empty state's action.
  const forgotten = (keyId: string) => {
    const index = keys?.findIndex((key) => key.id === keyId) ?? -1;
    const neighbour = keys?.[index + 1] ?? keys?.[index - 1];
    window.requestAnimationFrame(() => document.getElementById(neighbour ? menuButtonId(neighbour.id) : EMPTY_ACTION_ID)?.focus());
  };

  return (
    <>
      {keys === null && <p aria-busy="true">Loading the keys…</p>}
      {keys?.length === 0 && (
        <div className="actions">
          <p className="note">No keys yet: import one below, or create one on the exchange.</p>
          <button type="button" id={EMPTY_ACTION_ID} onClick={() => showAccountTab('exchange')}>
            Create on the exchange
          </button>
        </div>
      )}
      {keys && keys.length > 0 && (
        <table aria-label="Keys" className="keys-table">
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th scope="col" key={column}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <Fragment key={key.id}>
                <KeyRow
                  apiKey={key}
                  proxyRunning={proxies?.some((proxy) => proxy.keyId === key.id) ?? false}
                  onReveal={() => setRevealingId(key.id)}
                  onPrograms={() => setProgramsKeyId(key.id)}
                  onForgotten={() => forgotten(key.id)}
                />
                {revealingId === key.id && (
                  <tr className="key-expansion">
                    <td colSpan={COLUMNS.length}>
                      <KeyReveal apiKey={key} onClose={stopRevealing} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      {programsKey && <KeyProgramsPanel apiKey={programsKey} onClose={() => setProgramsKeyId(null)} key={programsKey.id} />}
      <KeyImportForm accountId={account.id} key={account.id} />
    </>
  );
}
