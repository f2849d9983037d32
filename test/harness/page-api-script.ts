import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ENTRY = fileURLToPath(new URL('./page-api-entry.ts', import.meta.url));

/**
 * page-api-entry.ts and what it imports (buildApi, the contract) as one classic script, for
 * page.addInitScript: init scripts are injected by the browser, so the CSP does not apply to them,
 * while the app's own script still needs 'self'.
 */
export async function pageApiScript(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      lib: { entry: ENTRY, formats: ['iife'], name: 'barongHarnessApi' },
    },
  });
  const [result] = Array.isArray(output) ? output : [output];
  if (!result || !('output' in result)) throw new Error('Vite did not return the harness script.');
  const chunk = result.output.find((file) => file.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('The harness script build produced no JavaScript.');
  return chunk.code;
}
