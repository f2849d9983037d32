import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseState, FuseV1Options, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { afterEach, describe, expect, it } from 'vitest';
import { packedExecutable } from '../../build/after-pack.mjs';
import { FUSES, fuseConfig } from '../../build/fuses.mjs';
import { ELECTRON_DEFAULT_WIRE, makeStandInElectron } from './stand-in-electron';

const fuseNames = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key)));

/** A fuse wire as the string of '0'/'1' the binary stores, in wire order. */
async function wireOf(executable: string): Promise<string> {
  const wire = await getCurrentFuseWire(executable);
  return fuseNames.map((name) => String.fromCharCode(wire[FuseV1Options[name as keyof typeof FuseV1Options]] ?? 0)).join('');
}

describe('the fuse configuration (build/fuses.mjs)', () => {
  it('sets every fuse explicitly, each with its value', () => {
    expect(FUSES).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
      WasmTrapHandlers: true,
    });
    expect(Object.keys(FUSES).sort()).toEqual([...fuseNames].sort());
  });

  it('gives @electron/fuses every fuse by its wire index and requires the binary to have no others', () => {
    const config = fuseConfig() as unknown as Record<string, unknown>;
    expect(config.version).toBe('1');
    expect(config.strictlyRequireAllFuses).toBe(true);
    expect(config.resetAdHocDarwinSignature).toBe(false);
    for (const name of fuseNames) expect(config[String(FuseV1Options[name as keyof typeof FuseV1Options])], name).toBe(FUSES[name]);
    expect(fuseConfig({ resetAdHocDarwinSignature: true }).resetAdHocDarwinSignature).toBe(true);
  });
});

describe('flipping the fuses of an Electron binary', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("turns Electron's defaults into the configured wire", async () => {
    dir = mkdtempSync(join(tmpdir(), 'fuses-'));
    const executable = join(makeStandInElectron(dir), 'electron');
    expect(await wireOf(executable)).toBe(ELECTRON_DEFAULT_WIRE);
    await flipFuses(executable, fuseConfig());
    expect(await wireOf(executable)).toBe('010011001');
    const wire = await getCurrentFuseWire(executable);
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
  });

  it('stops on a binary with a fuse the configuration does not name, so a newer Electron gets a decision', async () => {
    dir = mkdtempSync(join(tmpdir(), 'fuses-'));
    const executable = join(makeStandInElectron(dir, `${ELECTRON_DEFAULT_WIRE}1`), 'electron');
    await expect(flipFuses(executable, fuseConfig())).rejects.toThrow(/strictlyRequireAllFuses/);
  });
});

describe('the executable the afterPack hook flips', () => {
  const packager = { appInfo: { productFilename: 'Barong Vault' }, executableName: 'barong-vault' };
  it.each([
    ['darwin', join('/out', 'Barong Vault.app')],
    ['win32', join('/out', 'Barong Vault.exe')],
    ['linux', join('/out', 'barong-vault')],
  ])('on %s is %s', (electronPlatformName, expected) => {
    expect(packedExecutable({ appOutDir: '/out', electronPlatformName, packager })).toBe(expected);
  });
});
