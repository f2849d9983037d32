import { readFile, realpath } from 'node:fs/promises';
import { extname } from 'node:path';
import { contentSecurityPolicy } from './content-security-policy';
import { isInside, resolveAppUrl } from './app-url-resolver';

// Module scripts are refused unless served with a JavaScript type, and nosniff makes every other
// type binding too, so the table names each kind of file the renderer build emits.
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** The headers of every answer, errors included, so that no document of the app runs without the CSP. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
}

/**
 * Answers one request of the app protocol from the built renderer folder. Symbolic links are
 * followed and the real path checked again, so a link in the folder cannot serve a file outside it.
 */
export async function serveAppRequest(request: Request, rootDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'Method Not Allowed');
  const file = resolveAppUrl(request.url, rootDir);
  if (file === null) return refusal(404, 'Not Found');
  try {
    const realFile = await realpath(file);
    if (!isInside(await realpath(rootDir), realFile)) return refusal(404, 'Not Found');
    const body = await readFile(realFile);
    const type = CONTENT_TYPES[extname(realFile).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: appResponseHeaders(type) });
  } catch (error) {
    if (isMissingFile(error)) return refusal(404, 'Not Found');
    throw error;
  }
}

function refusal(status: number, text: string): Response {
  return new Response(text, { status, headers: appResponseHeaders('text/plain; charset=utf-8') });
}

function isMissingFile(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}
