import { barongPaths } from '../../app/barong/paths';
import { HttpFailure, json, presentParam } from '../http';
import type { Call, Route } from '../router';
import { newTotpSecret, spendTotpCode, totpUri } from '../totp';
import type { UserRecord } from '../users';
import { presentUser, requireUser, touch } from '../users';

function generateQrcode({ user }: Call) {
  const owner = requireUser(user);
  if (owner.otp) throw new HttpFailure(400, 'resource.otp.already_enabled');
  owner.pendingTotpSecret = newTotpSecret();
  // Barong adds a base64 PNG of the QR code as `barcode`; the sandbox has no QR encoder.
  return json(201, { data: { url: totpUri(owner.email, owner.pendingTotpSecret) } });
}

function checkCode(owner: UserRecord, secret: string, params: Record<string, unknown>, nowMs: number): void {
  const code = presentParam(params, 'code');
  if (code === undefined) throw new HttpFailure(422, 'resource.otp.missing_code');
  const outcome = spendTotpCode(owner, secret, code, nowMs);
  if (outcome === 'invalid') throw new HttpFailure(422, 'resource.otp.invalid');
  if (outcome === 'reused') throw new HttpFailure(422, 'totp.error');
}

function enable({ request, state, user }: Call) {
  const owner = requireUser(user);
  if (owner.otp) throw new HttpFailure(400, 'resource.otp.already_enabled');
  if (owner.pendingTotpSecret === null) throw new HttpFailure(422, 'resource.otp.not_generated');
  checkCode(owner, owner.pendingTotpSecret, request.params, state.now());
  owner.otp = true;
  owner.totpSecret = owner.pendingTotpSecret;
  owner.pendingTotpSecret = null;
  touch(owner, state.now());
  return json(201, {});
}

/** Turning 2FA off disables every active key; turning it on again leaves them disabled. */
function disable({ request, state, user }: Call) {
  const owner = requireUser(user);
  if (!owner.otp || owner.totpSecret === null) throw new HttpFailure(400, 'resource.otp.not_enabled');
  checkCode(owner, owner.totpSecret, request.params, state.now());
  owner.otp = false;
  owner.totpSecret = null;
  touch(owner, state.now());
  const now = new Date(state.now()).toISOString();
  for (const key of state.apiKeys.ownedBy(owner.uid)) {
    if (key.state !== 'active') continue;
    key.state = 'inactive';
    key.updatedAt = now;
  }
  return json(201, {});
}

export const userRoutes: readonly Route[] = [
  { method: 'GET', path: barongPaths.usersMe, handle: ({ user }) => json(200, presentUser(requireUser(user))) },
  { method: 'POST', path: barongPaths.otpGenerateQrcode, handle: generateQrcode },
  { method: 'POST', path: barongPaths.otpEnable, handle: enable },
  { method: 'POST', path: barongPaths.otpDisable, handle: disable },
];
