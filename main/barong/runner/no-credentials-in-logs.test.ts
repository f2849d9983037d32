import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSync, createGuardrails } from 'otplib';
import { describe, expect, it, onTestFinished } from 'vitest';
import { peatioPaths } from '../../../app/barong/paths';
import { seededKeys, startSeededSandbox, totpSecretOf } from '../tests/exchange-sandbox';
import { createFileLogger } from '../../logging/logger';
import { newKid, newSecret } from '../../vault/tests/vault-fixture';
import { sendHttp } from '../http/send-http';
import type { HttpRequest } from '../http/send-http';
import { runnerSetup } from '../tests/runner-fixture';
import { runSignedRequest } from './run-signed-request';
import { testKey } from './test-key';

const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });

describe('what the runner writes down', () => {
  it('logs and audits no secret, signature, 2FA code or query string', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'barong-vault-log-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const logPath = join(dir, 'exchange.log');
    const logger = createFileLogger(logPath);
    // Everything that went on the wire, to know exactly which values must not show up anywhere.
    const sent: HttpRequest[] = [];
    const send = (request: HttpRequest) => {
      sent.push(request);
      return sendHttp(request);
    };
    // Seven seconds ahead, so the run includes a refused nonce, a re-sync and a second signature.
    const sandbox = await startSeededSandbox({ clockOffsetMs: 7_000 });
    const { trade, read, viewer } = seededKeys(sandbox);
    const wrongSecret = newSecret();
    const unknown = { kid: newKid(), secret: newSecret() };
    const {
      vault,
      context,
      keyIds: [tradeId = '', readId = '', wrongId = '', unknownId = ''],
    } = await runnerSetup(sandbox.url, [trade, read, { kid: viewer.kid, secret: wrongSecret }, unknown], { logger, http: { send } });
    const totpSecret = totpSecretOf(sandbox, trade.email);
    const code = generateSync({ secret: totpSecret, epoch: Math.floor((Date.now() + 7_000) / 1000), guardrails });
    const laterCode = generateSync({ secret: totpSecret, epoch: Math.floor((Date.now() + 7_000) / 1000) + 30, guardrails });

    expect((await runSignedRequest(context, { keyId: tradeId, method: 'GET', path: peatioPaths.balances, query: [['nonzero', 'true']] })).status).toBe(200);
    const keyPath = `/api/v2/barong/resource/api_keys/${read.kid}`;
    expect(
      (await runSignedRequest(context, { keyId: tradeId, method: 'PATCH', path: keyPath, body: { state: 'disabled', scope: 'read', totp_code: code } })).status,
    ).toBe(200);
    expect(await testKey(context, readId)).toMatchObject({ ok: false, error: { code: 'authz.apikey_not_active' } });
    expect((await runSignedRequest(context, { keyId: tradeId, method: 'DELETE', path: keyPath, query: [['totp_code', laterCode]] })).status).toBe(204);
    expect(await testKey(context, wrongId)).toMatchObject({ ok: false, error: { code: 'authz.invalid_signature' } });
    expect(await testKey(context, unknownId)).toMatchObject({ ok: false, error: { code: 'authz.unexistent_apikey' } });

    const signatures = sent.map((request) => request.headers['X-Auth-Signature']).filter((value): value is string => value !== undefined);
    // The first request went out unsynced and was refused, the re-sync made three time requests.
    expect(sent.length).toBeGreaterThanOrEqual(9);
    expect(signatures.length).toBeGreaterThanOrEqual(6);
    const log = readFileSync(logPath, 'utf8');
    const lines = log
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.length).toBe(sent.length + 1);
    expect(lines).toContainEqual(expect.objectContaining({ event: 'exchange.request', method: 'DELETE', path: keyPath, status: 204 }));
    expect(lines).toContainEqual(expect.objectContaining({ event: 'exchange.nonce_expired_resync', path: peatioPaths.balances }));
    const audit = JSON.stringify(vault.auditLog());
    const forbidden = [trade.secret, read.secret, viewer.secret, wrongSecret, unknown.secret, ...signatures, code, laterCode, 'totp_code', 'nonzero', '?'];
    for (const value of forbidden) {
      expect(log, `the log holds ${value}`).not.toContain(value);
      expect(audit, `the audit log holds ${value}`).not.toContain(value);
    }
  });
});
