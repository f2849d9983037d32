import { describe, expect, it } from 'vitest';
import { defaultDataDir, vaultLocation } from './vault-location';

const linux = { platform: 'linux' as const, homedir: '/home/trader' };

describe("the app's data folder, where Electron puts it", () => {
  it.each([
    [{ ...linux, env: {} }, '/home/trader/.config/Barong Vault'],
    [{ ...linux, env: { XDG_CONFIG_HOME: '/srv/config' } }, '/srv/config/Barong Vault'],
    // The XDG spec ignores a relative value (and an empty one).
    [{ ...linux, env: { XDG_CONFIG_HOME: 'config' } }, '/home/trader/.config/Barong Vault'],
    [{ ...linux, env: { XDG_CONFIG_HOME: '' } }, '/home/trader/.config/Barong Vault'],
    [{ platform: 'freebsd' as const, homedir: '/home/trader', env: {} }, '/home/trader/.config/Barong Vault'],
    [
      { platform: 'darwin' as const, homedir: '/Users/trader', env: { XDG_CONFIG_HOME: '/elsewhere' } },
      '/Users/trader/Library/Application Support/Barong Vault',
    ],
    [
      { platform: 'win32' as const, homedir: 'C:\\Users\\trader', env: { APPDATA: 'D:\\Profiles\\trader\\Roaming' } },
      'D:\\Profiles\\trader\\Roaming\\Barong Vault',
    ],
    [{ platform: 'win32' as const, homedir: 'C:\\Users\\trader', env: {} }, 'C:\\Users\\trader\\AppData\\Roaming\\Barong Vault'],
  ])('%j: %s', (context, folder) => {
    expect(defaultDataDir(context)).toBe(folder);
  });
});

describe('the vault file a command works on', () => {
  it("is the app's vault.db without --vault", () => {
    expect(vaultLocation(undefined, { ...linux, env: {} })).toEqual({
      file: '/home/trader/.config/Barong Vault/vault.db',
      dataDir: '/home/trader/.config/Barong Vault',
    });
    expect(vaultLocation(undefined, { platform: 'win32', homedir: 'C:\\Users\\t', env: { APPDATA: 'C:\\Users\\t\\AppData\\Roaming' } })).toEqual({
      file: 'C:\\Users\\t\\AppData\\Roaming\\Barong Vault\\vault.db',
      dataDir: 'C:\\Users\\t\\AppData\\Roaming\\Barong Vault',
    });
  });

  it('is the file --vault names, whatever its name, its folder the data folder', () => {
    expect(vaultLocation('/srv/bot/keys.db', { ...linux, env: {} })).toEqual({ file: '/srv/bot/keys.db', dataDir: '/srv/bot' });
    expect(vaultLocation('keys.db', { ...linux, env: {} }).file).toBe(`${process.cwd()}/keys.db`);
  });
});
