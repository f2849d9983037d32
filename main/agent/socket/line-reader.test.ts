import { describe, expect, it } from 'vitest';
import { createLineReader } from './line-reader';

function collect(maxLineBytes: number) {
  const lines: string[] = [];
  let tooLong = 0;
  const reader = createLineReader(
    maxLineBytes,
    (line) => lines.push(line.toString('utf8')),
    () => (tooLong += 1),
  );
  return { reader, lines, tooLong: () => tooLong };
}

describe('createLineReader', () => {
  it('gives each line once complete, whatever the chunks it came in', () => {
    const { reader, lines } = collect(100);
    for (const chunk of ['{"a"', ':1}\n{"b":2}\n{', '"c":3', '}\n']) reader.push(Buffer.from(chunk));
    expect(lines).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
    expect(reader.heldBytes).toBe(0);
  });

  it('does not split a multi-byte character cut between chunks', () => {
    const { reader, lines } = collect(100);
    const bytes = Buffer.from('"é"\n');
    reader.push(bytes.subarray(0, 2));
    reader.push(bytes.subarray(2));
    expect(lines).toEqual(['"é"']);
  });

  it('takes a line of exactly the limit and refuses one byte more', () => {
    const exact = collect(10);
    exact.reader.push(Buffer.from(`${'x'.repeat(10)}\n`));
    expect(exact.lines).toEqual(['x'.repeat(10)]);

    const over = collect(10);
    over.reader.push(Buffer.from(`${'x'.repeat(11)}\n`));
    expect(over.lines).toEqual([]);
    expect(over.tooLong()).toBe(1);
  });

  it('refuses a 10 MB line as soon as it passes the limit, holding no more than the limit, and reads nothing after', () => {
    const { reader, lines, tooLong } = collect(64 * 1024);
    reader.push(Buffer.from('{"first":1}\n'));
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let mostHeld = 0;
    for (let sent = 0; sent < 10 * 1024 * 1024; sent += chunk.length) {
      reader.push(chunk);
      mostHeld = Math.max(mostHeld, reader.heldBytes);
    }
    reader.push(Buffer.from('\n{"after":1}\n'));
    expect(lines).toEqual(['{"first":1}']);
    expect(tooLong()).toBe(1);
    expect(mostHeld).toBeLessThanOrEqual(64 * 1024);
    expect(reader.heldBytes).toBe(0);
  });

  it('stops in the middle of a chunk when told to', () => {
    const lines: string[] = [];
    const reader = createLineReader(
      100,
      (line) => {
        lines.push(line.toString());
        reader.stop();
      },
      () => undefined,
    );
    reader.push(Buffer.from('one\ntwo\nthree\n'));
    expect(lines).toEqual(['one']);
  });
});
