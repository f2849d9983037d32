import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronAddonPath } from './native-addon';

describe('electronAddonPath', () => {
  it('points at the Electron build beside the project when started from it, never at the Node build in node_modules', () => {
    expect(electronAddonPath('/work/barong-vault')).toBe(join('/work/barong-vault', 'build', 'native', 'electron', 'better_sqlite3.node'));
  });

  it('points at the rebuilt addon beside the asar archive in a packaged app, where native code can be loaded', () => {
    expect(electronAddonPath('/opt/Barong Vault/resources/app.asar')).toBe(
      join('/opt/Barong Vault/resources/app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
    );
  });
});
