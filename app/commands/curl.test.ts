import { describe, expect, it } from 'vitest';
import { renderCurl } from './curl';
import { balancesRequest } from '../../test/support/balances-request';

const HEADERS = `-H 'X-Auth-Apikey: 61d025b8573501c2' -H 'X-Auth-Nonce: 1584524005143' -H 'X-Auth-Signature: ${'5'.repeat(64)}'`;

const request = balancesRequest;

describe('renderCurl', () => {
  it('writes a GET with the encoded query in the URL', () => {
    expect(
      renderCurl(
        request({
          query: [
            ['currency', 'btc'],
            ['note', "it's [1]"],
          ],
        }),
      ),
    ).toBe(`curl -sS -X GET 'https://exchange.example/api/v2/peatio/account/balances?currency=btc&note=it%27s%20%5B1%5D' ${HEADERS}`);
  });

  it('sends a JSON body with --data-raw and a Content-Type', () => {
    expect(renderCurl(request({ method: 'POST', path: '/orders', body: { market: 'btcusd', note: "O'Brien" } }))).toBe(
      `curl -sS -X POST 'https://exchange.example/orders' ${HEADERS} -H 'Content-Type: application/json' --data-raw '{"market":"btcusd","note":"O'\\''Brien"}'`,
    );
  });

  it('turns URL globbing off only where the URL has brackets or braces', () => {
    expect(renderCurl(request({ baseUrl: 'http://[::1]:8080' }))).toMatch(/^curl -sS --globoff -X GET 'http:\/\/\[::1\]:8080\//);
    expect(renderCurl(request())).not.toContain('--globoff');
  });
});
