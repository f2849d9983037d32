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

const configsSchema = z.object({ session_expire_time: z.coerce.number().int().positive() });

/** `session_expire_time` in seconds from identity/configs, when the exchange gives one. */
export function idleExpirySeconds(body: unknown): number | undefined {
  const parsed = configsSchema.safeParse(body);
  return parsed.success ? parsed.data.session_expire_time : undefined;
}
