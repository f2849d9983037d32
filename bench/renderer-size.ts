import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const RENDERER_DIR = 'out/renderer';
export const RENDERER_GZIP_TARGET_BYTES = 150 * 1024;

/** The gzipped size of every JavaScript file of the built renderer, together: what a window loads. */
export function rendererJsGzipBytes(dir = RENDERER_DIR): number {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => /\.m?js$/.test(file));
  if (files.length === 0) throw new Error(`No JavaScript in ${dir}: run npm run build:renderer first.`);
  return files.reduce((total, file) => total + gzipSync(readFileSync(join(dir, file)), { level: 9 }).length, 0);
}
