import { AppError } from '../../app/app-error';
import { barongPaths } from '../../app/barong/paths';
import { estimateClockOffset, parseHttpDate } from '../../app/barong/nonce-clock';
import type { ClockOffset } from '../../app/barong/nonce-clock';

export interface ClockSyncOptions {
  fetch?: typeof globalThis.fetch;
  now?: () => number;
  /** Round trips to make; the one with the shortest round trip gives the tightest estimate. */
  samples?: number;
  timeoutMs?: number;
}

export interface MeasuredOffset extends ClockOffset {
  /** Where the server's seconds came from: the time endpoint, or the Date header when it has none. */
  source: 'identity/time' | 'date-header';
}

const serverSecondsOf = (body: unknown): number | undefined => {
  const time = typeof body === 'object' && body !== null && 'time' in body ? body.time : undefined;
  return typeof time === 'number' && Number.isFinite(time) && time > 0 ? time : undefined;
};

async function sample(url: string, options: Required<ClockSyncOptions>): Promise<MeasuredOffset> {
  const sentAtMs = options.now();
  let response: Response;
  try {
    response = await options.fetch(url, { signal: AbortSignal.timeout(options.timeoutMs), redirect: 'error' });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    throw timedOut
      ? new AppError('network.timeout', `The exchange did not answer within ${options.timeoutMs / 1000} s.`)
      : new AppError('network.unreachable', `Could not reach ${new URL(url).host}: check the address and the connection.`);
  }
  const receivedAtMs = options.now();
  const body: unknown = await response.json().catch(() => undefined);
  const fromBody = response.ok ? serverSecondsOf(body) : undefined;
  const fromHeader = parseHttpDate(response.headers.get('date') ?? '');
  const serverSeconds = fromBody ?? fromHeader;
  if (serverSeconds === undefined) {
    throw new AppError('clock.no_server_time', 'The exchange answered without telling its time (no identity/time, no Date header).');
  }
  return { ...estimateClockOffset({ sentAtMs, receivedAtMs, serverSeconds }), source: fromBody === undefined ? 'date-header' : 'identity/time' };
}

/** Measures how far the exchange's clock is from this computer's (GET identity/time). */
export async function measureClockOffset(baseUrl: string, options: ClockSyncOptions = {}): Promise<MeasuredOffset> {
  const settings: Required<ClockSyncOptions> = {
    fetch: options.fetch ?? globalThis.fetch,
    now: options.now ?? Date.now,
    samples: options.samples ?? 3,
    timeoutMs: options.timeoutMs ?? 10_000,
  };
  const url = `${baseUrl.replace(/\/+$/, '')}${barongPaths.time}`;
  let best: MeasuredOffset | undefined;
  for (let i = 0; i < settings.samples; i += 1) {
    const next = await sample(url, settings);
    if (!best || next.roundTripMs < best.roundTripMs) best = next;
  }
  if (!best) throw new RangeError('At least one sample is needed.');
  return best;
}
