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
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'network.not_https', 'The secure connection to exchange.example failed: the server there does not speak HTTPS.'],
    [
      'ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC',
      'network.tls',
      'The secure connection to exchange.example failed (ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC).',
    ],
    ['EWHATEVER', 'network.failed', 'The connection to exchange.example failed (EWHATEVER).'],
  ])('%s is %s', (code, expected, message) => {
    expect(networkError(failure(code), 'exchange.example')).toMatchObject({ code: expected, message });
  });

  it('reads EPROTO as a plain-HTTP server only when OpenSSL says the record version is wrong', () => {
    const plainHttp = Object.assign(new Error('write EPROTO 80EC:error:0A00010B:SSL routines:ssl3_get_record:wrong version number'), { code: 'EPROTO' });
    expect(networkError(plainHttp, 'exchange.example')).toMatchObject({
      code: 'network.not_https',
      action: "Check the account's base URL: https:// or http://, and the port.",
    });
    const otherProtocolError = Object.assign(new Error('write EPROTO 80EC:error:0A000410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure'), {
      code: 'EPROTO',
    });
    expect(networkError(otherProtocolError, 'exchange.example')).toMatchObject({
      code: 'network.failed',
      message: 'The connection to exchange.example failed (EPROTO).',
    });
  });
});
