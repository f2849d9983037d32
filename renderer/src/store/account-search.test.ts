import { describe, expect, it } from 'vitest';
import { accountFilter } from './account-search';

const sandbox = { name: 'Sandbox', baseUrl: 'https://sandbox.example', keys: [{ kid: '61D025b8573501c2', label: 'Market maker' }] };
const main = { name: 'Main 100%_exchange', baseUrl: 'https://main.example', keys: [] };
const third = {
  name: 'Third',
  baseUrl: 'https://third.example',
  keys: [
    { kid: 'aaaa0000', label: 'spare' },
    { kid: '7f5a26819f2dd8be', label: 'reporting' },
  ],
};
const names = (found: Array<{ name: string }>) => found.map((account) => account.name);

describe('the accounts search', () => {
  const find = accountFilter([sandbox, main, third]);

  it('finds accounts by name or URL anywhere, ignoring case and the spaces around the text', () => {
    expect(names(find('SAND'))).toEqual(['Sandbox']);
    expect(names(find('  main.example '))).toEqual(['Main 100%_exchange']);
  });

  it('finds accounts by a key label anywhere and by a kid from its start only', () => {
    expect(names(find('maker'))).toEqual(['Sandbox']);
    expect(names(find('7f5a'))).toEqual(['Third']);
    expect(names(find('61d0'))).toEqual(['Sandbox']);
    expect(names(find('5a26'))).toEqual([]);
  });

  it('takes wildcards literally', () => {
    expect(names(find('100%_'))).toEqual(['Main 100%_exchange']);
    expect(names(find('%'))).toEqual(['Main 100%_exchange']);
    expect(names(find('_'))).toEqual(['Main 100%_exchange']);
  });

  it('keeps the list order, and shows every account for an empty or blank text', () => {
    expect(names(find('.example'))).toEqual(['Sandbox', 'Main 100%_exchange', 'Third']);
    expect(names(find('e'))).toEqual(['Sandbox', 'Main 100%_exchange', 'Third']);
    expect(names(find(''))).toEqual(['Sandbox', 'Main 100%_exchange', 'Third']);
    expect(names(find('   '))).toEqual(['Sandbox', 'Main 100%_exchange', 'Third']);
    expect(names(find('no such thing'))).toEqual([]);
  });
});
