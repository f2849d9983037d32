import { STATUS_CODES } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { wordsOf } from '../../../app/errors/codes';
import type { ErrorCode } from '../../../app/errors/codes';

/** A request the proxy does not forward: the HTTP status, a stable code and words for whoever runs the program. */
export interface ProxyRefusal {
  status: number;
  code: string;
  message: string;
}

export const proxyRefusal = (status: number, code: ErrorCode, message: string = wordsOf(code)): ProxyRefusal => ({ status, code, message });

/** Barong's error shape, so that a client that reads `errors` reads these too, with the words beside it. */
const bodyOf = (refusal: ProxyRefusal): string => JSON.stringify({ errors: [refusal.code], message: refusal.message });

const headersOf = (body: string): Record<string, string> => ({
  'Content-Type': 'application/json; charset=utf-8',
  'Content-Length': String(Buffer.byteLength(body)),
  'Cache-Control': 'no-store',
});

const reasonOf = (status: number): string => STATUS_CODES[status] ?? 'Refused';

export function answerRefusal(response: ServerResponse, refusal: ProxyRefusal): void {
  const body = bodyOf(refusal);
  // Named every time: a writeHead that failed earlier leaves its reason behind for the next one.
  response.writeHead(refusal.status, reasonOf(refusal.status), headersOf(body)).end(body);
}

/** For an upgrade request, which has a socket and no response object: the answer is written raw and the connection ends. */
export function answerRefusalOnSocket(socket: Duplex, refusal: ProxyRefusal): void {
  const body = bodyOf(refusal);
  const lines = [`HTTP/1.1 ${refusal.status} ${reasonOf(refusal.status)}`, ...Object.entries(headersOf(body)).map(([name, value]) => `${name}: ${value}`)];
  socket.end(`${lines.join('\r\n')}\r\nConnection: close\r\n\r\n${body}`);
}
