import type { AuditEntry } from '../store/audit-log';

/** The log's action codes in words; a code this version does not know is shown as it is. */
const ACTION_WORDS: Record<string, string> = {
  sign: 'Signed',
  copy: 'Signed and copied',
  send: 'Sent',
  'reveal-secret': 'Revealed a secret',
  'create-key': 'Created a key',
  'import-key': 'Imported a key',
  'delete-key': 'Forgot a key',
  'dismiss-key-creation': 'Dismissed a key creation',
  'export-backup': 'Exported a backup',
  'import-backup': 'Imported a backup',
  'update-account': 'Edited an account',
  'change-origin': "Changed an account's exchange address",
  'owner-check': 'Asked for the owner',
  'door-refused': 'Refused a caller',
  'clock-refused': "Refused an exchange's clock",
  'set-key-policy': 'Changed what local programs may sign',
  'agent-use': 'A local program asked to sign',
  'agent-refused': 'Refused a local program',
  'agent-switch': 'Turned the signing agent or a proxy on or off',
};

export const actionWords = (action: string): string => ACTION_WORDS[action] ?? action;

export const requestLine = (entry: AuditEntry): string => [entry.method, entry.path].filter((part) => part !== null).join(' ');

export const outcomeText = (entry: AuditEntry): string =>
  [entry.status === null ? null : String(entry.status), entry.outcome].filter((part) => part !== null).join(' ');

/** The actions present, in the order of the words, for the action filter. */
export function actionsIn(entries: readonly AuditEntry[]): string[] {
  return [...new Set(entries.map((entry) => entry.action))].sort((a, b) => actionWords(a).localeCompare(actionWords(b)));
}

export interface AuditFilter {
  /** Matched, case aside, against everything a row shows. */
  text: string;
  /** An action code, or '' for all. */
  action: string;
}

export function filterEntries(entries: readonly AuditEntry[], filter: AuditFilter, accountName: (accountId: string | null) => string): AuditEntry[] {
  const wanted = filter.text.trim().toLowerCase();
  return entries.filter((entry) => {
    if (filter.action !== '' && entry.action !== filter.action) return false;
    if (wanted === '') return true;
    const shown = [actionWords(entry.action), accountName(entry.accountId), entry.kid ?? '', requestLine(entry), outcomeText(entry)];
    return shown.some((text) => text.toLowerCase().includes(wanted));
  });
}
