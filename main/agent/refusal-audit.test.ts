import { describe, expect, it } from 'vitest';
import { REFUSAL_AUDIT_EVERY_MS, throttledRefusalAudit } from './refusal-audit';

describe('auditing refusals at the doors', () => {
  it('audits the first of each kind, then one per interval that counts the rest', () => {
    let now = 0;
    const rows: string[] = [];
    const audit = throttledRefusalAudit(
      (words) => rows.push(words),
      () => now,
    );
    for (let index = 0; index < 1000; index += 1) audit('token', 'wrong token');
    audit('origin', 'Origin refused');
    expect(rows).toEqual(['wrong token', 'Origin refused']);
    now += REFUSAL_AUDIT_EVERY_MS;
    audit('token', 'wrong token');
    expect(rows).toEqual(['wrong token', 'Origin refused', 'wrong token (and 999 more like it since the last entry)']);
  });
});
