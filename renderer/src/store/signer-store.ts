import { create } from 'zustand';
import { PEATIO } from '../../../app/barong/paths';
import type { RequestOf, ResponseOf } from '../../../app/contract/api';
import type { ErrorInfo, Result } from '../../../app/contract/result';
import { fillPlaceholders } from '../screens/sign/path-placeholders';
import { api } from '../window-api';

export type CommandFormat = RequestOf<'signer.render'>['format'];
export type CommandLayout = NonNullable<RequestOf<'signer.render'>['layout']>;
export type HttpMethod = RequestOf<'signer.render'>['request']['method'];
export type RenderedCommand = ResponseOf<'signer.render'>;
export type SentRequest = ResponseOf<'signer.send'>;

export const COMMAND_FORMAT_LABELS: ReadonlyArray<readonly [CommandFormat, string]> = [
  ['httpie', 'HTTPie'],
  ['curl', 'curl'],
  ['powershell', 'PowerShell'],
  ['script', 'Script (signs when it runs)'],
];
export const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export interface Preset {
  id: string;
  label: string;
  method: HttpMethod;
  path: string;
  body?: string;
}

/** The Peatio private endpoints of docs/PROTOCOL.md section 5. */
export const PRESETS: readonly Preset[] = [
  { id: 'balances', label: 'Balances', method: 'GET', path: `${PEATIO}/account/balances` },
  { id: 'balance', label: 'Balance of one currency', method: 'GET', path: `${PEATIO}/account/balances/:currency` },
  { id: 'deposits', label: 'Deposits', method: 'GET', path: `${PEATIO}/account/deposits` },
  { id: 'deposit-address', label: 'Deposit address', method: 'GET', path: `${PEATIO}/account/deposit_address/:currency` },
  { id: 'withdraws', label: 'Withdrawals', method: 'GET', path: `${PEATIO}/account/withdraws` },
  { id: 'orders', label: 'Orders list', method: 'GET', path: `${PEATIO}/market/orders` },
  { id: 'order', label: 'One order', method: 'GET', path: `${PEATIO}/market/orders/:id` },
  {
    id: 'order-create',
    label: 'Create an order',
    method: 'POST',
    path: `${PEATIO}/market/orders`,
    body: JSON.stringify({ market: 'btcusd', side: 'buy', volume: '0.01', ord_type: 'limit', price: '1000' }, null, 2),
  },
  { id: 'order-cancel', label: 'Cancel an order', method: 'POST', path: `${PEATIO}/market/orders/:id/cancel` },
  {
    id: 'orders-cancel-all',
    label: 'Cancel all open orders',
    method: 'POST',
    path: `${PEATIO}/market/orders/cancel`,
    body: JSON.stringify({ market: 'btcusd' }, null, 2),
  },
  { id: 'trades', label: 'Trades', method: 'GET', path: `${PEATIO}/market/trades` },
];

export interface QueryRow {
  id: number;
  name: string;
  value: string;
}

type RequestSpec = RequestOf<'signer.render'>['request'];
/** A request to put back in the form: the audit log keeps method and path, a saved request has its query and body too. */
export type ReusedRequest = Pick<RequestSpec, 'method' | 'path' | 'query' | 'body'>;

interface SignerState {
  keyId: string | null;
  presetId: string;
  method: HttpMethod;
  path: string;
  query: QueryRow[];
  /** The values of the path's `:name` placeholders, by name. */
  pathValues: Record<string, string>;
  bodyText: string;
  format: CommandFormat;
  /** One line, or one argument per line: a preference, kept from one account to the next. */
  layout: CommandLayout;
  rendered: RenderedCommand | null;
  /** The shown command went to the clipboard too: main clears it after this many seconds (0: never). */
  copied: { clearsInSeconds: number } | null;
  sent: SentRequest | null;
  /** The method of the last Send, kept with its answer or failure: a failed non-GET may have changed state. */
  sentMethod: HttpMethod | null;
  /** A mistake in the request, in words; nothing was signed. */
  inputError: string;
  backendError: ErrorInfo | null;
  busy: 'sign' | 'copy' | 'send' | null;
  /** Set once the trader picks a format, so the settings' default arriving late does not undo it. */
  formatChosen: boolean;
  setKey(keyId: string | null): void;
  choosePreset(presetId: string): void;
  setMethod(method: HttpMethod): void;
  setPath(path: string): void;
  setPathValue(name: string, value: string): void;
  addQueryRow(): void;
  updateQueryRow(id: number, fields: Partial<Omit<QueryRow, 'id'>>): void;
  removeQueryRow(id: number): void;
  setBody(text: string): void;
  setFormat(format: CommandFormat): void;
  setLayout(layout: CommandLayout): void;
  /**
   * Puts a request back in the form: from the history (method and path as they were sent, any
   * `?query` in the path split into rows), or a saved one with its query rows and body too.
   */
  reuse(request: ReusedRequest): void;
  /** The default format from the settings. */
  loadDefaults(): Promise<void>;
  sign(): Promise<void>;
  /** Signs now and copies through main, which has the clipboard. */
  copy(): Promise<void>;
  send(): Promise<void>;
  reset(): void;
}

const balances = PRESETS[0] as Preset;
const initial = {
  keyId: null,
  presetId: balances.id,
  method: balances.method,
  path: balances.path,
  query: [] as QueryRow[],
  pathValues: {} as Record<string, string>,
  bodyText: '',
  format: 'httpie' as CommandFormat,
  layout: 'line' as CommandLayout,
  rendered: null,
  copied: null,
  sent: null,
  sentMethod: null,
  inputError: '',
  backendError: null,
  busy: null,
  formatChosen: false,
};

const hasBody = (method: HttpMethod) => method === 'POST' || method === 'PUT' || method === 'PATCH';

/** The request the fields describe, or the mistake in words. */
export function buildRequest(state: Pick<SignerState, 'method' | 'path' | 'pathValues' | 'query' | 'bodyText'>): { request: RequestSpec } | { error: string } {
  const typed = state.path.trim();
  if (!typed.startsWith('/')) return { error: 'The path starts with a slash, such as /api/v2/peatio/account/balances.' };
  const filled = fillPlaceholders(typed, state.pathValues);
  if ('missing' in filled) return { error: `Fill in ${filled.missing}: the path needs it.` };
  const { path } = filled;
  const query: Array<[string, string]> = state.query.filter((row) => row.name.trim() !== '').map((row) => [row.name.trim(), row.value]);
  const request: RequestSpec = { method: state.method, path, query };
  if (hasBody(state.method) && state.bodyText.trim() !== '') {
    try {
      request.body = JSON.parse(state.bodyText) as RequestSpec['body'];
    } catch (error) {
      return { error: `The body is not valid JSON (${error instanceof Error ? error.message : 'unreadable'}). Nothing was signed.` };
    }
  }
  return { request };
}

/** The command signed now, shown only or copied by main too. */
async function signedCommand(action: 'sign' | 'copy', input: RequestOf<'signer.render'>): Promise<Result<Pick<SignerState, 'rendered' | 'copied'>>> {
  if (action === 'sign') {
    const result = await api().signer.render(input);
    return result.ok ? { ok: true, value: { rendered: result.value, copied: null } } : result;
  }
  const result = await api().signer.copy(input);
  if (!result.ok) return result;
  const { clearsInSeconds, ...rendered } = result.value;
  return { ok: true, value: { rendered, copied: { clearsInSeconds } } };
}

export const useSignerStore = create<SignerState>()((set, get) => {
  let rowSeq = 0;
  /** Only the latest Sign, Copy or Send keeps its answer. */
  let callSeq = 0;
  const cleared = { rendered: null, copied: null, sent: null, inputError: '', backendError: null };

  /**
   * The chosen key and the request from the form, or null with the form's mistake shown (and any
   * answer still on its way dropped): what Sign, Copy and Send all start from.
   */
  const readyRequest = () => {
    const { keyId } = get();
    if (!keyId) return null;
    const built = buildRequest(get());
    if ('error' in built) {
      callSeq++;
      set({ ...cleared, inputError: built.error, busy: null });
      return null;
    }
    return { keyId, request: built.request };
  };

  const signNow = async (action: 'sign' | 'copy') => {
    const ready = readyRequest();
    if (!ready) return;
    const seq = ++callSeq;
    set({ inputError: '', backendError: null, busy: action });
    const result = await signedCommand(action, { ...ready, format: get().format, layout: get().layout });
    if (seq !== callSeq) return;
    if (result.ok) set({ ...result.value, busy: null });
    else set({ rendered: null, copied: null, backendError: result.error, busy: null });
  };

  return {
    ...initial,
    setKey: (keyId) => {
      if (get().keyId === keyId) return;
      callSeq++;
      set({ keyId, ...cleared, busy: null });
    },
    choosePreset: (presetId) => {
      const preset = PRESETS.find((candidate) => candidate.id === presetId);
      if (!preset) {
        set({ presetId: 'custom' });
        return;
      }
      set({ presetId, method: preset.method, path: preset.path, bodyText: preset.body ?? '', query: [], pathValues: {} });
    },
    setMethod: (method) => set({ method, presetId: 'custom' }),
    setPath: (path) => set({ path, presetId: 'custom' }),
    setPathValue: (name, value) => set({ pathValues: { ...get().pathValues, [name]: value } }),
    addQueryRow: () => set({ query: [...get().query, { id: ++rowSeq, name: '', value: '' }] }),
    updateQueryRow: (id, fields) => set({ query: get().query.map((row) => (row.id === id ? { ...row, ...fields } : row)) }),
    removeQueryRow: (id) => set({ query: get().query.filter((row) => row.id !== id) }),
    setBody: (bodyText) => set({ bodyText }),
    setFormat: (format) => set({ format, formatChosen: true }),
    setLayout: (layout) => set({ layout }),
    reuse: ({ method, path, query = [], body }) => {
      const [pathOnly = path, search = ''] = path.split('?', 2);
      const rows = [...new URLSearchParams(search), ...query].map(([name, value]) => ({ id: ++rowSeq, name, value }));
      const bodyText = body === undefined ? '' : JSON.stringify(body, null, 2);
      set({ presetId: 'custom', method, path: pathOnly, query: rows, pathValues: {}, bodyText });
    },
    loadDefaults: async () => {
      const result = await api().settings.get();
      if (result.ok && !get().formatChosen) set({ format: result.value.defaultCommandFormat });
    },
    sign: () => signNow('sign'),
    copy: () => signNow('copy'),
    send: async () => {
      const ready = readyRequest();
      if (!ready) return;
      const seq = ++callSeq;
      set({ inputError: '', backendError: null, sent: null, sentMethod: ready.request.method, busy: 'send' });
      const result = await api().signer.send(ready);
      if (seq !== callSeq) return;
      if (result.ok) set({ sent: result.value, busy: null });
      else set({ backendError: result.error, busy: null });
    },
    reset: () => {
      callSeq++;
      set({ ...initial, layout: get().layout });
    },
  };
});
