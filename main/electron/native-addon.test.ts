import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronAddonPath } from './native-addon';

describe('electronAddonPath', () => {
  it('points into the project when started from it', () => {
    expect(electronAddonPath('/work/barong-vault')).toBe(join('/work/barong-vault', 'build', 'native', 'electron', 'better_sqlite3.node'));
  });

  it('points beside the asar archive in a packaged app, where native code can be loaded', () => {
    expect(electronAddonPath('/opt/Barong Vault/resources/app.asar')).toBe(
      join('/opt/Barong Vault/resources/app.asar.unpacked', 'build', 'native', 'electron', 'better_sqlite3.node'),
    );
  });

  it('never loads the Node build in node_modules, which tests need', () => {
    expect(electronAddonPath('/app')).not.toContain('node_modules');
  });
});
