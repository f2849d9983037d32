import { peatioPaths } from '../../../app/barong/paths';
import { balancesSchema } from '../../../app/domain/balances';
import type { Balance } from '../../../app/domain/balances';
import { ExchangeError } from '../exchange-error';
import { runSignedRequest } from './run-signed-request';
import type { RunnerContext } from './run-signed-request';

export type KeyTestResult = { ok: true; balances: Balance[]; totalMs: number } | { ok: false; error: ExchangeError };

/**
 * Tries a key with the cheapest private call there is, a signed GET of the balances: it proves
 * the kid, the secret, the key's state, the clock and the owner's account in one go. Failures
 * that are not the exchange's answer (a locked vault, an unknown key id) are thrown.
 */
export async function testKey(context: RunnerContext, keyId: string, signal?: AbortSignal): Promise<KeyTestResult> {
  try {
    const answer = await runSignedRequest(context, { keyId, method: 'GET', path: peatioPaths.balances, ...(signal ? { signal } : {}) });
    const balances = balancesSchema.safeParse(answer.body);
    if (!balances.success) {
      return {
        ok: false,
        error: new ExchangeError('exchange.unexpected_body', 'The exchange answered the balances in an unexpected shape.', { status: answer.status }),
      };
    }
    return { ok: true, balances: balances.data, totalMs: answer.totalMs };
  } catch (error) {
    if (error instanceof ExchangeError) return { ok: false, error };
    throw error;
  }
}
