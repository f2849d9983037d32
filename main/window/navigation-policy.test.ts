import { describe, expect, it } from 'vitest';
import { allowNavigation, externalLinkTarget } from './navigation-policy';

describe('allowNavigation', () => {
  it('allows only the app’s own origin', () => {
    expect(allowNavigation('app://barong-vault/index.html')).toBe(true);
    expect(allowNavigation('app://barong-vault/index.html#/accounts')).toBe(true);
  });

  it('denies every other place, however close it looks', () => {
    for (const url of [
      'https://exchange.example/',
      'http://localhost:3000/',
      'file:///etc/passwd',
      'app://barong-vault.evil/',
      'app://evil/',
      'app://barong-vault:1/',
      'app://x@barong-vault/',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      '',
    ]) {
      expect(allowNavigation(url), url).toBe(false);
    }
  });
});

describe('externalLinkTarget', () => {
  it('hands https links to the browser, normalised', () => {
    expect(externalLinkTarget('https://docs.openware.com/barong')).toBe('https://docs.openware.com/barong');
    expect(externalLinkTarget('HTTPS://Example.COM')).toBe('https://example.com/');
  });

  it('refuses every other scheme', () => {
    for (const url of [
      'http://example.com/',
      'file:///C:/Windows/System32/calc.exe',
      'smb://attacker/share',
      'javascript:alert(1)',
      'data:text/html,x',
      'mailto:a@b.c',
      'ms-msdt:/id PCWDiagnostic',
      'app://barong-vault/index.html',
      'not a url',
    ]) {
      expect(externalLinkTarget(url), url).toBeNull();
    }
  });

  it('refuses credentials that disguise the host, and absurd lengths', () => {
    expect(externalLinkTarget('https://exchange.example@evil.example/')).toBeNull();
    expect(externalLinkTarget('https://user:pw@example.com/')).toBeNull();
    expect(externalLinkTarget(`https://example.com/${'a'.repeat(3000)}`)).toBeNull();
  });
});
