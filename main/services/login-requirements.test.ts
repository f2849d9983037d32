import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { CAPTCHA_LOGIN } from '../../app/barong/captcha-login';
import { startSeededSandbox } from '../barong/tests/exchange-sandbox';
import { PASSPHRASE, testBackend } from './tests/backend-fixture';

/** A backend with one account on `baseUrl`. */
async function accountOn(baseUrl: string) {
  const test = testBackend();
  await test.value('vault.create', { passphrase: PASSPHRASE, keychain: false });
  const account = await test.value('accounts.create', { name: 'Exchange', baseUrl });
  return { ...test, accountId: account.id };
}

/** An exchange whose identity/configs answers `body` as JSON, for what the sandbox cannot be made to say. */
async function configsServer(body: string): Promise<string> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('exchange.loginRequirements', () => {
  it('says a captcha is needed where the exchange asks for one, and a login is then refused in the same words', async () => {
    const sandbox = await startSeededSandbox({ captcha: true });
    const { value, call, accountId } = await accountOn(sandbox.url);
    expect(await value('exchange.loginRequirements', { accountId })).toEqual({ captcha: true });

    const [user] = sandbox.users;
    if (!user) throw new Error('The sandbox has no user.');
    const login = await call('exchange.login', { accountId, email: user.email, password: user.password });
    expect(login).toEqual({ ok: false, error: expect.objectContaining({ code: 'identity.captcha.required', ...CAPTCHA_LOGIN }) });
  });

  it('says none is needed where configs say none', async () => {
    const sandbox = await startSeededSandbox();
    const { value, accountId } = await accountOn(sandbox.url);
    expect(await value('exchange.loginRequirements', { accountId })).toEqual({ captcha: false });
  });

  it('answers no captcha, as today, when configs cannot be read or make no sense', async () => {
    for (const baseUrl of [await configsServer('not json'), await configsServer('{"captcha_type": 7}'), 'http://127.0.0.1:9']) {
      const { value, accountId } = await accountOn(baseUrl);
      expect(await value('exchange.loginRequirements', { accountId }), baseUrl).toEqual({ captcha: false });
    }
  });

  it('reads nothing from a locked vault', async () => {
    const sandbox = await startSeededSandbox({ captcha: true });
    const { value, errorCode, accountId } = await accountOn(sandbox.url);
    await value('vault.lock');
    expect(await errorCode('exchange.loginRequirements', { accountId })).toBe('vault.locked');
  });
});
