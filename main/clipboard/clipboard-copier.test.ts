import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../logging/logger';
import { createClipboardCopier } from './clipboard-copier';
import type { SystemClipboard } from './clipboard-copier';
import { createMemoryClipboard } from './tests/memory-clipboard';

const SIGNED = "curl -H 'X-Auth-Apikey: 61d0' -H 'X-Auth-Nonce: 1700000000000' -H 'X-Auth-Signature: 9f86d08188' https://x/api";

/** The in-memory OS clipboard, its calls watched: the test copies into it as the user would elsewhere. */
function fakeClipboard() {
  const memory = createMemoryClipboard();
  const { readText, writeText, writeSecretText, clear } = memory.clipboard;
  const clipboard = {
    readText: vi.fn(readText),
    writeText: vi.fn(writeText),
    writeSecretText: vi.fn(writeSecretText),
    clear: vi.fn(clear),
  } satisfies SystemClipboard;
  return { clipboard, state: memory.state, userCopies: memory.userCopies };
}

function setup(seconds = 20) {
  const fake = fakeClipboard();
  const settings = { clipboardClearSeconds: seconds };
  const warnings: Array<[string, unknown]> = [];
  const logger: Logger = { info: () => undefined, warn: (event, fields) => warnings.push([event, fields]) };
  const copier = createClipboardCopier({ clipboard: fake.clipboard, clearAfterSeconds: () => settings.clipboardClearSeconds, logger });
  return { ...fake, copier, settings, warnings };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('clipboard copier', () => {
  it('writes a secret marked for no history and clears it when the delay is over, not before', async () => {
    const { copier, state, clipboard } = setup(20);
    expect(await copier.copy(SIGNED, 'secret')).toBe(20);
    expect(state).toEqual({ text: SIGNED, secret: true });
    await vi.advanceTimersByTimeAsync(19_999);
    expect(state.text).toBe(SIGNED);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.text).toBe('');
    expect(clipboard.clear).toHaveBeenCalledTimes(1);
  });

  it('leaves alone what the user copied since', async () => {
    const { copier, state, userCopies, clipboard } = setup(20);
    await copier.copy(SIGNED, 'secret');
    userCopies('a line from the terminal');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(state.text).toBe('a line from the terminal');
    expect(clipboard.readText).toHaveBeenCalledTimes(1);
    expect(clipboard.clear).not.toHaveBeenCalled();
  });

  it('lets a newer copy replace the pending clear', async () => {
    const { copier, state } = setup(20);
    await copier.copy('first signed command', 'secret');
    await vi.advanceTimersByTimeAsync(10_000);
    await copier.copy('second signed command', 'secret');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(state.text).toBe('second signed command');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(state.text).toBe('');
  });

  it('reads the delay setting at each copy', async () => {
    const { copier, state, settings } = setup(20);
    settings.clipboardClearSeconds = 5;
    await copier.copy(SIGNED, 'secret');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(state.text).toBe('');
  });

  it('never clears when the delay is 0, not even on quit', async () => {
    const { copier, state, clipboard } = setup(0);
    expect(await copier.copy(SIGNED, 'secret')).toBe(0);
    await vi.advanceTimersByTimeAsync(24 * 3600_000);
    await copier.clearNow();
    expect(state).toEqual({ text: SIGNED, secret: true });
    expect(clipboard.clear).not.toHaveBeenCalled();
  });

  it('clears a copy that expires at its expiry when that comes before the delay, and says so', async () => {
    const { copier, state } = setup(20);
    expect(await copier.copy(SIGNED, 'secret', Date.now() + 4_500)).toBe(4.5);
    await vi.advanceTimersByTimeAsync(4_499);
    expect(state.text).toBe(SIGNED);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.text).toBe('');
  });

  it('clears at the delay when it comes before the expiry', async () => {
    const { copier, state } = setup(2);
    expect(await copier.copy(SIGNED, 'secret', Date.now() + 60_000)).toBe(2);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(state.text).toBe('');
  });

  it('clears a copy that expires at its expiry even when the delay is 0, and then on quit too', async () => {
    const expiring = setup(0);
    expect(await expiring.copier.copy(SIGNED, 'secret', Date.now() + 5_000)).toBe(5);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(expiring.state.text).toBe('');

    const quitting = setup(0);
    await quitting.copier.copy(SIGNED, 'secret', Date.now() + 5_000);
    await quitting.copier.clearNow();
    expect(quitting.state.text).toBe('');
  });

  it('clears at once, never "stays", a copy whose expiry has passed already', async () => {
    const { copier, state } = setup(0);
    expect(await copier.copy(SIGNED, 'secret', Date.now() - 1)).toBe(0.001);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.text).toBe('');
  });

  it('copies plain text unmarked and never clears it; a plain copy drops the pending clear', async () => {
    const { copier, state, clipboard } = setup(20);
    await copier.copy(SIGNED, 'secret');
    expect(await copier.copy('kid 61d0', 'plain')).toBe(0);
    expect(state).toEqual({ text: 'kid 61d0', secret: false });
    await vi.advanceTimersByTimeAsync(60_000);
    await copier.clearNow();
    expect(state.text).toBe('kid 61d0');
    expect(clipboard.readText).not.toHaveBeenCalled();
  });

  it('clears on quit only if the clipboard still holds the secret, and then never again', async () => {
    const still = setup(20);
    await still.copier.copy(SIGNED, 'secret');
    await still.copier.clearNow();
    expect(still.state.text).toBe('');
    still.userCopies('copied after quit began');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(still.state.text).toBe('copied after quit began');
    expect(still.clipboard.clear).toHaveBeenCalledTimes(1);

    const replaced = setup(20);
    await replaced.copier.copy(SIGNED, 'secret');
    replaced.userCopies('something else');
    await replaced.copier.clearNow();
    expect(replaced.state.text).toBe('something else');
  });

  it('recognises its copy when the OS hands it back with CRLF line ends', async () => {
    const { copier, state } = setup(20);
    await copier.copy('line one\nline two', 'secret');
    state.text = 'line one\r\nline two';
    await vi.advanceTimersByTimeAsync(20_000);
    expect(state.text).toBe('');
  });

  it('holds a copy made while a clear is comparing until the clear is done, so the new copy survives', async () => {
    const { copier, state, clipboard } = setup(1);
    await copier.copy('first', 'secret');
    let finishRead: () => void = () => undefined;
    clipboard.readText.mockImplementationOnce(() => new Promise((resolve) => (finishRead = () => resolve('first'))));
    await vi.advanceTimersByTimeAsync(1_000); // the clear is now waiting for the clipboard's answer
    const second = copier.copy('second', 'secret');
    await vi.advanceTimersByTimeAsync(0);
    expect(clipboard.writeSecretText).toHaveBeenCalledTimes(1);
    finishRead();
    await second;
    expect(state.text).toBe('second');
    expect(clipboard.clear).toHaveBeenCalledTimes(1);
  });

  it('logs a clear that failed, by error name only, and keeps working', async () => {
    const { copier, clipboard, warnings, state } = setup(1);
    clipboard.readText.mockRejectedValueOnce(new Error(`could not read ${SIGNED}`));
    await copier.copy(SIGNED, 'secret');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(warnings).toEqual([['clipboard.clear_failed', { error: 'Error' }]]);
    await copier.copy(SIGNED, 'secret');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(state.text).toBe('');
  });

  it('passes a failed write to the caller and owes no clear for it', async () => {
    const { copier, clipboard } = setup(1);
    clipboard.writeSecretText.mockRejectedValueOnce(new Error('clipboard busy'));
    await expect(copier.copy(SIGNED, 'secret')).rejects.toThrow('clipboard busy');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(clipboard.readText).not.toHaveBeenCalled();
  });
});
