import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openBackup, sealBackup } from './backup-format';

const FAST = { N: 2 ** 14, r: 8, p: 1 };
const PASSPHRASE = 'backup passphrase for the format tests';
const CREATED_AT = 1_767_225_600_000;
const PAYLOAD = Buffer.from(JSON.stringify({ anything: 'the format does not look inside', n: 42 }));

// The layout as documented, read independently of the code under test.
const PREFIX = 13;
const IV_AND_TAG = 12 + 16;

function layout(file: Buffer) {
  const headerLength = file.readUInt32BE(9);
  const headerEnd = PREFIX + headerLength;
  return { headerLength, headerEnd, header: JSON.parse(file.subarray(PREFIX, headerEnd).toString('utf8')) as Record<string, unknown> };
}

/** The same file with another header (length re-encoded); IV, tag and ciphertext untouched. */
function withHeader(file: Buffer, change: (header: Record<string, unknown>) => Record<string, unknown>): Buffer {
  const { header, headerEnd } = layout(file);
  const headerBytes = Buffer.from(JSON.stringify(change(structuredClone(header))));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);
  return Buffer.concat([file.subarray(0, 9), length, headerBytes, file.subarray(headerEnd)]);
}

function flipBit(bytes: Buffer, index: number, bit: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[index] = (copy[index] ?? 0) ^ (1 << bit);
  return copy;
}

const sealed = (cost = FAST) => sealBackup(PAYLOAD, PASSPHRASE, { cost, now: CREATED_AT });

async function errorCode(file: Buffer, passphrase = PASSPHRASE): Promise<string> {
  try {
    await openBackup(file, passphrase);
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'opened';
}

describe('backup file format', () => {
  it('writes magic, version, a length-prefixed JSON header, IV, tag and ciphertext, and opens again', async () => {
    const file = await sealed();
    expect(file.subarray(0, 8).toString('ascii')).toBe('BVBACKUP');
    expect(file[8]).toBe(1);
    const { header, headerEnd } = layout(file);
    expect(header).toEqual({ formatVersion: 1, createdAt: CREATED_AT, scrypt: { ...FAST, salt: expect.any(String) }, payloadBytes: PAYLOAD.length });
    expect(Buffer.from((header.scrypt as { salt: string }).salt, 'base64')).toHaveLength(16);
    expect(file.length).toBe(headerEnd + IV_AND_TAG + PAYLOAD.length);
    expect(file.includes(PAYLOAD)).toBe(false);
    expect(await openBackup(file, PASSPHRASE)).toEqual(PAYLOAD);
  });

  it('uses a fresh salt and IV for every file', async () => {
    const [first, second] = await Promise.all([sealed(), sealed()]);
    if (!first || !second) throw new Error('two files expected');
    const ivOf = (file: Buffer) => file.subarray(layout(file).headerEnd, layout(file).headerEnd + 12);
    expect(layout(first).header.scrypt).not.toEqual(layout(second).header.scrypt);
    expect(ivOf(first).equals(ivOf(second))).toBe(false);
  });

  it('takes the scrypt cost from the header, so a file keeps opening after the default cost changes', async () => {
    const stronger = { N: 2 ** 15, r: 8, p: 1 };
    const file = await sealed(stronger);
    expect(layout(file).header.scrypt).toMatchObject(stronger);
    expect(await openBackup(file, PASSPHRASE)).toEqual(PAYLOAD);
  });

  it('refuses a wrong passphrase, saying that a changed file looks the same, without quoting it', async () => {
    const wrong = 'not the backup passphrase';
    const failure = await openBackup(await sealed(), wrong).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'backup.wrong_passphrase', message: expect.stringMatching(/wrong backup passphrase.*changed/i) });
    expect((failure as Error).message).not.toContain(wrong);
  });

  it('fails the tag for a flipped bit in the IV, the tag or anywhere in the ciphertext', async () => {
    const file = await sealed();
    const { headerEnd } = layout(file);
    const ciphertextStart = headerEnd + IV_AND_TAG;
    const positions = [
      headerEnd,
      headerEnd + 11,
      headerEnd + 12,
      headerEnd + 27,
      ...Array.from({ length: 8 }, (_, step) => ciphertextStart + Math.floor((step * (file.length - 1 - ciphertextStart)) / 7)),
    ];
    expect(positions.at(-1)).toBe(file.length - 1);
    for (const [index, position] of positions.entries()) {
      expect(await errorCode(flipBit(file, position, index % 8)), `byte ${position}`).toBe('backup.wrong_passphrase');
    }
  });

  it('never opens a file with a flipped bit in the prefix or header: corrupt where it cannot be read, a failed tag where it can', async () => {
    const file = await sealed();
    const { headerEnd } = layout(file);
    const codes = new Map<number, string>();
    for (let position = 0; position < headerEnd; position += 1) codes.set(position, await errorCode(flipBit(file, position, position % 8)));
    expect(new Set(codes.values())).toEqual(new Set(['backup.corrupt', 'backup.wrong_passphrase']));
    for (let position = 0; position < PREFIX; position += 1) expect(codes.get(position), `prefix byte ${position}`).toBe('backup.corrupt');
  });

  it('authenticates the header: a readable but edited header fails the tag', async () => {
    const file = await sealed();
    expect(await errorCode(withHeader(file, (header) => ({ ...header, createdAt: CREATED_AT + 1 })))).toBe('backup.wrong_passphrase');
  });

  it.each([
    ['another format version', (header: Record<string, unknown>) => ({ ...header, formatVersion: 2 })],
    ['a field it does not know', (header: Record<string, unknown>) => ({ ...header, cipher: 'none' })],
    ['no scrypt parameters', (header: Record<string, unknown>) => Object.fromEntries(Object.entries(header).filter(([name]) => name !== 'scrypt'))],
    ['N that is not a power of two', (header: Record<string, unknown>) => ({ ...header, scrypt: { ...(header.scrypt as object), N: 20_000 } })],
    ['N that scrypt refuses for r = 1', (header: Record<string, unknown>) => ({ ...header, scrypt: { ...(header.scrypt as object), N: 2 ** 17, r: 1 } })],
    ['a short salt', (header: Record<string, unknown>) => ({ ...header, scrypt: { ...(header.scrypt as object), salt: 'c2FsdA==' } })],
    ['a salt that is not base64', (header: Record<string, unknown>) => ({ ...header, scrypt: { ...(header.scrypt as object), salt: '!'.repeat(24) } })],
    ['a payload length that does not match', (header: Record<string, unknown>) => ({ ...header, payloadBytes: PAYLOAD.length - 1 })],
  ])('calls a header with %s corrupt, before any key derivation', async (_what, change) => {
    expect(await errorCode(withHeader(await sealed(), change))).toBe('backup.corrupt');
  });

  it('calls every truncation, and extra bytes at the end, corrupt', async () => {
    const file = await sealed();
    for (let length = 0; length < file.length; length += 1) {
      expect(await errorCode(file.subarray(0, length)), `cut at ${length}`).toBe('backup.corrupt');
    }
    expect(await errorCode(Buffer.concat([file, Buffer.of(0)]))).toBe('backup.corrupt');
  });

  it('calls empty, random and wrong-magic files corrupt', async () => {
    const file = await sealed();
    expect(await errorCode(Buffer.alloc(0))).toBe('backup.corrupt');
    expect(await errorCode(randomBytes(file.length))).toBe('backup.corrupt');
    expect(await errorCode(Buffer.concat([file.subarray(0, 9), randomBytes(file.length - 9)]))).toBe('backup.corrupt');
    expect(await errorCode(Buffer.concat([Buffer.from('BVBACKUQ'), file.subarray(8)]))).toBe('backup.corrupt');
    expect(await errorCode(Buffer.from('SQLite format 3\0'))).toBe('backup.corrupt');
  });
});
