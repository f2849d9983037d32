import { AppError } from '../app-error';
import { nonceExpiresAt } from '../barong/nonce-clock';
import { renderCurl } from './curl';
import { renderHttpie } from './httpie';
import { renderPowerShell } from './powershell';
import { checkSignedRequest } from './request';
import type { SignedRequest } from './request';

export const SIGNED_COMMAND_FORMATS = ['httpie', 'curl', 'powershell'] as const;
export type SignedCommandFormat = (typeof SIGNED_COMMAND_FORMATS)[number];

export interface RenderedCommand {
  format: SignedCommandFormat;
  text: string;
  /** exchange-clock ms at which the nonce is refused: nonce + lifetime */
  expiresAtMs: number;
}

const RENDERERS: Record<SignedCommandFormat, (request: SignedRequest) => string> = {
  httpie: renderHttpie,
  curl: renderCurl,
  powershell: renderPowerShell,
};

/** A command that sends `request` as signed; it works only until the nonce expires. */
export function renderSignedCommand(format: SignedCommandFormat, request: SignedRequest, nonceLifetimeMs: number): RenderedCommand {
  // The format may come from a command line or a saved setting, not only from typed code.
  if (!Object.hasOwn(RENDERERS, format)) {
    throw new AppError('input.format_unknown', `Unknown command format "${String(format)}": use one of ${SIGNED_COMMAND_FORMATS.join(', ')}.`);
  }
  if (!Number.isSafeInteger(nonceLifetimeMs) || nonceLifetimeMs <= 0) {
    throw new AppError('input.nonce_lifetime_invalid', 'The nonce lifetime must be a positive whole number of milliseconds.');
  }
  checkSignedRequest(request);
  return { format, text: RENDERERS[format](request), expiresAtMs: nonceExpiresAt(request.headers['X-Auth-Nonce'], nonceLifetimeMs) };
}
