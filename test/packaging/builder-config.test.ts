import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGED_ADDON } from '../../main/electron/native-addon';
import { ROOT } from '../../scripts/build-main.mjs';

type TargetList = Array<{ target: string; arch: string[] }>;
const targetsOf = (platform: { target?: unknown } | null | undefined) => (platform?.target ?? []) as TargetList;

describe('electron-builder.yml', () => {
  let config: Configuration;
  beforeAll(async () => {
    // Loaded the way electron-builder loads it (electron-builder.yml beside package.json).
    config = await getConfig(ROOT, null, null);
  });

  it("validates against electron-builder's own schema", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('would be rejected by that schema with a misspelt option, so the check above can fail', async () => {
    const misspelt = { ...config, nsis: { ...config.nsis, perMachin: false } } as Configuration;
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/configuration\.nsis/);
  });

  it('names the app', () => {
    expect(config).toMatchObject({ appId: 'app.barongvault.desktop', productName: 'Barong Vault', executableName: 'barong-vault' });
  });

  it('builds dmg and zip for macOS on Intel and Apple silicon, hardened, with entitlements, notarised when the variables are set', () => {
    expect(targetsOf(config.mac)).toEqual([
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ]);
    expect(config.mac).toMatchObject({
      hardenedRuntime: true,
      notarize: true,
      entitlements: 'build/entitlements.mac.plist',
      entitlementsInherit: 'build/entitlements.mac.plist',
    });
    const entitlements = readFileSync(join(ROOT, 'build', 'entitlements.mac.plist'), 'utf8');
    expect([...entitlements.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1])).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('builds an NSIS installer for Windows x64 and arm64 that installs per user into a folder of their choice', () => {
    expect(targetsOf(config.win)).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false, allowToChangeInstallationDirectory: true });
  });

  it('builds AppImage and deb for Linux x64 and arm64, the deb depending on libsecret for the keychain', () => {
    expect(targetsOf(config.linux)).toEqual([
      { target: 'AppImage', arch: ['x64', 'arm64'] },
      { target: 'deb', arch: ['x64', 'arm64'] },
    ]);
    expect(config.deb?.depends).toContain('libsecret-1-0');
  });

  it("points every platform at the project's icons", () => {
    expect(config.mac?.icon).toBe('build/icon.icns');
    expect(config.win?.icon).toBe('build/icon.ico');
    expect(config.linux?.icon).toBe('build/icons');
    for (const icon of [config.mac?.icon, config.win?.icon, config.linux?.icon]) expect(existsSync(join(ROOT, icon as string)), icon as string).toBe(true);
  });

  it('associates backup files with the app', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'barongvault', mimeType: 'application/x-barong-vault-backup' })]);
  });

  it('rebuilds better-sqlite3 for Electron when packaging and unpacks its addon where the app loads it', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toEqual([PACKAGED_ADDON.split('\\').join('/')]);
  });

  it('flips the fuses in an afterPack hook that exists', async () => {
    expect(config.afterPack).toBe('./build/after-pack.mjs');
    const hook = (await import('../../build/after-pack.mjs')) as { default: unknown };
    expect(typeof hook.default).toBe('function');
  });
});
