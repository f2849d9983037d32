import { join, resolve, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveAppUrl } from './app-url-resolver';

const ROOT = resolve('/srv/renderer');

describe('resolveAppUrl', () => {
  it('serves files of the built renderer folder, index.html for the root', () => {
    expect(resolveAppUrl('app://barong-vault/', ROOT)).toBe(join(ROOT, 'index.html'));
    expect(resolveAppUrl('app://barong-vault', ROOT)).toBe(join(ROOT, 'index.html'));
    expect(resolveAppUrl('app://barong-vault/assets/index-3f2a.js', ROOT)).toBe(join(ROOT, 'assets', 'index-3f2a.js'));
    expect(resolveAppUrl('app://barong-vault/fonts/Inter%20Var.woff2', ROOT)).toBe(join(ROOT, 'fonts', 'Inter Var.woff2'));
  });

  it('ignores the query and the fragment', () => {
    expect(resolveAppUrl('app://barong-vault/index.html?x=../../etc/passwd#/../secret', ROOT)).toBe(join(ROOT, 'index.html'));
  });

  it('keeps dot segments, plain or encoded, inside the folder', () => {
    // The URL parser folds these away before the resolver sees them; whatever is left stays inside.
    expect(resolveAppUrl('app://barong-vault/../../etc/passwd', ROOT)).toBe(join(ROOT, 'etc', 'passwd'));
    expect(resolveAppUrl('app://barong-vault/%2e%2e/%2e%2e/etc/passwd', ROOT)).toBe(join(ROOT, 'etc', 'passwd'));
    expect(resolveAppUrl('app://barong-vault/assets/.%2E/.%2e/x', ROOT)).toBe(join(ROOT, 'x'));
  });

  it('refuses encoded separators, which would become steps out of the folder once decoded', () => {
    for (const path of ['%2e%2e%2f%2e%2e%2fetc%2fpasswd', '..%2f..%2fetc%2fpasswd', '..%5c..%5cwindows%5cwin.ini', '%2fetc%2fpasswd', 'assets%2f..%2f..%2fx']) {
      expect(resolveAppUrl(`app://barong-vault/${path}`, ROOT), path).toBeNull();
    }
  });

  it('refuses backslashes, drive letters, absolute paths, NUL and dot files', () => {
    for (const path of [
      '..\\..\\windows\\win.ini',
      'assets\\x.js',
      'C:/Windows/win.ini',
      'c:%5cwindows',
      '/etc/passwd',
      '%00',
      'x.js%00.png',
      '.env',
      'assets/.hidden',
      'a//b',
      'assets/',
      'index.html:stream',
    ]) {
      expect(resolveAppUrl(`app://barong-vault/${path}`, ROOT), path).toBeNull();
    }
  });

  it('refuses malformed percent-encoding', () => {
    expect(resolveAppUrl('app://barong-vault/%E0%A4%A', ROOT)).toBeNull();
  });

  it('refuses other hosts, schemes, ports and credentials', () => {
    for (const url of [
      'app://evil/index.html',
      'app://barong-vault.evil/index.html',
      'app:///etc/passwd',
      'app:barong-vault/index.html',
      'app://barong-vault:8080/index.html',
      'app://user:pass@barong-vault/index.html',
      'file:///etc/passwd',
      'https://barong-vault/index.html',
      'not a url',
    ]) {
      expect(resolveAppUrl(url, ROOT), url).toBeNull();
    }
  });

  it('never answers with a path outside the folder, whatever the URL', () => {
    const segment = fc.constantFrom('..', '.', '%2e%2e', '%2E.', '%2f', '%5c', '\\', '', 'a', 'assets', 'C:', '%00', '~', '%252e%252e');
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), fc.constantFrom('', '?q=..%2f', '#..'), (segments, tail) => {
        const file = resolveAppUrl(`app://barong-vault/${segments.join('/')}${tail}`, ROOT);
        if (file !== null) expect(file.startsWith(`${ROOT}${sep}`)).toBe(true);
      }),
    );
  });
});
