import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { measureClockOffset } from './clock-sync';

// A real HTTP server on loopback whose clock runs `skewMs` ahead of this process.
const servers: Array<{ close(): void }> = [];
async function timeServer(skewMs: number, body: (nowMs: number) => unknown): Promise<string> {
  const server = createServer((request, response) => {
    const nowMs = Date.now() + skewMs;
    response.setHeader('Date', new Date(nowMs).toUTCString());
    response.setHeader('Content-Type', 'application/json');
    response.end(JSON.stringify(body(nowMs)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push({ close: () => server.close() });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(() => {
  servers.splice(0).forEach((server) => server.close());
});

describe('measureClockOffset', () => {
  it.each([0, 3_000, -42_000])('finds a server %i ms ahead within the stated uncertainty', async (skewMs) => {
    const url = await timeServer(skewMs, (nowMs) => ({ time: Math.floor(nowMs / 1000) }));
    const measured = await measureClockOffset(url);
    expect(measured.source).toBe('identity/time');
    expect(Math.abs(measured.offsetMs - skewMs)).toBeLessThanOrEqual(measured.uncertaintyMs);
  });

  it('falls back to the Date header when the body has no time', async () => {
    const url = await timeServer(10_000, () => ({ errors: ['record.not_found'] }));
    const measured = await measureClockOffset(url);
    expect(measured.source).toBe('date-header');
    expect(Math.abs(measured.offsetMs - 10_000)).toBeLessThanOrEqual(measured.uncertaintyMs);
  });

  it('reports an unreachable exchange in words', async () => {
    const url = await timeServer(0, () => ({}));
    servers.splice(0).forEach((server) => server.close());
    await expect(measureClockOffset(url, { samples: 1 })).rejects.toMatchObject({ code: 'network.unreachable' });
  });
});
