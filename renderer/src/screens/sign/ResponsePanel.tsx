import { useState } from 'react';
import type { SentRequest } from '../../store/signer-store';
import { Badge } from '../../ui/Badge';
import type { Tone } from '../../ui/Badge';
import { JsonTree } from './JsonTree';

const statusTone = (status: number): Tone => (status < 300 ? 'success' : status < 400 ? 'info' : status < 500 ? 'warning' : 'danger');

function sizeWords(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** When to try again after a 429, from Retry-After (seconds or a date), in words. */
function retryWords(headers: Readonly<Record<string, string>>): string {
  const value = headers['retry-after'];
  const seconds = value === undefined ? NaN : /^\d+$/.test(value.trim()) ? Number(value) : Math.ceil((Date.parse(value) - Date.now()) / 1000);
  if (Number.isFinite(seconds) && seconds > 0) return `Too many requests: the exchange asks to wait ${seconds} s before the next one.`;
  return 'Too many requests: the exchange limits how often a key may call; wait a minute before retrying.';
}

/**
 * The exchange's answer: status badge, time and size, a 5xx on a state-changing request said to be
 * of unknown outcome, a 429 with when to retry, the headers folded, the JSON as a foldable tree.
 */
export function ResponsePanel({ sent, method }: { sent: SentRequest; method: string }) {
  const [raw, setRaw] = useState(false);
  const size = new TextEncoder().encode(sent.pretty).length;
  const changesState = method !== 'GET';
  return (
    <section aria-label="Answer" className="answer card">
      <div className="answer-head">
        <Badge tone={statusTone(sent.status)}>{sent.status}</Badge>
        <p role="status" className="answer-status">
          Status {sent.status} in {Math.round(sent.totalMs)} ms
        </p>
        <span className="note">{sizeWords(size)}</span>
        {typeof sent.body === 'object' && sent.body !== null && (
          <button type="button" className="quiet" aria-pressed={raw} onClick={() => setRaw(!raw)}>
            {raw ? 'Show as tree' : 'Show as text'}
          </button>
        )}
      </div>
      {sent.status >= 500 && changesState && (
        <p className="notice danger" role="alert">
          Outcome unknown: the exchange failed while handling this {method}, which may have taken effect. Check open orders (and balances) before retrying.
        </p>
      )}
      {sent.status === 429 && (
        <p className="notice caution" role="alert">
          {retryWords(sent.headers)}
        </p>
      )}
      <details className="answer-headers">
        <summary>Headers ({Object.keys(sent.headers).length})</summary>
        <dl>
          {Object.entries(sent.headers).map(([name, value]) => (
            <div key={name} className="header-row">
              <dt className="mono">{name}</dt>
              <dd className="mono">{value}</dd>
            </div>
          ))}
        </dl>
      </details>
      {raw || typeof sent.body !== 'object' || sent.body === null ? (
        <pre aria-label="Answer body" className="mono answer-body" tabIndex={0}>
          {sent.pretty}
        </pre>
      ) : (
        <div aria-label="Answer body" className="mono answer-body" tabIndex={0} role="group">
          <JsonTree value={sent.body} />
        </div>
      )}
    </section>
  );
}
