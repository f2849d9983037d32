import type { IncomingHttpHeaders } from 'node:http';
import type { z } from 'zod';
import type { JsonValue, RequestSpec } from '../../app/commands/request';
import { renderSignedCommand } from '../../app/commands/render';
import { renderSigningScript } from '../../app/commands/signing-script';
import type { requestSpecSchema } from '../../app/contract/records';
import { runSignedRequest } from '../barong/runner/run-signed-request';
import type { BackendParts } from './backend-parts';
import type { HandlersOf } from './serve-channels';

/** Signing at the moment of the call: a command to copy, or the request sent from main. */
export function signerHandlers({ vault, clocks, runner }: BackendParts): HandlersOf<'signer'> {
  return {
    'signer.render': async ({ keyId, format, request }) => {
      const key = vault.key(keyId);
      const account = vault.account(key.accountId);
      const spec: RequestSpec = { baseUrl: account.baseUrl, ...exchangeRequest(request) };
      const clock = clocks.clock(account);
      if (format === 'script') {
        // Signs when it runs: nothing is signed here, and the text holds the kid only.
        return { format, text: renderSigningScript(spec, { kid: key.kid }), expiresAtMs: null, signedAtMs: clock.toLocal(clock.now()) };
      }
      const headers = vault.sign(keyId, clock.nonce());
      const rendered = renderSignedCommand(format, { ...spec, headers }, account.nonceLifetimeMs);
      vault.recordUse(keyId, { action: 'sign', method: request.method, path: request.path });
      return {
        format,
        text: rendered.text,
        expiresAtMs: clock.toLocal(rendered.expiresAtMs),
        signedAtMs: clock.toLocal(Number(headers['X-Auth-Nonce'])),
      };
    },
    'signer.send': async ({ keyId, request }) => {
      const answer = await runSignedRequest(runner, { keyId, ...exchangeRequest(request) });
      const body = (answer.body ?? null) as JsonValue;
      return { status: answer.status, totalMs: answer.totalMs, headers: shownHeaders(answer.headers), body, pretty: typeof body === 'string' ? body : JSON.stringify(body, null, 2) };
    },
  };
}

type ParsedRequest = z.output<typeof requestSpecSchema>;

/** The parsed request without an absent body's `undefined`, as the signing code takes it. */
function exchangeRequest({ body, ...rest }: ParsedRequest): Omit<RequestSpec, 'baseUrl'> {
  return body === undefined ? rest : { ...rest, body };
}

function shownHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    // A cookie set on an API-key call is still a credential; the trader has no use for it here.
    if (name === 'set-cookie' || value === undefined) continue;
    shown[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return shown;
}
