const NEWLINE = 0x0a;

export interface LineReader {
  /** Takes the next bytes from the connection; complete lines go to onLine, in order. */
  push(chunk: Buffer): void;
  /** Ignores everything from now on, including lines left in a chunk being read. */
  stop(): void;
  /** Bytes held of the line not yet ended: never more than the longest line. */
  readonly heldBytes: number;
}

/**
 * Splits a byte stream into lines (without their "\n"). A line longer than maxLineBytes is reported
 * once, as soon as it is known to be too long, and the reader stops: none of it is kept, and the
 * rest of the stream is not read, so a client cannot make the agent hold more than one line.
 */
export function createLineReader(maxLineBytes: number, onLine: (line: Buffer) => void, onTooLong: () => void): LineReader {
  let held: Buffer[] = [];
  let heldBytes = 0;
  let stopped = false;

  const stop = () => {
    stopped = true;
    held = [];
    heldBytes = 0;
  };
  const tooLong = () => {
    stop();
    onTooLong();
  };

  const push = (chunk: Buffer) => {
    let start = 0;
    while (!stopped) {
      const end = chunk.indexOf(NEWLINE, start);
      if (end === -1) {
        if (heldBytes + chunk.length - start > maxLineBytes) return tooLong();
        if (start === chunk.length) return;
        // A copy, so that what is held is the line's bytes and not the whole chunk they came in.
        held.push(Buffer.from(chunk.subarray(start)));
        heldBytes += chunk.length - start;
        return;
      }
      if (heldBytes + end - start > maxLineBytes) return tooLong();
      const line = held.length === 0 ? chunk.subarray(start, end) : Buffer.concat([...held, chunk.subarray(start, end)]);
      held = [];
      heldBytes = 0;
      start = end + 1;
      onLine(line);
    }
  };

  return {
    push,
    stop,
    get heldBytes() {
      return heldBytes;
    },
  };
}
