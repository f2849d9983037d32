import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import type { AuthHeaders } from '../../../app/barong/auth-headers';
import { downstreamHeaders, upstreamHeaders } from './proxy-headers';
import type { ProxyRefusal } from './proxy-refusal';
import { answerRefusal, proxyRefusal } from './proxy-refusal';
import type { Upstream } from './proxy-upstream';
import { upstreamFailure } from './proxy-upstream';

/**
 * One signed request to the exchange, streamed both ways: the body goes up as it arrives and the
 * answer comes back as it arrives, with nothing held whole in memory. `onFailure` hears of an
 * exchange that could not be reached, once, after the caller got its 502.
 */
export function forwardRequest(
  incoming: IncomingMessage,
  response: ServerResponse,
  request: { path: string; auth: AuthHeaders },
  upstream: Upstream,
  onFailure: (refusal: ProxyRefusal) => void,
): void {
  const outgoing = upstream.request({
    method: incoming.method ?? 'GET',
    path: request.path,
    headers: upstreamHeaders(incoming.rawHeaders, { host: upstream.host, auth: request.auth }),
  });
  let callerLeft = false;
  response.on('close', () => {
    if (response.writableFinished) return;
    callerLeft = true;
    outgoing.destroy();
  });
  const fail = (refusal: ProxyRefusal) => {
    answerRefusal(response, refusal);
    onFailure(refusal);
  };
  outgoing.on('response', (answer) => {
    try {
      // The reason phrase is node's own for the status: the exchange's is words for one hop only.
      response.writeHead(answer.statusCode ?? 502, downstreamHeaders(answer.rawHeaders));
    } catch {
      // Node writes no status below 100 and no control character in a header, and an exception here would end the process.
      answer.destroy();
      fail(proxyRefusal(502, 'proxy.upstream_failed', 'The exchange answered with a status or a header the proxy cannot pass on.'));
      return;
    }
    // A failure on either side cuts the other: a caller must see a cut answer as cut, never as whole.
    pipeline(answer, response, () => undefined);
  });
  outgoing.on('error', (error) => {
    if (callerLeft) return;
    if (response.headersSent) response.destroy();
    else fail(upstreamFailure(error, upstream));
  });
  // pipe, not pipeline: a failed exchange must leave the caller's connection open for the 502.
  incoming.pipe(outgoing);
}
