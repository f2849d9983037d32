import { describe, expect, it } from 'vitest';
import type { AnswerBody } from '../../../app/agent/wire';
import { answerLine, wireAnswer } from './wire-lines';

const signed: AnswerBody<'sign'> = {
  ok: true,
  type: 'sign',
  headers: { 'X-Auth-Apikey': 'kid', 'X-Auth-Nonce': '1700000000000', 'X-Auth-Signature': 'f'.repeat(64) },
  expiresAtMs: 1_700_000_005_000,
  baseUrl: 'http://127.0.0.1:9',
  decision: { allowed: true, level: 'read', remaining: 5 },
};

describe('the answer as it goes on the wire', () => {
  it("carries the request's id and the wire's version after the body", () => {
    const line = answerLine(42, signed);
    expect(line.endsWith('"v":1,"id":42}\n')).toBe(true);
    expect(JSON.parse(line)).toEqual({ ...signed, v: 1, id: 42 });
  });

  it('lets no body stand in for the version or the id', () => {
    // A body is the service's; whatever it says, the transport's version and the request's id win.
    const forged = { ...signed, v: 2, id: 'forged' } as unknown as AnswerBody;
    expect(wireAnswer(7, forged)).toMatchObject({ v: 1, id: 7 });
    const withoutId = JSON.parse(answerLine(undefined, forged)) as Record<string, unknown>;
    expect(withoutId.v).toBe(1);
    expect('id' in withoutId).toBe(false);
  });

  it('has no id key at all when neither the request nor the body has one', () => {
    expect(Object.keys(wireAnswer(undefined, signed))).not.toContain('id');
    expect(Object.keys(wireAnswer('a', signed)).slice(-2)).toEqual(['v', 'id']);
  });

  it('leaves the body as it was', () => {
    const before = structuredClone(signed);
    wireAnswer(3, signed);
    expect(signed).toEqual(before);
  });
});
