import { createGuardrails, generateSync } from 'otplib';

const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });
const USER_AGENT = 'BarongVaultTests/1 (sandbox)';

export const totpCode = (secret: string, atMs: number): string => generateSync({ secret, epoch: Math.floor(atMs / 1000), guardrails });

/**
 * Creates an API key on a sandbox the way a trader does: log in with a 2FA code, then create the
 * key with a different code (the next period's; the server accepts one period either side and
 * refuses a code twice).
 */
export async function createKeyThroughApi(baseUrl: string, user: { email: string; password: string; totpSecret: string | null }) {
  if (!user.totpSecret) throw new Error(`${user.email} has no 2FA: it cannot create keys.`);
  const now = Date.now();
  const login = await fetch(`${baseUrl}/api/v2/barong/identity/sessions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'User-Agent': USER_AGENT },
    body: JSON.stringify({ email: user.email, password: user.password, otp_code: totpCode(user.totpSecret, now) }),
  });
  if (login.status !== 200) throw new Error(`login answered ${login.status}: ${await login.text()}`);
  const { csrf_token: csrf } = (await login.json()) as { csrf_token: string };
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const created = await fetch(`${baseUrl}/api/v2/barong/resource/api_keys`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'User-Agent': USER_AGENT, Cookie: cookie, 'X-CSRF-Token': csrf },
    body: JSON.stringify({ algorithm: 'HS256', totp_code: totpCode(user.totpSecret, now + 30_000) }),
  });
  if (created.status !== 201) throw new Error(`key creation answered ${created.status}: ${await created.text()}`);
  const key = (await created.json()) as { kid: string; secret: string | { data: { value: string } } };
  return { kid: key.kid, secret: typeof key.secret === 'string' ? key.secret : key.secret.data.value };
}
