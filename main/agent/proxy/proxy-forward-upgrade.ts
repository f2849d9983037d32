import type { IncomingMessage } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { pipeline } from 'node:stream';
import type { AuthHeaders } from '../../../app/barong/auth-headers';
import { closingHeaders, upstreamHeaders } from './proxy-headers';
import type { ProxyRefusal } from './proxy-refusal';
import { answerRefusalOnSocket } from './proxy-refusal';
import type { Upstream } from './proxy-upstream';
import { upstreamFailure } from './proxy-upstream';

const statusHead = (status: number, rawHeaders: readonly string[]): string => {
  const lines = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`];
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) lines.push(`${rawHeaders[index]}: ${rawHeaders[index + 1]}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
};

/** Two sockets piped both ways; when either ends, the end is passed on, and when either closes or fails, both close. */
function join(caller: Duplex, exchange: Duplex): void {
  caller.pipe(exchange).pipe(caller);
  const closeBoth = () => {
    caller.destroy();
    exchange.destroy();
  };
  for (const socket of [caller, exchange]) socket.on('error', closeBoth).on('close', closeBoth);
}

/**
 * A WebSocket to the exchange's private stream, opened with the proxy's signed headers. The
 * handshake's answer (101 and its Sec-WebSocket-Accept) comes from the exchange and is passed on
 * as it is; after it the proxy only moves bytes, so frames, masking and extensions stay between
 * the program and the exchange. `opened` hears of the exchange's socket, so the proxy can close it.
 */
export function forwardUpgrade(
  incoming: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  request: { path: string; auth: AuthHeaders; upgrade: string },
  upstream: Upstream,
  hooks: { onFailure(refusal: ProxyRefusal): void; opened(exchange: Duplex): void },
): void {
  const outgoing = upstream.request({
    method: 'GET',
    path: request.path,
    headers: upstreamHeaders(incoming.rawHeaders, { host: upstream.host, auth: request.auth, upgrade: request.upgrade }),
  });
  let settled = false;
  socket.on('close', () => {
    if (!settled) outgoing.destroy();
  });
  outgoing.on('upgrade', (answer, exchange, exchangeHead) => {
    settled = true;
    // The timeout was for the handshake; a quiet stream is a normal stream.
    exchange.setTimeout(0);
    hooks.opened(exchange);
    socket.write(statusHead(answer.statusCode ?? 101, answer.rawHeaders));
    if (exchangeHead.length > 0) socket.write(exchangeHead);
    if (head.length > 0) exchange.write(head);
    join(socket, exchange);
  });
  // The exchange refused the upgrade (a 401 with its errors, say): that answer is the caller's.
  outgoing.on('response', (answer) => {
    settled = true;
    socket.write(statusHead(answer.statusCode ?? 502, closingHeaders(answer.rawHeaders)));
    pipeline(answer, socket, () => socket.destroy());
  });
  outgoing.on('error', (error) => {
    if (settled || socket.destroyed) return;
    settled = true;
    const refusal = upstreamFailure(error, upstream);
    answerRefusalOnSocket(socket, refusal);
    hooks.onFailure(refusal);
  });
  outgoing.end();
}
