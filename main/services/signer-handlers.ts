import type { IncomingHttpHeaders } from 'node:http';
import type { z } from 'zod';
import { AppError } from '../../app/app-error';
import { originOf } from '../../app/barong/origin';
import type { JsonValue, RequestSpec } from '../../app/commands/request';
import { renderSignedCommand } from '../../app/commands/render';
import { renderSigningScript } from '../../app/commands/signing-script';
import type { Contract } from '../../app/contract/channels';
import type { renderedCommandSchema, requestSpecSchema } from '../../app/contract/records';
import { runSignedRequest } from '../barong/runner/run-signed-request';
import type { BackendParts } from './backend-parts';
import type { HandlersOf } from './serve-channels';

const noClipboard = () => new AppError('clipboard.unavailable', 'There is no clipboard here to copy to. Sign the command to show it, and copy it from there.');

/** Signing at the moment of the call: a command to show or copy, or the request sent from main. */
export function signerHandlers({ vault, clocks, runner, clipboard }: BackendParts): HandlersOf<'signer'> {
  const signNow = ({ keyId, format, layout, request }: SigningInput): RenderedCommand => {
    const key = vault.key(keyId);
    const account = vault.account(key.accountId);
    const spec: RequestSpec = { baseUrl: account.baseUrl, ...exchangeRequest(request) };
    const clock = clocks.clock(account);
    if (format === 'script') {
      // Signs when it runs: nothing is signed here, and the text holds the kid only.
      return { format, text: renderSigningScript(spec, { kid: key.kid }), expiresAtMs: null, signedAtMs: clock.toLocal(clock.now()) };
    }
    // The command is rendered for the account's base URL: that origin is the one signed for.
    const headers = vault.sign(keyId, clock.nonce(), originOf(spec.baseUrl));
    const rendered = renderSignedCommand(format, { ...spec, headers }, account.nonceLifetimeMs, layout);
    return {
      format,
      text: rendered.text,
      expiresAtMs: clock.toLocal(rendered.expiresAtMs),
      signedAtMs: clock.toLocal(Number(headers['X-Auth-Nonce'])),
    };
  };

  // Only what carries a signature is a use of the key; the script signs later, where it runs.
  const recordUse = ({ keyId, request }: SigningInput, command: RenderedCommand, action: 'sign' | 'copy') => {
    if (command.expiresAtMs !== null) vault.recordUse(keyId, { action, method: request.method, path: request.path });
  };

  return {
    'signer.render': async (input) => {
      const command = signNow(input);
      recordUse(input, command, 'sign');
      return command;
    },
    'signer.copy': async (input) => {
      if (!clipboard) throw noClipboard();
      const command = signNow(input);
      // A signed command works as a bearer credential until its nonce expires, and is cleared then
      // at the latest; a script holds no signature.
      const clearsInSeconds =
        command.expiresAtMs === null ? await clipboard.copy(command.text, 'plain') : await clipboard.copy(command.text, 'secret', command.expiresAtMs);
      recordUse(input, command, 'copy');
      return { ...command, clearsInSeconds };
    },
    'signer.send': async ({ keyId, request }) => {
      const answer = await runSignedRequest(runner, { keyId, ...exchangeRequest(request) });
      const body = (answer.body ?? null) as JsonValue;
      return {
        status: answer.status,
        totalMs: answer.totalMs,
        headers: shownHeaders(answer.headers),
        body,
        pretty: typeof body === 'string' ? body : JSON.stringify(body, null, 2),
      };
    },
  };
}

type SigningInput = z.output<Contract['signer.render']['request']>;
type RenderedCommand = z.input<typeof renderedCommandSchema>;
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
