import { describe, expect, it } from 'vitest';
import { renderPowerShell } from './powershell';
import { balancesRequest } from '../../test/support/balances-request';

const request = balancesRequest;

const HEADERS = `$headers = @{ 'X-Auth-Apikey' = '61d025b8573501c2'; 'X-Auth-Nonce' = '1584524005143'; 'X-Auth-Signature' = '${'5'.repeat(64)}' }`;

describe('renderPowerShell', () => {
  it('writes a GET as a headers hashtable and Invoke-RestMethod', () => {
    expect(renderPowerShell(request())).toBe(
      `${HEADERS}\nInvoke-RestMethod -Method Get -Uri 'https://exchange.example/api/v2/peatio/account/balances' -Headers $headers`,
    );
  });

  it('sends a body as UTF-8 JSON, with every kind of single quote doubled', () => {
    expect(renderPowerShell(request({ method: 'DELETE', path: '/x', body: { note: "it's \u2018q\u2019 $x" } }))).toBe(
      `${HEADERS}\nInvoke-RestMethod -Method Delete -Uri 'https://exchange.example/x' -Headers $headers ` +
        `-ContentType 'application/json; charset=utf-8' -Body '{"note":"it''s \u2018\u2018q\u2019\u2019 $x"}'`,
    );
  });

  it('refuses a body on GET', () => {
    expect(() => renderPowerShell(request({ body: { a: 1 } }))).toThrow(expect.objectContaining({ code: 'input.body_not_allowed' }));
  });
});
