import { barongPaths } from '../../../app/barong/paths';
import { estimateClockOffset, parseHttpDate } from '../../../app/barong/nonce-clock';
import type { ClockOffset } from '../../../app/barong/nonce-clock';
import type { ClockSource } from '../../../app/domain/clock';
import { ExchangeError } from '../exchange-error';
import { ExchangeHttp } from '../exchange-http';
import type { ExchangeHttpOptions } from '../exchange-http';
import { sendHttp } from '../http/send-http';

export interface MeasuredOffset extends ClockOffset {
  source: ClockSource;
}

export interface MeasureOptions {
  /** Round trips to make; the one with the shortest round trip gives the tightest estimate. */
  samples?: number | undefined;
  now?: (() => number) | undefined;
  signal?: AbortSignal | undefined;
}

interface Answered {
  sentAtMs: number;
  receivedAtMs: number;
  dateSeconds: number | undefined;
}

const serverSecondsOf = (body: unknown): number | undefined => {
  const time = typeof body === 'object' && body !== null && 'time' in body ? body.time : undefined;
  return typeof time === 'number' && Number.isFinite(time) && time > 0 ? time : undefined;
};

async function sample(http: ExchangeHttpOptions, now: () => number, signal: AbortSignal | undefined): Promise<MeasuredOffset> {
  const send = http.send ?? sendHttp;
  let answered: Answered | undefined;
  // Timed around the bare HTTP exchange, and the Date header kept even from an answer that
  // ExchangeHttp then turns into an error (a gateway's 404 still tells the time).
  const exchange = new ExchangeHttp({
    ...http,
    send: async (request) => {
      const sentAtMs = now();
      const response = await send(request);
      answered = { sentAtMs, receivedAtMs: now(), dateSeconds: parseHttpDate(String(response.headers.date ?? '')) };
      return response;
    },
  });
  let fromBody: number | undefined;
  let failure: unknown;
  try {
    fromBody = serverSecondsOf((await exchange.request({ method: 'GET', path: barongPaths.time, ...(signal ? { signal } : {}) })).body);
  } catch (error) {
    failure = error;
  }
  if (!answered) throw failure;
  const serverSeconds = fromBody ?? answered.dateSeconds;
  if (serverSeconds === undefined) {
    throw new ExchangeError('clock.no_server_time', 'The exchange answered without telling its time (no identity/time, no Date header).');
  }
  const offset = estimateClockOffset({ sentAtMs: answered.sentAtMs, receivedAtMs: answered.receivedAtMs, serverSeconds });
  return { ...offset, source: fromBody === undefined ? 'date-header' : 'identity/time' };
}

/** Measures how far the exchange's clock is from this computer's (GET identity/time). */
export async function measureClockOffset(http: ExchangeHttpOptions, options: MeasureOptions = {}): Promise<MeasuredOffset> {
  const samples = options.samples ?? 3;
  let best: MeasuredOffset | undefined;
  for (let i = 0; i < samples; i += 1) {
    const next = await sample(http, options.now ?? Date.now, options.signal);
    if (!best || next.roundTripMs < best.roundTripMs) best = next;
  }
  if (!best) throw new RangeError('At least one sample is needed.');
  return best;
}
