import type { CODE_PURPOSES } from '../../app/contract/records';
import { ExchangeError } from '../barong/exchange-error';
import type { CodeOptions } from '../barong/session/barong-session';
import type { EmitEvent } from './backend-parts';

export const CODE_NEEDED = { status: 'code_needed' } as const;

/**
 * Runs an operation that may need a 2FA code. A code the trader typed is handed over when asked
 * for; with none and no stored seed, the answer is `code_needed` and the renderer calls again
 * with one. While a stored seed's next period is awaited, the seconds left go out as events.
 */
export async function withTwoFactor<T>(
  emit: EmitEvent,
  context: { accountId: string; purpose: (typeof CODE_PURPOSES)[number]; code: string | undefined },
  run: (options: CodeOptions) => Promise<T>,
): Promise<T | typeof CODE_NEEDED> {
  const { accountId, purpose, code } = context;
  const options: CodeOptions = {
    onWait: (secondsLeft) => emit('exchange.codeWait', { accountId, purpose, secondsLeft }),
    ...(code === undefined ? {} : { askCode: async () => code }),
  };
  try {
    return await run(options);
  } catch (error) {
    if (error instanceof ExchangeError && error.code === 'session.code_needed') return CODE_NEEDED;
    throw error;
  }
}
