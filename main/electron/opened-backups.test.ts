import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { silentLogger } from '../logging/logger';
import type { Logger } from '../logging/logger';
import { receiveOpenedBackups } from './opened-backups';
import { holdSingleInstance } from './single-instance';

// Electron cannot start here: the app and the window's web contents are EventEmitters the test
// fires, with real files behind the paths.
vi.mock('electron', () => ({ app: undefined }));

class FakeApp extends EventEmitter {
  quit = vi.fn();
  requestSingleInstanceLock = () => true;
  /** Fires open-file as macOS does, and answers whether the listener took the file. */
  openFile(path: string): boolean {
    const event = { preventDefault: vi.fn() };
    this.emit('open-file', event, path);
    return event.preventDefault.mock.calls.length > 0;
  }
}

class FakePage extends EventEmitter {
  destroyed = false;
  send = vi.fn();
  private markAsked: () => void = () => undefined;
  /** Settles when delivery asks whether the page is still open: the file has been read and the send decided. */
  readonly asked = new Promise<void>((resolve) => {
    this.markAsked = () => resolve();
  });
  isDestroyed = () => {
    this.markAsked();
    return this.destroyed;
  };
}

/** A logger that keeps its events, to see whether (and when) a file was read. */
function recordingLogger(): Logger & { events: string[] } {
  const events: string[] = [];
  return { events, info: (event) => events.push(event), warn: (event) => events.push(event) };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'barong-opened-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function backup(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const opened = (fileName: string, content: string) => ['backup.opened', { fileName, contentBase64: Buffer.from(content).toString('base64') }];

describe('receiveOpenedBackups', () => {
  it('holds a file until the page has loaded, and reads it only then', async () => {
    const backups = receiveOpenedBackups(new FakeApp());
    const page = new FakePage();
    const logger = recordingLogger();
    backups.sendTo(page, logger);
    // fromArgv settles once the file has been dealt with: here, held as a path, neither read nor sent.
    await backups.fromArgv(['/opt/Barong Vault/barong-vault', backup('monday.barongvault', 'sealed monday')], dir);
    expect(logger.events).toEqual([]);
    expect(page.send).not.toHaveBeenCalled();

    page.emit('did-finish-load');
    await page.asked;
    expect(logger.events).toEqual(['backup.opened']);
    expect(page.send.mock.calls).toEqual([opened('monday.barongvault', 'sealed monday')]);
  });

  it('takes a file opened on macOS before the app was ready, and sends it once the page has loaded', async () => {
    const app = new FakeApp();
    const backups = receiveOpenedBackups(app);
    expect(app.openFile(backup('monday.barongvault', 'sealed monday'))).toBe(true);

    const page = new FakePage();
    backups.sendTo(page, silentLogger);
    page.emit('did-finish-load');
    await page.asked;
    expect(page.send.mock.calls).toEqual([opened('monday.barongvault', 'sealed monday')]);
  });

  it('sends a file opened later at once, and leaves any other file to macOS', async () => {
    const app = new FakeApp();
    const backups = receiveOpenedBackups(app);
    const page = new FakePage();
    backups.sendTo(page, silentLogger);
    page.emit('did-finish-load');

    expect(app.openFile(backup('notes.txt', 'not a backup'))).toBe(false);
    expect(app.openFile(join(dir, 'gone.barongvault'))).toBe(false);
    expect(app.openFile(backup('TUESDAY.BARONGVAULT', 'sealed tuesday'))).toBe(true);
    await vi.waitFor(() => expect(page.send.mock.calls).toEqual([opened('TUESDAY.BARONGVAULT', 'sealed tuesday')]));
  });

  it("takes the first instance's command line, and the newest file when several wait", async () => {
    const backups = receiveOpenedBackups(new FakeApp());
    await backups.fromArgv(['/opt/Barong Vault/barong-vault', '--no-sandbox'], dir);
    await backups.fromArgv(['/opt/Barong Vault/barong-vault', backup('monday.barongvault', 'sealed monday')], dir);
    backup('tuesday.barongvault', 'sealed tuesday');
    await backups.fromArgv(['/opt/Barong Vault/barong-vault', 'tuesday.barongvault'], dir);

    const page = new FakePage();
    backups.sendTo(page, silentLogger);
    page.emit('did-finish-load');
    await vi.waitFor(() => expect(page.send).toHaveBeenCalled());
    expect(page.send.mock.calls).toEqual([opened('tuesday.barongvault', 'sealed tuesday')]);
  });

  it("opens the backup a second start was given, through the single-instance lock's command line", async () => {
    const app = new FakeApp();
    const backups = receiveOpenedBackups(app);
    const showFirst = vi.fn();
    holdSingleInstance((argv, workingDirectory) => {
      showFirst();
      void backups.fromArgv(argv, workingDirectory);
    }, app);
    const page = new FakePage();
    backups.sendTo(page, silentLogger);
    page.emit('did-finish-load');

    backup('monday.barongvault', 'sealed monday');
    app.emit('second-instance', {}, ['C:\\Barong Vault\\barong-vault.exe', '--allow-file-access-from-files', 'monday.barongvault'], dir, {});
    expect(showFirst).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(page.send.mock.calls).toEqual([opened('monday.barongvault', 'sealed monday')]));
  });

  it('sends nothing to a closed page', async () => {
    const app = new FakeApp();
    const backups = receiveOpenedBackups(app);
    const page = new FakePage();
    backups.sendTo(page, silentLogger);
    page.emit('did-finish-load');
    page.destroyed = true;
    expect(app.openFile(backup('monday.barongvault', 'sealed monday'))).toBe(true);
    await page.asked;
    expect(page.send).not.toHaveBeenCalled();
  });

  it("takes Electron's own app and web contents (checked by tsc)", () => {
    expectTypeOf<Electron.App>().toExtend<Parameters<typeof receiveOpenedBackups>[0]>();
    expectTypeOf<Electron.WebContents>().toExtend<Parameters<ReturnType<typeof receiveOpenedBackups>['sendTo']>[0]>();
  });
});
