import { createServer } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { silentLogger } from '../../logging/logger';
import { measureClockOffset } from './measure-offset';

type Answer = (response: ServerResponse, nowMs: number) => void;

// A real HTTP server on loopback whose clock runs `skewMs` ahead of this process.
async function timeServer(skewMs: number, answer: Answer): Promise<string> {
  const server = createServer((_request, response) => {
    const nowMs = Date.now() + skewMs;
    response.setHeader('Date', new Date(nowMs).toUTCString());
    answer(response, nowMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const json =
  (status: number, body: unknown): Answer =>
  (response) => {
    response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  };
const http = (baseUrl: string) => ({ baseUrl, userAgent: 'BarongVaultTests/1', logger: silentLogger });

describe('measureClockOffset', () => {
  it.each([0, 3_000, -42_000])('finds a server %i ms ahead within the stated uncertainty', async (skewMs) => {
    const url = await timeServer(skewMs, (response, nowMs) => json(200, { time: Math.floor(nowMs / 1000) })(response, nowMs));
    const measured = await measureClockOffset(http(url));
    expect(measured.source).toBe('identity/time');
    expect(Math.abs(measured.offsetMs - skewMs)).toBeLessThanOrEqual(measured.uncertaintyMs);
  });

  it('falls back to the Date header when the body has no time', async () => {
    const url = await timeServer(10_000, json(200, { errors: ['record.not_found'] }));
    const measured = await measureClockOffset(http(url));
    expect(measured.source).toBe('date-header');
    expect(Math.abs(measured.offsetMs - 10_000)).toBeLessThanOrEqual(measured.uncertaintyMs);
  });

  it('reads the Date header of a refusal too (a gateway that hides identity/time)', async () => {
    const url = await timeServer(-10_000, json(404, { errors: ['route.not_found'] }));
    const measured = await measureClockOffset(http(url), { samples: 1 });
    expect(measured.source).toBe('date-header');
    expect(Math.abs(measured.offsetMs + 10_000)).toBeLessThanOrEqual(measured.uncertaintyMs);
  });

  it('says so when the exchange tells no time at all', async () => {
    const url = await timeServer(0, (response) => {
      response.sendDate = false;
      response.removeHeader('Date');
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
    await expect(measureClockOffset(http(url), { samples: 1 })).rejects.toMatchObject({ code: 'clock.no_server_time' });
  });

  it('keeps the shortest of the round trips, timed with the clock it is given', async () => {
    const url = await timeServer(0, json(200, { time: 1_700_000_000 }));
    // Each sample reads the clock twice (sent, received): round trips of 900, 100 and 500 ms.
    const readings = [0, 900, 10_000, 10_100, 20_000, 20_500];
    const measured = await measureClockOffset(http(url), { now: () => readings.shift() ?? 0 });
    expect(measured).toEqual({ offsetMs: 1_700_000_000_500 - 10_050, uncertaintyMs: 550, roundTripMs: 100, source: 'identity/time' });
  });

  it('reports a refused connection in words', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await expect(measureClockOffset(http(`http://127.0.0.1:${port}`), { samples: 1 })).rejects.toMatchObject({ code: 'network.refused' });
  });
});
