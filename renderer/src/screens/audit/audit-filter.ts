import type { AuditEntry } from '../../store/audit-log';
import type { HttpMethod } from '../../store/signer-store';
import { METHODS } from '../../store/signer-store';
import type { Tone } from '../../ui/Badge';

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

/** How an outcome reads at a glance: an answer's status class, a refusal, or nothing to say. */
export function outcomeTone(entry: AuditEntry): Tone {
  if (entry.status !== null) {
    if (entry.status >= 200 && entry.status < 300) return 'success';
    if (entry.status === 429 || (entry.status >= 300 && entry.status < 500)) return 'warning';
    return 'danger';
  }
  if (entry.outcome === null) return 'neutral';
  if (entry.action === 'send' && entry.outcome !== 'ok') return 'danger';
  if (/\brefused\b/.test(entry.outcome)) return 'warning';
  return 'neutral';
}

/** Actions that made a request with a key, which Sign again can put back into the signer. */
const REQUEST_ACTIONS = new Set(['sign', 'copy', 'send']);
const isMethod = (method: string | null): method is HttpMethod => METHODS.includes(method as HttpMethod);

/** The request a row's Sign again puts back into the signer, with the key and account to sign it with; null when the row has none. */
export function signAgainOf(entry: AuditEntry): { accountId: string; kid: string; request: { method: HttpMethod; path: string } } | null {
  if (!REQUEST_ACTIONS.has(entry.action) || entry.accountId === null || entry.kid === null || entry.path === null || !isMethod(entry.method)) return null;
  return { accountId: entry.accountId, kid: entry.kid, request: { method: entry.method, path: entry.path } };
}

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
