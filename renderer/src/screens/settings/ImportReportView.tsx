import type { ResponseOf } from '../../../../app/contract/api';

export type ImportReport = ResponseOf<'backup.import'>;
export type ImportPlan = ResponseOf<'backup.preview'>;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const SETTING_LABELS: Record<ImportPlan['settings'][number]['name'], string> = {
  autoLockMinutes: 'Auto-lock (minutes, 0 = off)',
  clipboardClearSeconds: 'Clipboard clearing (seconds, 0 = off)',
  defaultCommandFormat: 'Default command format',
  theme: 'Theme',
};

function DuplicateList({ duplicates }: { duplicates: ImportReport['duplicates'] }) {
  if (duplicates.length === 0) return null;
  return (
    <>
      <p>Keys already in the vault, left as they were:</p>
      <ul aria-label="Keys already here">
        {duplicates.map(({ account, kid, sameSecret }) => (
          <li key={`${account}\n${kid}`}>
            <span className="mono">{kid}</span> on {account}: {sameSecret ? 'same secret.' : 'the backup held another secret; the vault kept its own.'}
          </li>
        ))}
      </ul>
    </>
  );
}

/** What an import would write, shown before anything is: the trader confirms it or not. */
export function ImportPlanView({ plan }: { plan: ImportPlan }) {
  const nothing = plan.newAccounts.length === 0 && plan.keysIntoExisting.length === 0;
  return (
    <div aria-label="Import plan" role="region" className="import-report">
      {plan.lookAlikes.length > 0 && (
        <>
          <p className="warnings">Check these: a new account looks like one already in the vault.</p>
          <ul aria-label="Look-alike accounts" className="warnings">
            {plan.lookAlikes.map(({ backup, existing, why }) => (
              <li key={`${backup.name}\n${backup.host}\n${existing.name}\n${existing.host}`}>
                &quot;{backup.name}&quot; on <span className="mono">{backup.host}</span> looks like &quot;{existing.name}&quot; on{' '}
                <span className="mono">{existing.host}</span> ({why === 'name' ? 'a similar name' : 'a similar address'}).
              </li>
            ))}
          </ul>
        </>
      )}
      {nothing && <p>This backup adds nothing: every account and key in it is already here.</p>}
      {plan.newAccounts.length > 0 && (
        <>
          <p>{plan.restoring ? 'The vault is empty: these accounts are restored as they were.' : 'New accounts:'}</p>
          <ul aria-label="New accounts">
            {plan.newAccounts.map(({ name, host, keyCount }, index) => (
              <li key={`${index}\n${name}`}>
                {name} on <span className="mono">{host}</span>, {count(keyCount, 'key', 'keys')}
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.keysIntoExisting.length > 0 && (
        <>
          <p className="warnings">Keys added to accounts already in the vault:</p>
          <ul aria-label="Keys into existing accounts">
            {plan.keysIntoExisting.map(({ account, kid, label }) => (
              <li key={`${account}\n${kid}`}>
                <span className="mono">{kid}</span>
                {label === '' ? '' : ` (${label})`} into {account}
              </li>
            ))}
          </ul>
        </>
      )}
      <DuplicateList duplicates={plan.duplicates} />
      {plan.settings.length > 0 && (
        <table aria-label="Settings in the backup">
          <thead>
            <tr>
              <th scope="col">Setting</th>
              <th scope="col">Here</th>
              <th scope="col">In the backup</th>
            </tr>
          </thead>
          <tbody>
            {plan.settings.map(({ name, current, backup }) => (
              <tr key={name}>
                <td>{SETTING_LABELS[name]}</td>
                <td>{current}</td>
                <td>{backup}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** What an import wrote and what it left alone, in words. */
export function ImportReportView({ report }: { report: ImportReport }) {
  return (
    <div aria-label="Import report" role="region" className="import-report">
      <p>
        Imported: {count(report.accountsAdded, 'account', 'accounts')} added, {count(report.accountsMatched, 'account', 'accounts')} matched one already here,{' '}
        {count(report.keysAdded, 'key', 'keys')} added.
      </p>
      <p>{report.settingsApplied ? 'The settings were restored from the backup.' : 'The settings here were left as they were.'}</p>
      <DuplicateList duplicates={report.duplicates} />
    </div>
  );
}
