import { createGuardrails, generateSecret, generateURI, verifySync } from 'otplib';
import type { UserRecord } from './users';

// Real deployments issue 10-byte seeds; otplib's default floor is 16 bytes.
const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });
const PERIOD_S = 30;
// Barong checks codes through Vault's TOTP engine, which accepts one period either side.
const TOLERANCE_S = PERIOD_S;

export type TotpOutcome = 'accepted' | 'invalid' | 'reused';

/**
 * Checks a code against a seed and spends it: a code whose time step is not later than the
 * user's last spent one is refused as reused, across login, API-key writes and OTP changes.
 */
export function spendTotpCode(user: UserRecord, secret: string, code: string, nowMs: number): TotpOutcome {
  let result;
  try {
    result = verifySync({ secret, token: code.trim(), epoch: Math.floor(nowMs / 1000), epochTolerance: TOLERANCE_S, guardrails });
  } catch {
    // otplib throws on a token that is not six digits: that is simply a wrong code here.
    return 'invalid';
  }
  // The result type also covers HOTP, which has no time step.
  if (!result.valid || !('timeStep' in result)) return 'invalid';
  if (result.timeStep <= user.lastTotpStep) return 'reused';
  user.lastTotpStep = result.timeStep;
  return 'accepted';
}

export const newTotpSecret = (): string => generateSecret({ length: 10 });

export const totpUri = (email: string, secret: string): string => generateURI({ issuer: 'Barong Sandbox', label: email, secret });
