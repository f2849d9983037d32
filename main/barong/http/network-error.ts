import { ExchangeError } from '../exchange-error';

const TLS_EXPIRED = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
const TLS_SELF_SIGNED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);

/** A socket-level failure in words; TLS problems are named and never bypassed. */
export function networkError(error: Error & { code?: string }, host: string): ExchangeError {
  const code = error.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new ExchangeError('network.dns', `${host} could not be found (DNS): check the address and the connection.`);
  }
  if (code === 'ECONNREFUSED') return new ExchangeError('network.refused', `${host} refused the connection: is the address right, and the exchange up?`);
  if (code === 'ECONNRESET' || code === 'EPIPE') return new ExchangeError('network.reset', `${host} closed the connection unexpectedly.`);
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH') return new ExchangeError('network.unreachable', `${host} cannot be reached: check the connection.`);
  if (TLS_EXPIRED.has(code)) return new ExchangeError('network.tls_expired', `The TLS certificate of ${host} has expired or is not yet valid.`);
  if (TLS_SELF_SIGNED.has(code)) return new ExchangeError('network.tls_untrusted', `The TLS certificate of ${host} is self-signed or not trusted.`);
  // OpenSSL reads a plain-HTTP answer as a record of an unknown TLS version; Node reports it as EPROTO.
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || (code === 'EPROTO' && /wrong version number/i.test(error.message))) {
    return new ExchangeError('network.not_https', `The secure connection to ${host} failed: the server there does not speak HTTPS.`, {
      action: "Check the account's base URL: https:// or http://, and the port.",
    });
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return new ExchangeError('network.tls_wrong_host', `The TLS certificate is not for ${host}.`);
  if (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL')) return new ExchangeError('network.tls', `The secure connection to ${host} failed (${code}).`);
  return new ExchangeError('network.failed', `The connection to ${host} failed${code ? ` (${code})` : ''}.`);
}
