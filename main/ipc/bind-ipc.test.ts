import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, contract } from '../../app/contract/channels';
import { resultSchema } from '../../app/contract/result';
import { silentLogger } from '../logging/logger';
import type { BackendChannels } from '../services/serve-channels';
import { PASSPHRASE, testBackend } from '../services/tests/backend-fixture';
import { bindIpc } from './bind-ipc';
import type { IpcMainLike } from './bind-ipc';
import type { FrameLike, InvokeEventLike } from './sender-check';

const APP_ORIGIN = 'app://barong-vault';

/** Like Electron's ipcMain: one handler per channel, and invoking an unknown channel rejects. */
function fakeIpcMain() {
  const handlers = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
  return {
    channels: () => [...handlers.keys()],
    handle: (channel: string, listener: Parameters<IpcMainLike['handle']>[1]) => {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    invoke: async (channel: string, event: InvokeEventLike, input?: unknown): Promise<unknown> => {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return handler(event, input);
    },
  };
}

const frame = (url: string): FrameLike => ({ url });
/** An invoke from the top frame of a window showing `url`. */
const fromMainFrame = (url = `${APP_ORIGIN}/index.html`): InvokeEventLike => {
  const main = frame(url);
  return { senderFrame: main, sender: { mainFrame: main } };
};

function fakeChannels() {
  const calls: Array<{ channel: string; input: unknown }> = [];
  const channels = Object.fromEntries(
    CHANNEL_NAMES.map((channel) => [channel, vi.fn(async (input: unknown) => (calls.push({ channel, input }), { ok: true, value: null }))]),
  ) as unknown as BackendChannels;
  return { channels, calls };
}

function bound() {
  const ipcMain = fakeIpcMain();
  const { channels, calls } = fakeChannels();
  bindIpc(ipcMain, channels, { appOrigin: APP_ORIGIN, logger: silentLogger });
  return { ipcMain, calls };
}

const REFUSED = { ok: false, error: { code: 'ipc.sender_refused', message: 'This request did not come from the app window and was refused.' } };

describe('bindIpc', () => {
  it('registers exactly the contract channels', () => {
    expect(bound().ipcMain.channels().sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it("serves the app's own main frame, passing the input through", async () => {
    const { ipcMain, calls } = bound();
    expect(await ipcMain.invoke('vault.unlock', fromMainFrame(), { passphrase: 'x' })).toEqual({ ok: true, value: null });
    expect(await ipcMain.invoke('vault.status', fromMainFrame(`${APP_ORIGIN}/#/settings?tab=backup`))).toEqual({ ok: true, value: null });
    expect(calls).toEqual([
      { channel: 'vault.unlock', input: { passphrase: 'x' } },
      { channel: 'vault.status', input: undefined },
    ]);
  });

  const refusedEvents: Array<[string, InvokeEventLike]> = [
    ['a subframe of the app window', { senderFrame: frame(`${APP_ORIGIN}/index.html`), sender: { mainFrame: frame(`${APP_ORIGIN}/index.html`) } }],
    ['another origin', fromMainFrame('https://evil.example/index.html')],
    ['another app:// host', fromMainFrame('app://barong-vault.evil.example/index.html')],
    ['a file:// page', fromMainFrame('file:///tmp/index.html')],
    ['the app host over http', fromMainFrame('http://barong-vault/index.html')],
    ['a frame with a broken URL', fromMainFrame('not a url')],
    ['a frame that is gone (null)', { senderFrame: null, sender: { mainFrame: frame(`${APP_ORIGIN}/index.html`) } }],
    ['no senderFrame at all', { senderFrame: undefined, sender: { mainFrame: frame(`${APP_ORIGIN}/index.html`) } }],
  ];

  it.each(refusedEvents)('refuses %s with a typed error, without calling the backend', async (_, event) => {
    const { ipcMain, calls } = bound();
    expect(await ipcMain.invoke('keys.reveal', event, { keyId: crypto.randomUUID(), passphrase: PASSPHRASE })).toEqual(REFUSED);
    expect(calls).toEqual([]);
  });

  it('leaves channels outside the contract without a handler', async () => {
    const { ipcMain, calls } = bound();
    for (const channel of ['vault.export', 'vault', 'keys.reveal ', '__proto__', 'constructor', 'toString']) {
      await expect(ipcMain.invoke(channel, fromMainFrame(), {})).rejects.toThrow(/No handler registered/);
    }
    expect(calls).toEqual([]);
  });

  it('answers hostile payloads from the app frame with well-formed Results, through the real backend', async () => {
    const ipcMain = fakeIpcMain();
    const { backend, value } = testBackend();
    await value('vault.create', { passphrase: PASSPHRASE, keychain: false });
    bindIpc(ipcMain, backend.channels, { appOrigin: APP_ORIGIN, logger: silentLogger });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNEL_NAMES), fc.anything({ withNullPrototype: true, maxDepth: 5 }), async (channel, payload) => {
        const result = await ipcMain.invoke(channel, fromMainFrame(), payload);
        // The whole answer, strictly: a Result of this channel's value, with no field the contract does not name.
        const answer = resultSchema(contract[channel].response).parse(result);
        if (!contract[channel].request.safeParse(payload).success) {
          expect(answer).toStrictEqual({ ok: false, error: { code: 'input.invalid', message: expect.stringMatching(/^The request/) } });
        } else if (!answer.ok) {
          expect(answer.error.code).not.toBe('internal');
        }
      }),
      { numRuns: 300 },
    );
  });
});
