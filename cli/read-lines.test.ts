import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './io';
import { readValues } from './read-lines';

const PASSPHRASE = 'correct horse battery staple';
const SECRET = '2d0b4979c7fe6986daa8e21d1dc0644f';

/** Standard input as a pipe (or, with `terminal`, as a terminal in raw mode), fed `chunks`; stderr collected. */
function ioWith(chunks: string[], terminal = false) {
  const stdin = Object.assign(new PassThrough(), terminal ? { isTTY: true, rawModes: [] as boolean[] } : {});
  if (terminal) Object.assign(stdin, { setRawMode: (raw: boolean) => (stdin as unknown as { rawModes: boolean[] }).rawModes.push(raw) });
  chunks.forEach((chunk) => stdin.write(chunk));
  stdin.end();
  let stderr = '';
  const io: CliIo = { env: {}, stdin, stdout: { write: () => true }, stderr: { write: (text: string) => (stderr += text) } };
  return { io, stderr: () => stderr, rawModes: () => (stdin as unknown as { rawModes: boolean[] }).rawModes };
}

const failure = async (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('resolved'),
    (error: unknown) => error as { code: string; message: string },
  );

describe('values from a pipe, one per line', () => {
  it('reads them in order, a CRLF or a missing last line break aside, whatever the chunks', async () => {
    const { io, stderr } = ioWith([`${PASSPHRASE.slice(0, 5)}`, `${PASSPHRASE.slice(5)}\r\n${SECRET.slice(0, 3)}`, SECRET.slice(3)]);
    const values = readValues(io);
    expect(await values.next('vault passphrase')).toBe(PASSPHRASE);
    expect(await values.next('API secret')).toBe(SECRET);
    values.close();
    expect(stderr()).toBe('');
  });

  it('keeps spaces and an empty line as they are: the command judges the value', async () => {
    const values = readValues(ioWith([' spaced out \n\nlast\n']).io);
    expect([await values.next('a'), await values.next('b'), await values.next('c')]).toEqual([' spaced out ', '', 'last']);
  });

  it('names the missing value, and quotes none it read', async () => {
    const values = readValues(ioWith([`${PASSPHRASE}\n`]).io);
    await values.next('vault passphrase');
    const error = await failure(values.next('API secret'));
    expect(error).toMatchObject({ code: 'usage', message: 'No API secret on standard input: give the values one per line (see --help).' });
  });

  it('refuses a line longer than any value, without quoting it', async () => {
    const error = await failure(readValues(ioWith(['x'.repeat(20_000)]).io).next('API secret'));
    expect(error.code).toBe('usage');
    expect(error.message).not.toContain('xxx');
  });

  it('takes a new passphrase twice and refuses two that differ', async () => {
    expect(await readValues(ioWith([`${PASSPHRASE}\n${PASSPHRASE}\n`]).io).newPassphrase('new vault passphrase')).toBe(PASSPHRASE);
    const error = await failure(readValues(ioWith([`${PASSPHRASE}\n${PASSPHRASE}!\n`]).io).newPassphrase('new vault passphrase'));
    expect(error).toMatchObject({ code: 'vault.passphrases_differ', message: 'The two new vault passphrases differ: nothing was created.' });
  });
});

describe('values typed at a terminal', () => {
  it('asks on stderr, echoes nothing of what is typed, and leaves raw mode after each value', async () => {
    const { io, stderr, rawModes } = ioWith([`${PASSPHRASE}\r`, `${SECRET}\r`], true);
    const values = readValues(io);
    expect(await values.next('vault passphrase')).toBe(PASSPHRASE);
    expect(await values.next('API secret')).toBe(SECRET);
    expect(stderr()).toBe('Vault passphrase: \nAPI secret: \n');
    expect(rawModes()).toEqual([true, false, true, false]);
  });

  it('takes Backspace, Ctrl-U and arrow keys as editing, and a paste of two lines as two values', async () => {
    const values = readValues(ioWith(['pass', '\u007f\u007fss\u001b[D', `word\u0015${PASSPHRASE}\r${SECRET}\r`], true).io);
    expect(await values.next('vault passphrase')).toBe(PASSPHRASE);
    expect(await values.next('API secret')).toBe(SECRET);
  });

  it('asks twice for a new passphrase, and refuses two that differ', async () => {
    const { io, stderr } = ioWith([`${PASSPHRASE}\r`, `${PASSPHRASE} \r`], true);
    const error = await failure(readValues(io).newPassphrase('new vault passphrase'));
    expect(error.code).toBe('vault.passphrases_differ');
    expect(stderr()).toBe('New vault passphrase: \nNew vault passphrase again: \n');
  });

  it('stops at Ctrl-C, or Ctrl-D on an empty line, leaving raw mode', async () => {
    for (const typed of ['xyzw\u0003', '\u0004']) {
      const { io, stderr, rawModes } = ioWith([typed], true);
      expect(await failure(readValues(io).next('API secret'))).toMatchObject({ code: 'usage', message: 'Cancelled: nothing was changed.' });
      expect(rawModes()).toEqual([true, false]);
      expect(stderr()).not.toContain('xyzw');
    }
  });
});
