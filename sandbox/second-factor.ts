import { HttpFailure, presentParam } from './http';
import { spendTotpCode } from './totp';
import type { UserRecord } from './users';

/**
 * The gate in front of every API-key write: 2FA must be on and `totp_code` must be a fresh code.
 * A code is spent even when the write fails later, as on Barong.
 */
export function requireFreshTotp(user: UserRecord, params: Record<string, unknown>, nowMs: number): void {
  if (!user.otp || user.totpSecret === null) throw new HttpFailure(400, 'resource.api_key.2fa_disabled');
  const code = presentParam(params, 'totp_code');
  if (code === undefined) throw new HttpFailure(422, 'resource.api_key.missing_totp');
  const outcome = spendTotpCode(user, user.totpSecret, code, nowMs);
  if (outcome === 'invalid') throw new HttpFailure(422, 'resource.api_key.invalid_totp');
  if (outcome === 'reused') throw new HttpFailure(422, 'totp.error');
}
