import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));

// The renderer build that the app protocol and the browser harness both serve. Relative asset
// paths work under app://barong-vault/ and under the harness's http://127.0.0.1:<port>/ alike.
export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./out/renderer', import.meta.url)),
    emptyOutDir: true,
    // The CSP allows neither inline scripts nor inline styles; data: images are allowed but no
    // asset needs inlining yet, so everything stays a file.
    assetsInlineLimit: 0,
    reportCompressedSize: true,
  },
});
