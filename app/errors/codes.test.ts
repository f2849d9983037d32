import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error';
import { ERROR_CODE_FORMAT, ERROR_CODES, EXIT_CODES, exitCodeOf, isErrorCode, wordsOf } from './codes';

const ROOT = join(import.meta.dirname, '..', '..');
const SHIPPED = ['app', 'main', 'cli', 'renderer/src'];
const isShippedSource = (path: string) => /\.tsx?$/.test(path) && !/\.(test|spec)\.tsx?$/.test(path) && !path.split('/').includes('tests');

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .map((path) => `${folder}/${path}`)
    .filter(isShippedSource);
}

// The literal codes an error is made with: `new AppError('vault.locked'`, across a line break too,
// and the error values the renderer makes itself (`{ code: 'backup.unreadable', message`).
const THROWN = [/new (?:AppError|VaultError|ExchangeError)\(\s*'([^']+)'/g, /\?\? '([a-z]+\.[a-z0-9_.]+)', `/g, /\{ code: '([a-z]+\.[a-z0-9_.]+)', message:/g];

function thrownCodes(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of SHIPPED.flatMap(sourceFiles)) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const pattern of THROWN) for (const match of text.matchAll(pattern)) found.set(match[1] ?? '', file);
  }
  return found;
}

describe('the error-code table', () => {
  it('holds every code the app throws', () => {
    const thrown = thrownCodes();
    // The scan does find the codes, across line breaks and in every room.
    expect(thrown.size).toBeGreaterThan(50);
    expect([...thrown.keys()]).toEqual(expect.arrayContaining(['vault.locked', 'usage', 'network.refused', 'input.path_invalid', 'clock.offset_too_large']));
    const missing = [...thrown].filter(([code]) => !isErrorCode(code)).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it('spells every code dotted and lower case, each with words and an exit code', () => {
    for (const [code, { words, exit }] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(ERROR_CODE_FORMAT);
      expect(words, code).toMatch(/^[A-Z].*[.:!?)]$/);
      expect(Object.values(EXIT_CODES), code).toContain(exit);
      expect(exit, code).not.toBe(EXIT_CODES.ok);
    }
    expect('Vault.Locked').not.toMatch(ERROR_CODE_FORMAT);
    expect('vault_locked').not.toMatch(ERROR_CODE_FORMAT);
  });

  it('has the codes the privileged rule and the clock bound need', () => {
    expect(wordsOf('owner.passphrase_required')).toBe('Enter the vault passphrase to confirm this.');
    expect(wordsOf('owner.denied')).toBe('Not confirmed: nothing was changed.');
    expect(wordsOf('owner.unavailable')).toBe("This change needs the owner's confirmation, which this place cannot ask for.");
    expect(wordsOf('door.channel_refused')).toBe('This channel is not open to this caller.');
    for (const code of ['vault.origin_mismatch', 'vault.keychain_changed', 'backup.kdf_too_costly', 'backup.too_large', 'clock.offset_too_large']) {
      expect(isErrorCode(code), code).toBe(true);
    }
  });

  it.each([
    ['usage', 2],
    ['input.path_invalid', 2],
    ['vault.locked', 3],
    ['owner.denied', 3],
    ['session.expired', 3],
    ['network.timeout', 4],
    ['exchange.maintenance', 5],
    ['authz.invalid_signature', 5],
    ['identity.session.invalid_otp', 5],
    ['internal', 1],
  ])('exits with the code for %s: %i', (code, exit) => {
    expect(exitCodeOf(code)).toBe(exit);
  });

  it('gives an error without a message the words of its code', () => {
    expect(new AppError('vault.locked').message).toBe(wordsOf('vault.locked'));
    expect(new AppError('network.refused', 'exchange.example refused the connection.').message).toBe('exchange.example refused the connection.');
  });
});
