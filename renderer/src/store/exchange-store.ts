import { create } from 'zustand';
import type { ResponseOf } from '../../../app/contract/api';
import type { ErrorInfo } from '../../../app/contract/result';
import type { CodePurpose } from '../../../app/domain/two-factor';
import { api } from '../window-api';
import { useAccountsStore } from './accounts-store';

/** The accounts list shows each account's session: read again when one starts, ends or is found expired. */
const sessionChanged = () => void useAccountsStore.getState().load();

export type SessionState = ResponseOf<'exchange.session'>;
export type ClockReading = ResponseOf<'exchange.syncClock'>;
export type Balance = ResponseOf<'exchange.balances'>[number];
export type Reconciliation = ResponseOf<'exchange.reconcileKeys'>;
export type PendingCreation = ResponseOf<'keys.pendingCreations'>[number];
export type KeyTest = ResponseOf<'keys.test'>;

/** A key write the exchange answered with `code_needed`: sent again with the typed code. */
export type KeyAction =
  | { kind: 'create'; label: string; scopes: string[] }
  | { kind: 'enable' | 'disable'; keyId: string; kid: string }
  | { kind: 'delete'; keyId: string; kid: string };

interface ExchangeState {
  accountId: string | null;
  session: SessionState | null;
  clock: ClockReading | null;
  balances: Balance[] | null;
  /** When the balances were read (ms since the epoch): they may be shown again later, from the kept answers. */
  balancesAt: number | null;
  reconciliation: Reconciliation | null;
  /** When the exchange listed its keys. */
  listedAt: number | null;
  pending: PendingCreation[];
  /** The login answered `code_needed`: the form shows the code field. */
  loginCodeNeeded: boolean;
  /** The exchange's login asks for a captcha (its configs say so, or a login was refused for it): the form gives way to the way forward. */
  loginCaptcha: boolean;
  /** The key write waiting for a typed code. */
  keyCodeFor: KeyAction | null;
  /** What the last key write was: its code prompt and outcome show where it was asked, under the create form for a new key and under the list for the others. */
  keyWriteKind: KeyAction['kind'] | null;
  /** The kid of the key the last creation made: the create form starts afresh after it. */
  createdKid: string | null;
  codeWait: { purpose: CodePurpose; secondsLeft: number } | null;
  keyTests: Record<string, KeyTest | ErrorInfo>;
  sessionError: ErrorInfo | null;
  loginError: ErrorInfo | null;
  keysError: ErrorInfo | null;
  keysNote: string;
  busy: string | null;
  open(accountId: string): Promise<void>;
  syncClock(): Promise<void>;
  /**
   * Reads what the exchange's login asks for, before the password is typed. Takes the account, since
   * the login form asks as it mounts, before the section's `open` has run.
   */
  checkLogin(accountId: string): Promise<void>;
  login(email: string, password: string, code?: string): Promise<void>;
  cancelLoginCode(): void;
  logout(): Promise<void>;
  validate(): Promise<void>;
  reconcile(): Promise<void>;
  runKeyAction(action: KeyAction, code?: string): Promise<void>;
  cancelKeyCode(): void;
  testKey(keyId: string): Promise<void>;
  dismissCreation(creationId: string): Promise<void>;
  setCodeWait(accountId: string, purpose: CodePurpose, secondsLeft: number): void;
  /** The section goes: its account's answers are kept for when it comes back. */
  reset(): void;
  /** The vault locked: every account's answers go. */
  forget(): void;
}

/** The exchange's answers an account's section shows again when the trader comes back to it, while its session lasts. */
type KeptAnswers = Pick<ExchangeState, 'balances' | 'balancesAt' | 'reconciliation' | 'listedAt'>;

const initial = {
  accountId: null,
  session: null,
  clock: null,
  balances: null,
  balancesAt: null,
  reconciliation: null,
  listedAt: null,
  pending: [] as PendingCreation[],
  loginCodeNeeded: false,
  loginCaptcha: false,
  keyCodeFor: null,
  keyWriteKind: null,
  createdKid: null,
  codeWait: null,
  keyTests: {},
  sessionError: null,
  loginError: null,
  keysError: null,
  keysNote: '',
  busy: null,
};

const actionWords = (action: KeyAction): string => {
  switch (action.kind) {
    case 'create':
      return 'Key created.';
    case 'enable':
      return `Key ${action.kid} enabled.`;
    case 'disable':
      return `Key ${action.kid} disabled.`;
    case 'delete':
      return `Key ${action.kid} deleted on the exchange.`;
  }
};

export const useExchangeStore = create<ExchangeState>()((set, get) => {
  /** Answers for an account no longer shown are dropped. */
  const current = (accountId: string) => get().accountId === accountId;
  // A trader who looks at the Keys tab and comes back finds the list where it was, with its time,
  // instead of asking the exchange again. Kept in memory only, and only while the session lasts.
  const kept = new Map<string, KeptAnswers>();

  const refreshVaultKeys = async (accountId: string) => {
    await useAccountsStore.getState().refreshKeys(accountId);
  };

  const loadPending = async (accountId: string) => {
    const result = await api().keys.pendingCreations({ accountId });
    if (current(accountId) && result.ok) set({ pending: result.value });
  };

  /** The exchange's list of keys beside the vault's, and the pending creations it settles. */
  const listKeys = async () => {
    const { accountId } = get();
    if (!accountId) return;
    set({ busy: 'reconcile', keysError: null });
    const result = await api().exchange.reconcileKeys({ accountId });
    if (!current(accountId)) return;
    if (result.ok) set({ reconciliation: result.value, listedAt: Date.now(), pending: result.value.pendingCreations, busy: null });
    else set({ keysError: result.error, busy: null });
    await refreshVaultKeys(accountId);
  };

  return {
    ...initial,
    open: async (accountId) => {
      set({ ...initial, accountId });
      const [session, clock] = await Promise.all([api().exchange.session({ accountId }), api().exchange.clock({ accountId })]);
      if (!current(accountId)) return;
      const loggedIn = session.ok && session.value.status === 'logged_in';
      const answers = loggedIn ? kept.get(accountId) : undefined;
      if (!loggedIn) kept.delete(accountId);
      set({
        session: session.ok ? session.value : null,
        clock: clock.ok ? clock.value : null,
        sessionError: session.ok ? null : session.error,
        ...answers,
      });
      await loadPending(accountId);
    },
    syncClock: async () => {
      const { accountId } = get();
      if (!accountId) return;
      set({ busy: 'clock', sessionError: null });
      const result = await api().exchange.syncClock({ accountId });
      if (!current(accountId)) return;
      if (result.ok) set({ clock: result.value, busy: null });
      else set({ sessionError: result.error, busy: null });
    },
    checkLogin: async (accountId) => {
      const result = await api().exchange.loginRequirements({ accountId });
      // Unknown (an older server, no network): the form stays, and a refused login still tells.
      if (current(accountId) && result.ok && result.value.captcha) set({ loginCaptcha: true });
    },
    login: async (email, password, code) => {
      const { accountId } = get();
      if (!accountId) return;
      set({ busy: 'login', loginError: null });
      const result = await api().exchange.login({ accountId, email, password, ...(code === undefined ? {} : { code }) });
      if (!current(accountId)) return;
      set({ busy: null, codeWait: null });
      if (!result.ok) {
        // The notice that replaces the form says it in the same words.
        if (result.error.code === 'identity.captcha.required') set({ loginCaptcha: true, loginCodeNeeded: false });
        else set({ loginError: result.error });
        return;
      }
      if (result.value.status === 'code_needed') {
        set({ loginCodeNeeded: true });
        return;
      }
      set({ session: result.value, loginCodeNeeded: false, balances: null, balancesAt: null });
      sessionChanged();
    },
    cancelLoginCode: () => set({ loginCodeNeeded: false, loginError: null }),
    logout: async () => {
      const { accountId } = get();
      if (!accountId) return;
      set({ busy: 'logout', sessionError: null });
      const result = await api().exchange.logout({ accountId });
      if (!current(accountId)) return;
      if (result.ok) {
        set({
          session: result.value,
          balances: null,
          balancesAt: null,
          reconciliation: null,
          listedAt: null,
          busy: null,
          loginCodeNeeded: false,
          keyCodeFor: null,
        });
        sessionChanged();
      } else set({ sessionError: result.error, busy: null });
    },
    validate: async () => {
      const { accountId } = get();
      if (!accountId) return;
      set({ busy: 'validate', sessionError: null });
      const result = await api().exchange.balances({ accountId });
      if (!current(accountId)) return;
      if (result.ok) {
        set({ balances: result.value, balancesAt: Date.now(), busy: null });
        return;
      }
      set({ balances: null, balancesAt: null, sessionError: result.error, busy: null });
      const session = await api().exchange.session({ accountId });
      if (current(accountId) && session.ok) {
        set({ session: session.value });
        sessionChanged();
      }
    },
    // Asked from the list: what a key write said before is no longer news, and a refusal to list
    // shows under the list.
    reconcile: async () => {
      if (get().keyCodeFor === null) set({ keyWriteKind: null, keysNote: '' });
      await listKeys();
    },
    runKeyAction: async (action, code) => {
      const { accountId } = get();
      if (!accountId) return;
      set({ busy: 'key', keysError: null, keysNote: '', keyWriteKind: action.kind });
      const withCode = code === undefined ? {} : { code };
      const result =
        action.kind === 'create'
          ? await api().exchange.createKey({ accountId, label: action.label, scopes: action.scopes, ...withCode })
          : action.kind === 'delete'
            ? await api().exchange.deleteKey({ keyId: action.keyId, ...withCode })
            : await api().exchange.setKeyEnabled({ keyId: action.keyId, enabled: action.kind === 'enable', ...withCode });
      if (!current(accountId)) return;
      set({ busy: null, codeWait: null });
      if (!result.ok) {
        set({ keysError: result.error });
        await loadPending(accountId);
        return;
      }
      if (result.value.status === 'code_needed') {
        set({ keyCodeFor: action });
        return;
      }
      if (result.value.status === 'created') set({ keyCodeFor: null, keysNote: `Key ${result.value.key.kid} created.`, createdKid: result.value.key.kid });
      else set({ keyCodeFor: null, keysNote: actionWords(action) });
      await listKeys();
    },
    cancelKeyCode: () => set({ keyCodeFor: null, keysError: null }),
    testKey: async (keyId) => {
      set({ keyTests: { ...get().keyTests, [keyId]: { works: false, problem: { code: 'pending', message: 'Testing…', action: '' } } } });
      const result = await api().keys.test({ keyId });
      set({ keyTests: { ...get().keyTests, [keyId]: result.ok ? result.value : result.error } });
    },
    dismissCreation: async (creationId) => {
      const { accountId } = get();
      const result = await api().keys.dismissCreation({ creationId });
      if (!result.ok) {
        set({ keysError: result.error, keyWriteKind: null });
        return;
      }
      if (accountId) await loadPending(accountId);
    },
    setCodeWait: (accountId, purpose, secondsLeft) => {
      if (current(accountId)) set({ codeWait: secondsLeft > 0 ? { purpose, secondsLeft } : null });
    },
    reset: () => {
      const { accountId, balances, balancesAt, reconciliation, listedAt } = get();
      if (accountId) kept.set(accountId, { balances, balancesAt, reconciliation, listedAt });
      set(initial);
    },
    forget: () => {
      kept.clear();
      set(initial);
    },
  };
});
