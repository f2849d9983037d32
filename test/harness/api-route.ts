import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CHANNEL_NAMES } from '../../app/contract/channels';
import type { ChannelName } from '../../app/contract/channels';
import type { BackendChannels } from '../../main/services/serve-channels';

export const API_PATH = '/api/';
/** backup.import carries up to 64 MB of base64: room for that and the JSON around it. */
export const MAX_API_BODY_BYTES = 70 * 1024 * 1024;
/** What an unknown channel gets, as from the preload's IPC: a typed error, not a failed call. */
export const UNKNOWN_CHANNEL = { ok: false, error: { code: 'ipc.unknown_channel', message: 'No such channel.' } } as const;

export interface ApiRoute {
  channels: BackendChannels;
  /** The bearer token every call must carry; it stays in the test process. */
  token: string;
  /** The renderer's own origin, the only one whose calls are taken. */
  origin: string;
  maxBodyBytes?: number;
}

const isChannel = (name: string): name is ChannelName => (CHANNEL_NAMES as readonly string[]).includes(name);

/**
 * `POST /api/<channel>` with the channel's input as JSON (an empty body for a call without one,
 * since JSON has no undefined), answered with the channel's Result as JSON. The token is checked
 * first, so that a caller without it learns nothing else about the route.
 */
export async function answerApiCall(request: IncomingMessage, response: ServerResponse, route: ApiRoute): Promise<void> {
  if (!carriesToken(request.headers.authorization, route.token)) return refuse(response, 401, 'Unauthorized', { 'WWW-Authenticate': 'Bearer' });
  if (request.headers.origin !== route.origin) return refuse(response, 403, 'Forbidden');
  if (request.method !== 'POST') return refuse(response, 405, 'Method Not Allowed', { Allow: 'POST' });
  const body = await readBody(request, route.maxBodyBytes ?? MAX_API_BODY_BYTES);
  if (body === null) return refuse(response, 413, 'Payload Too Large', { Connection: 'close' });
  let input: unknown;
  try {
    input = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
  } catch {
    return refuse(response, 400, 'Bad Request');
  }
  const channel = channelOf(request.url ?? '');
  const result = channel ? await route.channels[channel](input) : UNKNOWN_CHANNEL;
  response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(result));
}

export const isApiPath = (url: string | undefined): boolean => (url ?? '').startsWith(API_PATH);

function channelOf(url: string): ChannelName | null {
  const { pathname } = new URL(url, 'http://127.0.0.1');
  try {
    const name = decodeURIComponent(pathname.slice(API_PATH.length));
    return isChannel(name) ? name : null;
  } catch {
    return null;
  }
}

// Both sides hashed first: equal lengths for timingSafeEqual, and no early exit on a length.
function carriesToken(authorization: string | undefined, token: string): boolean {
  const given = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1] ?? '';
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(token)) && given.length > 0;
}

// Past the cap the rest is read and dropped rather than the socket cut: a reset could reach the
// caller before the 413 does, and nothing past the cap is kept.
function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const keep = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else drop();
    };
    const drop = () => {
      request.off('data', keep).resume();
      resolve(null);
    };
    request.once('error', reject).once('end', () => resolve(Buffer.concat(chunks)));
    if (Number(request.headers['content-length'] ?? 0) > maxBytes) drop();
    else request.on('data', keep);
  });
}

function refuse(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers }).end(text);
}
