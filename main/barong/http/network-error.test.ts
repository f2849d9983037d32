import { describe, expect, it } from 'vitest';
import { networkError } from './network-error';

// The socket errors Node raises, by their codes. Refused connections, timeouts and a self-signed
// certificate are also produced for real in runner/network-failures.test.ts; DNS failures, expired
// and wrong-host certificates cannot be, with loopback the only network here.
const failure = (code: string) => Object.assign(new Error(`boom ${code}`), { code });

describe('networkError', () => {
  it.each([
    ['ENOTFOUND', 'network.dns', 'exchange.example could not be found (DNS): check the address and the connection.'],
    ['EAI_AGAIN', 'network.dns', 'exchange.example could not be found (DNS): check the address and the connection.'],
    ['ECONNREFUSED', 'network.refused', 'exchange.example refused the connection: is the address right, and the exchange up?'],
    ['ECONNRESET', 'network.reset', 'exchange.example closed the connection unexpectedly.'],
    ['ENETUNREACH', 'network.unreachable', 'exchange.example cannot be reached: check the connection.'],
    ['CERT_HAS_EXPIRED', 'network.tls_expired', 'The TLS certificate of exchange.example has expired or is not yet valid.'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'network.tls_untrusted', 'The TLS certificate of exchange.example is self-signed or not trusted.'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'network.tls_untrusted', 'The TLS certificate of exchange.example is self-signed or not trusted.'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'network.tls_wrong_host', 'The TLS certificate is not for exchange.example.'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'network.tls', 'The secure connection to exchange.example failed (ERR_SSL_WRONG_VERSION_NUMBER).'],
    ['EWHATEVER', 'network.failed', 'The connection to exchange.example failed (EWHATEVER).'],
  ])('%s is %s', (code, expected, message) => {
    expect(networkError(failure(code), 'exchange.example')).toMatchObject({ code: expected, message });
  });
});
