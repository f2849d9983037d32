import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { barongPaths } from '../../../app/barong/paths';
import { createFileLogger } from '../../logging/logger';
import { ExchangeKeys } from '../keys/exchange-keys';
import { exchangeFixture, frozenClock, NO_2FA, paramsOf, TRADER } from './barong-exchange';

function tempLogFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'barong-vault-log-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'main.log');
}

describe('what the session and key code writes to the log and puts in errors', () => {
  it('never holds a password, cookie, CSRF token, 2FA code or API secret', async () => {
    const logPath = tempLogFile();
    const clock = frozenClock();
    const { session, keys, vault, account, exchanged, control, user } = await exchangeFixture({ clock, logger: createFileLogger(logPath, clock.now) });
    vault.setTotpSeed(account.id, user(TRADER).totpSecret);
    const messages: string[] = [];
    const attempt = async (run: () => Promise<unknown>) => {
      try {
        await run();
      } catch (error) {
        messages.push(`${(error as Error).message} ${(error as { action?: string }).action ?? ''}`);
      }
    };

    await attempt(() => session.login({ email: TRADER, password: 'Wrong-Password-42' }));
    await attempt(() => session.login(user(TRADER)));
    const accountKeys = keys();
    const { key } = await accountKeys.create({ scopes: ['trade'] });
    await accountKeys.setEnabled(key.id, false);
    await attempt(() => session.withCode('delete-key', {}, (code) => new ExchangeKeys(session).delete('ffffffffffffffff', code)));
    await accountKeys.delete(key.id);
    await accountKeys.reconcile();
    control.rewrite = (request) => ({ ...request, headers: { ...request.headers, 'User-Agent': 'other/1' } });
    await attempt(() => session.balances());
    control.rewrite = (request) => request;
    await attempt(() => session.balances());
    await session.login(user(NO_2FA));
    await session.logout();

    const secrets = new Set<string>(['Wrong-Password-42', user(TRADER).password, user(NO_2FA).password, user(TRADER).totpSecret]);
    for (const { request, response } of exchanged) {
      const params = paramsOf(request);
      for (const name of ['otp_code', 'totp_code', 'password'] as const) if (typeof params[name] === 'string') secrets.add(params[name]);
      for (const cookie of response?.headers['set-cookie'] ?? []) secrets.add(cookie.split(';')[0]?.split('=')[1] ?? '');
      if (request.headers['X-CSRF-Token']) secrets.add(request.headers['X-CSRF-Token']);
      const body = response?.body.toString('utf8') ?? '';
      if (request.method === 'POST' && request.url.endsWith(barongPaths.apiKeys) && response?.status === 201)
        secrets.add((JSON.parse(body) as { secret: string }).secret);
    }
    secrets.delete('');
    // Passwords, the seed, at least two cookies, the CSRF token, four codes and one secret.
    expect(secrets.size).toBeGreaterThanOrEqual(12);

    const log = readFileSync(logPath, 'utf8');
    expect(log).toContain('exchange.request');
    expect(log).toContain('session.ended');
    expect(messages.length).toBe(4);
    for (const secret of secrets) {
      expect({ secret, inLog: log.includes(secret) }).toEqual({ secret, inLog: false });
      expect({ secret, inErrors: messages.some((message) => message.includes(secret)) }).toEqual({ secret, inErrors: false });
    }
  });
});
