import { RENDERER_GZIP_TARGET_BYTES, rendererJsGzipBytes } from './renderer-size';

const bytes = rendererJsGzipBytes();
const met = bytes < RENDERER_GZIP_TARGET_BYTES;
console.log(`renderer JavaScript: ${(bytes / 1024).toFixed(1)} KB gzipped (target < ${RENDERER_GZIP_TARGET_BYTES / 1024} KB: ${met ? 'met' : 'MISSED'})`);
