import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { posixQuote } from '../../app/commands/posix-quote';
import { nastyString } from '../support/request-arbitraries';
import { runShell } from '../support/run-shell';

describe('posixQuote, read back by real shells', () => {
  it.each(['sh', 'bash'] as const)('%s reads any value back as one word, unchanged', async (shell) => {
    await fc.assert(
      fc.asyncProperty(fc.array(nastyString(12), { minLength: 1, maxLength: 4 }), async (values) => {
        // One argument per value: word splitting or a lost quote would change the count.
        const run = await runShell(shell, `printf '<%s>' ${values.map(posixQuote).join(' ')}`);
        expect(run.code).toBe(0);
        expect(run.stdout).toBe(values.map((value) => `<${value}>`).join(''));
      }),
      { numRuns: 100 },
    );
  });
});
