import type { ResponseOf } from '../../../../app/contract/api';

export type ImportReport = ResponseOf<'backup.import'>;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What an import wrote and what it left alone, in words. */
export function ImportReportView({ report }: { report: ImportReport }) {
  return (
    <div aria-label="Import report" role="region" className="import-report">
      <p>
        Imported: {count(report.accountsAdded, 'account', 'accounts')} added, {count(report.accountsMatched, 'account', 'accounts')} matched one already here,{' '}
        {count(report.keysAdded, 'key', 'keys')} added.
      </p>
      <p>{report.settingsApplied ? 'The settings were restored from the backup.' : 'The settings here were left as they were.'}</p>
      {report.duplicates.length > 0 && (
        <>
          <p>Keys already in the vault, left as they were:</p>
          <ul aria-label="Keys already here">
            {report.duplicates.map(({ account, kid, sameSecret }) => (
              <li key={`${account}\n${kid}`}>
                <span className="mono">{kid}</span> on {account}: {sameSecret ? 'same secret.' : 'the backup held another secret; the vault kept its own.'}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
