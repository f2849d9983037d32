import type { HarnessServer } from './harness-server';

/** A channel call as the page's binding makes it: the answer is the Result as JSON text. */
export type JsonInvoke = (channel: string, input: unknown) => Promise<string>;

/**
 * The test process's side of the page's binding: each call goes to the harness server's API as
 * the renderer's origin, with the bearer token, which therefore never enters the page. The answer
 * goes back as the JSON text, parsed in the page: Playwright carries one string far faster than
 * the object tree of a large answer (the account list naming thousands of keys).
 */
export function invokeOverHttp({ origin, token }: Pick<HarnessServer, 'origin' | 'token'>): JsonInvoke {
  return async (channel, input) => {
    const response = await fetch(`${origin}/api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, Origin: origin, 'Content-Type': 'application/json' },
      body: input === undefined ? '' : JSON.stringify(input),
    });
    // A refusal is the harness's failure, not the app's: the page's call fails as a broken IPC would.
    if (!response.ok) throw new Error(`The harness API answered ${channel} with HTTP ${response.status}.`);
    return response.text();
  };
}
