import { z } from 'zod';
import type { ErrorCode } from '../errors/codes';

/**
 * How every channel answers. Errors are values, not rejections: an Error thrown through IPC
 * arrives as a string with Electron's prefix and loses its code.
 */
export const errorSchema = z.strictObject({
  /** Stable: one of app/errors/codes.ts (`input.invalid`, `vault.locked`), or Barong's own code unchanged. */
  code: z.string().max(200),
  /** In words for the trader; never carries a secret. */
  message: z.string().max(2000),
  /** The next step, from the error catalogue, when there is one. */
  action: z.string().max(2000).optional(),
  /** The exchange's HTTP status, when the exchange answered. */
  status: z.number().int().optional(),
  /** For vault.throttled: how long until the next try is allowed. */
  retryAfterMs: z.number().optional(),
});
export type ErrorInfo = z.infer<typeof errorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export const resultSchema = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [z.strictObject({ ok: z.literal(true), value }), z.strictObject({ ok: z.literal(false), error: errorSchema })]);

/** The codes the bridge itself answers with; every other code comes from the backend's pieces. */
export const BRIDGE_ERROR_CODES = {
  inputInvalid: 'input.invalid',
  internal: 'internal',
  senderRefused: 'ipc.sender_refused',
} as const satisfies Record<string, ErrorCode>;
