import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSignedCommand } from '../../app/commands/render';
import { requestBody } from '../../app/commands/request';
import type { SignedRequest } from '../../app/commands/request';
import { startEchoServer } from '../support/echo-server';
import type { EchoServer, RecordedRequest } from '../support/echo-server';
import { signedRequest } from '../support/request-arbitraries';
import { runShell } from '../support/run-shell';

// A path prefix on the base URL, to check that it is kept in front of the request path.
const PREFIX = '/api/v2';
// httpie reads a backslash before : ; = @ as an escape, so it refuses such key ids (see httpie.ts).
const HTTPIE_UNWRITABLE = /(?<!\\)(?:\\\\)*\\[:;=@]/;

// Each http run costs ~0.3 s of CPU, and well over a second on a busy 2-core machine: if a property
// fails, stop shrinking in time to report it rather than hit the test timeout. Running out of time
// is a failure too, so the run counts leave room: a property cut short did not check what it promised.
const SPAWNING = { interruptAfterTimeLimit: 40_000, markInterruptAsFailure: true } as const;
const TIMEOUT_MS = 60_000;

let server: EchoServer;
beforeAll(async () => {
  server = await startEchoServer();
});
afterAll(() => server.close());

async function send(text: string): Promise<RecordedRequest> {
  const run = await runShell('bash', text);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const requests = server.take();
  expect(requests).toHaveLength(1);
  return requests[0] as RecordedRequest;
}

/** Asserts that `arrived` is `request`, decoded; the body is compared as bytes or as JSON. */
function expectArrived(arrived: RecordedRequest, request: SignedRequest, bodyAs: 'bytes' | 'json'): void {
  expect(arrived.method).toBe(request.method);
  expect(arrived.rawPath.split('/').map(decodeURIComponent)).toEqual(`${PREFIX}${request.path}`.split('/'));
  expect([...new URLSearchParams(arrived.rawQuery)]).toEqual(request.query);
  expect(arrived.headers['x-auth-apikey']).toBe(request.headers['X-Auth-Apikey']);
  expect(arrived.headers['x-auth-nonce']).toBe(request.headers['X-Auth-Nonce']);
  expect(arrived.headers['x-auth-signature']).toBe(request.headers['X-Auth-Signature']);
  const body = requestBody(request);
  if (body === undefined) {
    expect(arrived.body.length).toBe(0);
    return;
  }
  expect(arrived.headers['content-type']).toBe('application/json');
  if (bodyAs === 'bytes') expect(arrived.body.toString('hex')).toBe(Buffer.from(body).toString('hex'));
  else expect(JSON.parse(arrived.body.toString('utf8'))).toEqual(JSON.parse(body));
}

describe('signed commands run by the real programs against a loopback server', () => {
  it(
    'curl: method, path, query, headers and the exact body bytes arrive',
    async () => {
      await fc.assert(
        fc.asyncProperty(signedRequest(`${server.url}${PREFIX}`), async (request) => {
          const { text } = renderSignedCommand('curl', request, 5000);
          expectArrived(await send(text), request, 'bytes');
        }),
        { ...SPAWNING, numRuns: 40 },
      );
    },
    TIMEOUT_MS,
  );

  // httpie serialises fields itself (json.dumps: other spacing, \u escapes), so such bodies are
  // compared as JSON; a body sent with --raw must arrive byte for byte. The query arrives in the
  // given order: where httpie would regroup repeated names, the renderer puts it in the URL.
  it(
    'httpie: method, path, query in order, headers and the body arrive',
    async () => {
      await fc.assert(
        fc.asyncProperty(signedRequest(`${server.url}${PREFIX}`), async (request) => {
          fc.pre(!HTTPIE_UNWRITABLE.test(request.headers['X-Auth-Apikey']));
          const { text } = renderSignedCommand('httpie', request, 5000);
          expectArrived(await send(text), request, text.startsWith('http --ignore-stdin --raw=') ? 'bytes' : 'json');
        }),
        { ...SPAWNING, numRuns: 12 },
      );
    },
    TIMEOUT_MS,
  );

  it('httpie: repeated query names keep their order, fields with awkward names and values arrive', async () => {
    const request: SignedRequest = {
      baseUrl: `${server.url}${PREFIX}`,
      method: 'POST',
      path: '/orders',
      query: [
        ['a', '1'],
        ['b', '2'],
        ['a', '3'],
      ],
      body: { market: 'btc:usd', note: '=@x', path: 'C:\\tmp\\', odd: 'a\\:b', even: 'a\\\\:b', n: 7, '-flag': true },
      headers: { 'X-Auth-Apikey': '=kid\\x', 'X-Auth-Nonce': '1700000000000', 'X-Auth-Signature': 'f'.repeat(64) },
    };
    const { text } = renderSignedCommand('httpie', request, 5000);
    expect(text).not.toContain('--raw');
    expectArrived(await send(text), request, 'json');
  });

  // What the signer shows with "one argument per line", pasted into a shell: the continuations keep it one command.
  it(
    'one argument per line: curl and httpie with backslash continuations run as the one-line command does, in sh and bash',
    async () => {
      await fc.assert(
        fc.asyncProperty(signedRequest(`${server.url}${PREFIX}`), fc.constantFrom('sh' as const, 'bash' as const), async (request, shell) => {
          fc.pre(!HTTPIE_UNWRITABLE.test(request.headers['X-Auth-Apikey']));
          const curl = renderSignedCommand('curl', request, 5000, 'one-per-line').text;
          expect(curl.split('\n').length).toBeGreaterThan(3);
          expect(
            curl
              .split('\n')
              .slice(0, -1)
              .every((line) => line.endsWith(' \\')),
          ).toBe(true);
          const ran = await runShell(shell, curl);
          expect(ran.code, ran.stderr).toBe(0);
          expectArrived(server.take()[0] as RecordedRequest, request, 'bytes');
          const httpie = renderSignedCommand('httpie', request, 5000, 'one-per-line').text;
          const viaHttpie = await runShell(shell, httpie);
          expect(viaHttpie.code, viaHttpie.stderr).toBe(0);
          expectArrived(server.take()[0] as RecordedRequest, request, httpie.startsWith('http --ignore-stdin \\\n  --raw=') ? 'bytes' : 'json');
        }),
        { ...SPAWNING, numRuns: 8 },
      );
    },
    TIMEOUT_MS,
  );
});
