import { describe, expect, it } from 'vitest';
import { closingHeaders, downstreamHeaders, upstreamHeaders } from './proxy-headers';

const auth = { 'X-Auth-Apikey': 'a1b2c3d4e5f60718', 'X-Auth-Nonce': '1700000000000', 'X-Auth-Signature': '5'.repeat(64) };

describe('the headers the signing proxy passes on', () => {
  it('to the exchange: the caller’s end-to-end headers as they came, its Host replaced, its X-Auth dropped, the signed three added', () => {
    const sent = upstreamHeaders(
      [
        'Host',
        '127.0.0.1:4100',
        'X-Auth-Apikey',
        'bogus',
        'x-auth-NONCE',
        '1',
        'X-AUTH-SIGNATURE',
        'f',
        'X-Auth-Extra',
        'e',
        'Accept',
        'a/b',
        'X-Two',
        '1',
        'x-two',
        '2',
        'Content-Length',
        '3',
      ],
      { host: 'exchange.example', auth },
    );
    expect(sent).toEqual([
      'Host',
      'exchange.example',
      'Accept',
      'a/b',
      'X-Two',
      '1',
      'x-two',
      '2',
      'Content-Length',
      '3',
      'X-Auth-Apikey',
      auth['X-Auth-Apikey'],
      'X-Auth-Nonce',
      auth['X-Auth-Nonce'],
      'X-Auth-Signature',
      auth['X-Auth-Signature'],
    ]);
  });

  it('drops hop-by-hop headers and those Connection names, but never the body’s framing', () => {
    const raw = [
      'Connection',
      'keep-alive, X-Mine, Content-Length',
      'connection',
      'Transfer-Encoding',
      'X-Mine',
      'm',
      'Keep-Alive',
      '5',
      'TE',
      'trailers',
      'Trailer',
      'X',
      'Upgrade',
      'h2c',
      'Proxy-Authorization',
      'p',
      'Expect',
      '100-continue',
      'Content-Length',
      '3',
      'Transfer-Encoding',
      'chunked',
    ];
    expect(upstreamHeaders(raw, { host: 'h', auth }).slice(2, -6)).toEqual(['Content-Length', '3', 'Transfer-Encoding', 'chunked']);
    expect(downstreamHeaders(raw)).toEqual(['Expect', '100-continue', 'Content-Length', '3', 'Transfer-Encoding', 'chunked']);
  });

  it('names the upgrade again for the exchange, since Connection and Upgrade are per hop', () => {
    const sent = upstreamHeaders(['Connection', 'Upgrade', 'Upgrade', 'websocket', 'Sec-WebSocket-Key', 'k', 'Sec-WebSocket-Version', '13'], {
      host: 'h',
      auth,
      upgrade: 'websocket',
    });
    expect(sent.slice(0, 6)).toEqual(['Host', 'h', 'Sec-WebSocket-Key', 'k', 'Sec-WebSocket-Version', '13']);
    expect(sent.slice(-4)).toEqual(['Connection', 'Upgrade', 'Upgrade', 'websocket']);
  });

  it('ends a refused upgrade’s answer with the connection, without its own framing', () => {
    expect(closingHeaders(['Content-Type', 'application/json', 'Content-Length', '9', 'Transfer-Encoding', 'chunked', 'Connection', 'keep-alive'])).toEqual([
      'Content-Type',
      'application/json',
      'Connection',
      'close',
    ]);
  });
});
