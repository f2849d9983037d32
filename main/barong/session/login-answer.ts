import { z } from 'zod';
import { ExchangeError } from '../exchange-error';

/** Who the session belongs to, as the UI shows it. */
export interface SessionUser {
  email: string;
  uid: string;
  role: string;
  level: number;
  /** 2FA on. */
  otp: boolean;
  /** `active`, `pending`, ... */
  state: string;
}

const loginAnswerSchema = z.object({
  email: z.string(),
  uid: z.string(),
  role: z.string(),
  level: z.number(),
  otp: z.boolean(),
  state: z.string(),
  csrf_token: z.string().min(1),
});

/** The user and the CSRF token from a 200 login answer; the token comes only here. */
export function parseLoginAnswer(body: unknown): { user: SessionUser; csrfToken: string } {
  const parsed = loginAnswerSchema.safeParse(body);
  // No detail from the parser: the body carries the CSRF token.
  if (!parsed.success)
    throw new ExchangeError('exchange.unexpected_body', 'The exchange accepted the login but its answer is not a Barong user.', { status: 200 });
  const { csrf_token: csrfToken, ...user } = parsed.data;
  return { user, csrfToken };
}

/** What the app reads of identity/configs; each field is undefined when absent or malformed. */
export interface ExchangeConfigs {
  /** `session_expire_time`: the idle session expiry, in seconds. */
  idleExpirySeconds: number | undefined;
  /** `captcha_type`: `none`, or the captcha the login form of the exchange shows (`recaptcha`, `geetest`). */
  captchaType: string | undefined;
}

// Untrusted input: each field is read on its own, so one malformed field does not hide the other.
const configsSchema = z.object({
  session_expire_time: z.coerce.number().int().positive().optional().catch(undefined),
  captcha_type: z.string().max(64).optional().catch(undefined),
});

/** The fields of an identity/configs answer the app uses; undefined when the body is not an object. */
export function parseConfigs(body: unknown): ExchangeConfigs | undefined {
  const parsed = configsSchema.safeParse(body);
  if (!parsed.success) return undefined;
  return { idleExpirySeconds: parsed.data.session_expire_time, captchaType: parsed.data.captcha_type };
}
