import { isAbsolute, join, relative, sep } from 'node:path';
import { parseAppUrl } from './app-origin';

const ENTRY_FILE = 'index.html';

/**
 * Maps an `app://barong-vault/...` URL to a file inside `rootDir`, or null when the URL must not
 * be served. Each path segment is decoded and checked on its own, so that an encoded separator
 * (`%2f`, `%5c`) or dot segment (`%2e%2e`) cannot turn into a step out of the folder after
 * decoding. Segments with a drive or stream colon, a NUL, or a leading dot are refused too: the
 * built renderer has no such names, and Windows would read them as something other than a file
 * in the folder. Query and fragment are not part of the file.
 */
export function resolveAppUrl(url: string, rootDir: string): string | null {
  const parsed = parseAppUrl(url);
  if (parsed === null) return null;
  if (parsed.pathname === '/' || parsed.pathname === '') return join(rootDir, ENTRY_FILE);

  const segments: string[] = [];
  for (const raw of parsed.pathname.slice(1).split('/')) {
    const segment = decodeSegment(raw);
    if (segment === null || !isPlainFileName(segment)) return null;
    segments.push(segment);
  }
  const file = join(rootDir, ...segments);
  return isInside(rootDir, file) ? file : null;
}

function decodeSegment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

function isPlainFileName(segment: string): boolean {
  return segment !== '' && !segment.startsWith('.') && !/[/\\:\0]/.test(segment);
}

/** The last guard, should a segment check ever miss something: the result must stay under the root. */
export function isInside(rootDir: string, file: string): boolean {
  const path = relative(rootDir, file);
  return path !== '' && !path.startsWith(`..${sep}`) && path !== '..' && !isAbsolute(path);
}
