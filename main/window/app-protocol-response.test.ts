import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from './app-origin';
import { serveAppRequest } from './app-protocol-response';
import { contentSecurityPolicy } from './content-security-policy';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'barong-vault-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Barong Vault</title>');
  writeFileSync(join(root, 'assets', 'index.js'), 'export {};');
  writeFileSync(join(root, 'assets', 'index.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'blob.bin'), 'x');
  writeFileSync(join(base, 'secret.txt'), 'outside the renderer folder');
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.js'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serveAppRequest(new Request(url, { method }), root);

describe('serveAppRequest', () => {
  it('serves the entry page and assets with their types', async () => {
    const page = await get('app://barong-vault/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('Barong Vault');
    expect((await get(APP_ENTRY_URL)).status).toBe(200);
    expect((await get('app://barong-vault/assets/index.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://barong-vault/assets/index.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await get('app://barong-vault/assets/blob.bin')).headers.get('content-type')).toBe('application/octet-stream');
  });

  it('sends the CSP and nosniff with every answer, refusals included', async () => {
    const answers = await Promise.all([
      get('app://barong-vault/index.html'),
      get('app://barong-vault/missing.js'),
      get('app://barong-vault/..%2fsecret.txt'),
      get('app://evil/index.html'),
      get('app://barong-vault/index.html', 'POST'),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 404, 404, 404, 405]);
    for (const answer of answers) {
      expect(answer.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('does not follow a symbolic link out of the folder', async () => {
    const answer = await get('app://barong-vault/assets/link.js');
    expect(answer.status).toBe(404);
    expect(await answer.text()).not.toContain('outside');
  });

  it('answers 404 for a folder or a path through a file', async () => {
    expect((await get('app://barong-vault/assets')).status).toBe(404);
    expect((await get('app://barong-vault/index.html/x')).status).toBe(404);
  });

  it('answers HEAD without a body', async () => {
    const answer = await get('app://barong-vault/index.html', 'HEAD');
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe('');
  });
});
