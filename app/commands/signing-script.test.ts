import { describe, expect, it } from 'vitest';
import type { RequestSpec } from './request';
import { renderSigningScript } from './signing-script';

const spec: RequestSpec = { baseUrl: 'https://exchange.example', method: 'POST', path: '/orders', query: [], body: { market: 'btcusd' } };

describe('renderSigningScript', () => {
  it('reads BARONG_SECRET in a subshell and runs curl with the three headers', () => {
    const script = renderSigningScript(spec, { kid: "61d0'25b8" });
    expect(script.startsWith('(\nset -eu\n')).toBe(true);
    expect(script.endsWith('\n)')).toBe(true);
    expect(script).toContain(`if [ -z "\${BARONG_SECRET:-}" ]; then`);
    expect(script).toContain(`kid='61d0'\\''25b8'`);
    expect(script).toContain('export BARONG_SECRET\n');
    expect(script).toContain(`$ENV{$ARGV[1]})' -- "$nonce$kid" BARONG_SECRET)`);
    expect(script).not.toContain('"${BARONG_SECRET}"');
    expect(script).toContain(
      [
        `curl -sS -X POST 'https://exchange.example/orders' \\`,
        `  -H "X-Auth-Apikey: $kid" \\`,
        `  -H "X-Auth-Nonce: $nonce" \\`,
        `  -H "X-Auth-Signature: $signature" \\`,
        `  -H 'Content-Type: application/json' \\`,
        `  --data-raw '{"market":"btcusd"}'`,
      ].join('\n'),
    );
  });

  it('uses the variable it is given', () => {
    const script = renderSigningScript(spec, { kid: '61d025b8573501c2', secretEnv: 'DESK_2_SECRET' });
    expect(script).toContain('${DESK_2_SECRET:-}');
    expect(script).toContain('export DESK_2_SECRET\n');
    expect(script).toContain('"$nonce$kid" DESK_2_SECRET)');
    expect(script).not.toContain('BARONG_SECRET');
  });

  it.each(['', '2FA', 'MY-SECRET', 'A B', 'X;rm', '$X'])('refuses the variable name %j', (secretEnv) => {
    expect(() => renderSigningScript(spec, { kid: '61d025b8573501c2', secretEnv })).toThrow(expect.objectContaining({ code: 'input.secret_env_invalid' }));
  });

  it('refuses a bad kid and a bad request', () => {
    expect(() => renderSigningScript(spec, { kid: 'has space' })).toThrow(expect.objectContaining({ code: 'input.kid_invalid' }));
    expect(() => renderSigningScript({ ...spec, baseUrl: 'ftp://x' }, { kid: '61d025b8573501c2' })).toThrow(
      expect.objectContaining({ code: 'input.base_url_invalid' }),
    );
  });
});
