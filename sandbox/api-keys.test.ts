import { describe, expect, it } from 'vitest';
import type { RunningSandbox, SandboxOptions, SeededKey } from './start-sandbox';
import type { Answer, SandboxClient } from './test-client';
import { errorsOf, signedHeaders, TotpPad, startTestSandbox } from './test-client';

const KEYS = '/api/v2/barong/resource/api_keys';
const ME = '/api/v2/barong/resource/users/me';

async function start(options: SandboxOptions = {}) {
  const started = await startTestSandbox(options);
  const trader = started.user('trader@sandbox.test');
  return { ...started, trader, pad: new TotpPad(trader.totpSecret ?? '') };
}

/** Calls as the owner of a key, signing each request afresh. */
const asKey =
  (client: SandboxClient, key: { kid: string; secret: string }) =>
  (method: string, path: string, json?: unknown): Promise<Answer> =>
    client.request(method, path, json === undefined ? { headers: signedHeaders(key.kid, key.secret) } : { headers: signedHeaders(key.kid, key.secret), json });

const seededKey = (sandbox: RunningSandbox, index: number): SeededKey => {
  const key = sandbox.apiKeys[index];
  if (!key) throw new Error('the seed should give keys');
  return key;
};

describe('API keys (PROTOCOL.md section 3)', () => {
  it('creates a key with a session: 201, kid and plain secret once, and the key signs requests', async () => {
    const { client, trader, pad } = await start();
    expect((await client.login(trader.email, trader.password, pad.next())).status).toBe(200);
    const created = await client.write('POST', KEYS, { algorithm: 'HS256', scope: 'trade, read', totp_code: pad.next() });
    expect(created.status).toBe(201);
    const key = created.body as { kid: string; secret: string; scope: string[]; state: string; algorithm: string };
    expect(key.kid).toMatch(/^[0-9a-f]{16}$/);
    expect(key.secret).toMatch(/^[0-9a-f]{32}$/);
    expect(key).toMatchObject({ algorithm: 'HS256', scope: ['trade', 'read'], state: 'active' });
    const me = await asKey(client, key)('GET', ME);
    expect(me.body).toMatchObject({ email: trader.email });
    const listed = await client.request('GET', KEYS);
    expect(listed.body).toEqual([expect.objectContaining({ kid: key.kid })]);
    expect(JSON.stringify(listed.body)).not.toContain(key.secret);
  });

  it("sends the secret in Vault's record with secretShape vault", async () => {
    const { sandbox, client, pad } = await start({ secretShape: 'vault', seed: true });
    const created = await asKey(client, seededKey(sandbox, 0))('POST', KEYS, { algorithm: 'HS256', totp_code: pad.next() });
    expect(created.status).toBe(201);
    const body = created.body as { kid: string; secret: { data: { value: string }; lease_duration: number; renewable: boolean } };
    expect(body.secret).toMatchObject({ lease_duration: 0, renewable: false });
    expect(body.secret.data.value).toMatch(/^[0-9a-f]{32}$/);
    const me = await asKey(client, { kid: body.kid, secret: body.secret.data.value })('GET', ME);
    expect(me.status).toBe(200);
  });

  it('pages the list with Total, Page and Per-Page headers, in either order', async () => {
    const { sandbox, client, pad } = await start({ seed: true });
    const call = asKey(client, seededKey(sandbox, 0));
    expect((await call('POST', KEYS, { algorithm: 'HS256', totp_code: pad.next() })).status).toBe(201);
    const first = await call('GET', `${KEYS}?limit=2&page=1`);
    const second = await call('GET', `${KEYS}?limit=2&page=2`);
    const headers = (answer: Answer) => ['Total', 'Page', 'Per-Page'].map((name) => answer.headers.get(name));
    expect(headers(first)).toEqual(['3', '1', '2']);
    expect(headers(second)).toEqual(['3', '2', '2']);
    const kids = (answer: Answer) => (answer.body as { kid: string }[]).map((key) => key.kid);
    expect(kids(first)).toHaveLength(2);
    expect(kids(second)).toHaveLength(1);
    expect(kids(first)[0]).toBe(seededKey(sandbox, 0).kid);
    const descending = await call('GET', `${KEYS}?ordering=desc`);
    expect(kids(descending)).toEqual([...kids(first), ...kids(second)].reverse());
    for (const query of ['limit=0', 'limit=101', 'page=0', 'ordering=up']) {
      expect((await call('GET', `${KEYS}?${query}`)).status, query).toBe(422);
    }
  });

  it('PATCH changes the state and, without scope, wipes the scopes', async () => {
    const { sandbox, client, pad } = await start({ seed: true });
    const [own, other] = [seededKey(sandbox, 0), seededKey(sandbox, 1)];
    const call = asKey(client, own);
    const patched = await call('PATCH', `${KEYS}/${other.kid}`, { state: 'disabled', totp_code: pad.next() });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ kid: other.kid, state: 'disabled', scope: [] });
    expect(patched.body).not.toHaveProperty('secret');
    const rescoped = await call('PATCH', `${KEYS}/${other.kid}`, { state: 'active', scope: 'read', totp_code: pad.next() });
    expect(rescoped.body).toMatchObject({ state: 'active', scope: ['read'] });
  });

  it('DELETE answers 204 and the key is gone', async () => {
    const { sandbox, client, pad } = await start({ seed: true });
    const [own, other] = [seededKey(sandbox, 0), seededKey(sandbox, 1)];
    const call = asKey(client, own);
    const deleted = await call('DELETE', `${KEYS}/${other.kid}?totp_code=${pad.next()}`);
    expect([deleted.status, deleted.body]).toEqual([204, undefined]);
    const gone = await asKey(client, other)('GET', ME);
    expect(errorsOf(gone)).toEqual(['authz.unexistent_apikey']);
  });

  it('400 resource.api_key.2fa_disabled for a user without 2FA', async () => {
    const { client, user } = await start();
    const { email, password } = user('no2fa@sandbox.test');
    await client.login(email, password);
    const answer = await client.write('POST', KEYS, { algorithm: 'HS256', totp_code: '123456' });
    expect([answer.status, errorsOf(answer)]).toEqual([400, ['resource.api_key.2fa_disabled']]);
    expect((await client.request('GET', KEYS)).status).toBe(200);
  });

  it('422 missing_totp, invalid_totp and, for a code already spent on login, totp.error', async () => {
    const { client, trader, pad } = await start();
    const loginCode = pad.next();
    await client.login(trader.email, trader.password, loginCode);
    const missing = await client.write('POST', KEYS, { algorithm: 'HS256' });
    expect([missing.status, errorsOf(missing)]).toEqual([422, ['resource.api_key.missing_totp']]);
    const wrong = await client.write('POST', KEYS, { algorithm: 'HS256', totp_code: pad.wrong() });
    expect([wrong.status, errorsOf(wrong)]).toEqual([422, ['resource.api_key.invalid_totp']]);
    const reused = await client.write('POST', KEYS, { algorithm: 'HS256', totp_code: loginCode });
    expect([reused.status, errorsOf(reused)]).toEqual([422, ['totp.error']]);
  });

  it('422 ["kid.blank", "algorithm.inclusion"] for another algorithm', async () => {
    const { sandbox, client, pad } = await start({ seed: true });
    const answer = await asKey(client, seededKey(sandbox, 0))('POST', KEYS, { algorithm: 'HS512', totp_code: pad.next() });
    expect([answer.status, errorsOf(answer)]).toEqual([422, ['kid.blank', 'algorithm.inclusion']]);
  });

  it('422 for a pending owner', async () => {
    const { client, user } = await start();
    const pending = user('pending@sandbox.test');
    const pad = new TotpPad(pending.totpSecret ?? '');
    await client.login(pending.email, pending.password, pad.next());
    const answer = await client.write('POST', KEYS, { algorithm: 'HS256', totp_code: pad.next() });
    expect([answer.status, errorsOf(answer)]).toEqual([422, ['resource.api_key.user_not_active']]);
  });

  it("404 record.not_found for an unknown kid or another user's", async () => {
    const { sandbox, client, pad } = await start({ seed: true });
    const call = asKey(client, seededKey(sandbox, 0));
    const viewerKid = seededKey(sandbox, 2).kid;
    const unknown = await call('PATCH', `${KEYS}/0123456789abcdef`, { state: 'disabled', totp_code: pad.next() });
    expect([unknown.status, errorsOf(unknown)]).toEqual([404, ['record.not_found']]);
    const foreign = await call('DELETE', `${KEYS}/${viewerKid}?totp_code=${pad.next()}`);
    expect([foreign.status, errorsOf(foreign)]).toEqual([404, ['record.not_found']]);
  });

  it('turning 2FA off makes every key inactive, and turning it on again does not bring them back', async () => {
    const { sandbox, client, trader, pad } = await start({ seed: true });
    const off = await asKey(client, seededKey(sandbox, 0))('POST', '/api/v2/barong/resource/otp/disable', { code: pad.next() });
    expect(off.status).toBe(201);
    const refused = await asKey(client, seededKey(sandbox, 0))('GET', ME);
    expect(errorsOf(refused)).toEqual(['authz.apikey_not_active']);
    // With 2FA off the password alone opens a session.
    expect((await client.login(trader.email, trader.password)).status).toBe(200);
    const states = async () => ((await client.request('GET', KEYS)).body as { state: string }[]).map((key) => key.state);
    expect(await states()).toEqual(['inactive', 'inactive']);

    const qrcode = await client.write('POST', '/api/v2/barong/resource/otp/generate_qrcode');
    const url = new URL((qrcode.body as { data: { url: string } }).data.url);
    const on = await client.write('POST', '/api/v2/barong/resource/otp/enable', { code: pad.next(url.searchParams.get('secret') ?? '') });
    expect(on.status).toBe(201);
    expect((await client.request('GET', ME)).body).toMatchObject({ otp: true });
    expect(await states()).toEqual(['inactive', 'inactive']);
  });
});
