import { AppError } from '../app-error';
import { nonceExpiresAt } from '../barong/nonce-clock';
import { renderCurl } from './curl';
import { renderHttpie } from './httpie';
import { POSIX_CONTINUATION } from './posix-quote';
import { renderPowerShell } from './powershell';
import { checkSignedRequest } from './request';
import type { SignedRequest } from './request';

export const SIGNED_COMMAND_FORMATS = ['httpie', 'curl', 'powershell'] as const;
export type SignedCommandFormat = (typeof SIGNED_COMMAND_FORMATS)[number];

/** One line, or one argument per line joined by the shell's line continuation (both run when pasted). */
export const COMMAND_LAYOUTS = ['line', 'one-per-line'] as const;
export type CommandLayout = (typeof COMMAND_LAYOUTS)[number];

/** PowerShell's: a backtick as the line's last character. */
const POWERSHELL_CONTINUATION = ' `\n  ';

const SEPARATORS: Record<SignedCommandFormat, Record<CommandLayout, string>> = {
  httpie: { line: ' ', 'one-per-line': POSIX_CONTINUATION },
  curl: { line: ' ', 'one-per-line': POSIX_CONTINUATION },
  powershell: { line: ' ', 'one-per-line': POWERSHELL_CONTINUATION },
};

export interface RenderedCommand {
  format: SignedCommandFormat;
  text: string;
  /** exchange-clock ms at which the nonce is refused: nonce + lifetime */
  expiresAtMs: number;
}

const RENDERERS: Record<SignedCommandFormat, (request: SignedRequest, separator: string) => string> = {
  httpie: renderHttpie,
  curl: renderCurl,
  powershell: renderPowerShell,
};

/** A command that sends `request` as signed; it works only until the nonce expires. */
export function renderSignedCommand(
  format: SignedCommandFormat,
  request: SignedRequest,
  nonceLifetimeMs: number,
  layout: CommandLayout = 'line',
): RenderedCommand {
  // The format may come from a command line or a saved setting, not only from typed code.
  if (!Object.hasOwn(RENDERERS, format)) {
    throw new AppError('input.format_unknown', `Unknown command format "${String(format)}": use one of ${SIGNED_COMMAND_FORMATS.join(', ')}.`);
  }
  if (!Number.isSafeInteger(nonceLifetimeMs) || nonceLifetimeMs <= 0) {
    throw new AppError('input.nonce_lifetime_invalid', 'The nonce lifetime must be a positive whole number of milliseconds.');
  }
  checkSignedRequest(request);
  const separator = SEPARATORS[format][layout === 'one-per-line' ? 'one-per-line' : 'line'];
  return { format, text: RENDERERS[format](request, separator), expiresAtMs: nonceExpiresAt(request.headers['X-Auth-Nonce'], nonceLifetimeMs) };
}
