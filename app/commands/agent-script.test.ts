import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderAgentScript } from './agent-script';
import type { RequestSpec } from './request';

const order: RequestSpec = {
  baseUrl: 'https://exchange.example',
  method: 'POST',
  path: '/api/v2/peatio/market/orders',
  query: [],
  body: { market: 'btcusd', side: 'buy', volume: '0.01', ord_type: 'limit', price: '9000' },
};

describe('the agent script', () => {
  it('asks the agent at each run and passes only fresh headers to curl', () => {
    const script = renderAgentScript(order, { key: 'grid bot' });
    expect(script).toContain(`sign --key 'grid bot' --format headers POST '/api/v2/peatio/market/orders'`);
    expect(script).toContain("curl -sS -X POST 'https://exchange.example/api/v2/peatio/market/orders'");
    expect(script).toContain('-H "X-Auth-Signature: $signature"');
    expect(script).not.toMatch(/BARONG_SECRET|perl/);
  });

  it('takes the key from BARONG_KEY when none is named, as barong-vault exec sets it', () => {
    expect(renderAgentScript(order, {})).toContain('--key "${BARONG_KEY:?name the key: set BARONG_KEY or pass --key}"');
  });

  it('quotes a hostile key name as one word', () => {
    const hostile = "x'; rm -rf ~; '";
    const quoted = /--key (.*) --format headers/.exec(renderAgentScript(order, { key: hostile }))?.[1] ?? '';
    // sh itself reads the quoted word back as the one name given.
    expect(execFileSync('sh', ['-c', `printf %s ${quoted}`], { encoding: 'utf8' })).toBe(hostile);
    expect(() => renderAgentScript(order, { key: 'two\nlines' })).toThrow(/one line/);
  });
});
