import { StringDecoder } from 'node:string_decoder';
import { AppError } from '../app/app-error';
import type { CliIo } from './io';

/** Longer than any value a command asks for (a passphrase or a secret is at most 1024 characters): more is not a value. */
const MAX_LINE_CHARS = 16 * 1024;

/**
 * The values a command asks for (passphrases, secrets), in a fixed order: from standard input one
 * per line, or, when it is a terminal, typed without echo after a prompt on stderr. A value is
 * never written anywhere, nor quoted in an error.
 */
export interface ValueReader {
  /** The next value; `what` names it in the prompt and in the error when it is missing ("vault passphrase"). */
  next(what: string): Promise<string>;
  /** A new passphrase, asked twice, so that a typing mistake does not lock the owner out; vault.passphrases_differ otherwise. */
  newPassphrase(what: string): Promise<string>;
  /** Stops reading standard input, so that the program can end. */
  close(): void;
}

interface TerminalInput {
  isTTY: true;
  setRawMode(raw: boolean): unknown;
}

const isTerminal = (stdin: CliIo['stdin']): stdin is CliIo['stdin'] & TerminalInput =>
  stdin.isTTY === true && typeof (stdin as Partial<TerminalInput>).setRawMode === 'function';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function readValues(io: CliIo): ValueReader {
  // Made at the first read: until then the stream is left alone (and Node does not even build process.stdin).
  let chunks: AsyncIterator<Buffer | string> | undefined;
  const decoder = new StringDecoder('utf8');
  // Read but not yet used: a paste or a pipe may carry several values at once.
  let pending = '';
  let ended = false;

  const more = async (): Promise<boolean> => {
    if (ended) return false;
    chunks ??= io.stdin[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
    const chunk = await chunks.next();
    if (chunk.done) {
      ended = true;
      pending += decoder.end();
      return false;
    }
    pending += typeof chunk.value === 'string' ? chunk.value : decoder.write(chunk.value);
    return true;
  };

  const fromPipe = async (what: string): Promise<string> => {
    for (;;) {
      const newline = pending.indexOf('\n');
      if (newline >= 0) {
        const line = pending.slice(0, newline).replace(/\r$/, '');
        pending = pending.slice(newline + 1);
        return line;
      }
      if (pending.length > MAX_LINE_CHARS) throw new AppError('usage', `The ${what} on standard input is longer than any value taken.`);
      if (!(await more())) {
        if (pending === '') throw new AppError('usage', `No ${what} on standard input: give the values one per line (see --help).`);
        const last = pending;
        pending = '';
        return last;
      }
    }
  };

  // Raw mode: the terminal echoes nothing, and each key arrives as typed (Enter, Backspace, Ctrl-C).
  const fromTerminal = async (terminal: TerminalInput, what: string): Promise<string> => {
    io.stderr.write(`${capitalised(what)}: `);
    terminal.setRawMode(true);
    try {
      let value = '';
      for (;;) {
        if (pending === '' && !(await more())) throw new AppError('usage', `No ${what}: standard input ended.`);
        const char = String.fromCodePoint(pending.codePointAt(0) ?? 0);
        pending = pending.slice(char.length);
        if (char === '\r' || char === '\n') return value;
        if (char === '\u0003' || (char === '\u0004' && value === '')) throw new AppError('usage', 'Cancelled: nothing was changed.');
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('');
        else if (char === '\u0015') value = '';
        // An escape sequence (an arrow key: ESC [ D) is none of the value.
        else if (char === '\u001b') pending = pending.replace(/^(?:\[[0-?]*[ -/]*[@-~]|O.)/, '');
        else if (char >= ' ' && value.length < MAX_LINE_CHARS) value += char;
      }
    } finally {
      terminal.setRawMode(false);
      io.stderr.write('\n');
    }
  };

  const next = (what: string) => (isTerminal(io.stdin) ? fromTerminal(io.stdin, what) : fromPipe(what));

  return {
    next,
    async newPassphrase(what) {
      const first = await next(what);
      const again = await next(`${what} again`);
      if (first !== again) throw new AppError('vault.passphrases_differ', `The two ${what}s differ: nothing was created.`);
      return first;
    },
    close() {
      void chunks?.return?.();
    },
  };
}
