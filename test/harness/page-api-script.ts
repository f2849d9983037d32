import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const API_ENTRY = fileURLToPath(new URL('./page-api-entry.ts', import.meta.url));

/**
 * A page-side entry and what it imports as one classic script, for page.addInitScript: init
 * scripts are injected by the browser, so the CSP does not apply to them, while the app's own
 * script still needs 'self'. Built by Vite because the entry imports modules, and because a function
 * handed to the page is whatever the runner made of it (tsx wraps inner functions in a `__name`
 * helper that the page does not have).
 */
export async function pageScript(entry: string): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      lib: { entry, formats: ['iife'], name: 'barongHarnessPageScript' },
    },
  });
  const [result] = Array.isArray(output) ? output : [output];
  if (!result || !('output' in result)) throw new Error(`Vite did not return the page script ${entry}.`);
  const chunk = result.output.find((file) => file.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error(`The page script build of ${entry} produced no JavaScript.`);
  return chunk.code;
}

/** page-api-entry.ts with buildApi and the contract: the page's `window.api`. */
export const pageApiScript = (): Promise<string> => pageScript(API_ENTRY);
