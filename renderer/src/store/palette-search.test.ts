import { describe, expect, it } from 'vitest';
import { PALETTE_LIMIT, paletteSearch } from './palette-search';

const accounts = [
  { id: 'a1', name: 'Sandbox', baseUrl: 'http://127.0.0.1:4000', keys: [{ kid: '61D025b8573501c2', label: 'Market maker' }] },
  { id: 'a2', name: 'Main exchange', baseUrl: 'https://main.example', keys: [{ kid: 'ab12cd34ef56ab78', label: 'Sandbox hedger' }] },
];

describe('the palette search', () => {
  it('lists the accounts when nothing is typed', () => {
    expect(paletteSearch(accounts)('  ').map((entry) => entry.kind === 'account' && entry.name)).toEqual(['Sandbox', 'Main exchange']);
  });

  it('finds accounts by name or host, then keys by label anywhere, case-insensitive', () => {
    const found = paletteSearch(accounts)('SANDBOX');
    expect(found).toEqual([
      { kind: 'account', accountId: 'a1', name: 'Sandbox', host: '127.0.0.1:4000' },
      { kind: 'key', accountId: 'a2', accountName: 'Main exchange', kid: 'ab12cd34ef56ab78', label: 'Sandbox hedger' },
    ]);
    expect(paletteSearch(accounts)('main.example')).toHaveLength(1);
  });

  it('finds a key by the start of its kid, not by its middle', () => {
    expect(paletteSearch(accounts)('61d0')).toMatchObject([{ kind: 'key', kid: '61D025b8573501c2' }]);
    expect(paletteSearch(accounts)('573501')).toEqual([]);
  });

  it(`stops at ${PALETTE_LIMIT} results`, () => {
    const many = [
      { id: 'm', name: 'Many', baseUrl: 'https://many.example', keys: Array.from({ length: 200 }, (_, n) => ({ kid: `k${n}`, label: `bot ${n}` })) },
    ];
    expect(paletteSearch(many)('bot')).toHaveLength(PALETTE_LIMIT);
  });
});
