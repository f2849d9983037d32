import { useRef, useState } from 'react';
import type { SentRequest } from '../../store/signer-store';
import { Badge } from '../../ui/Badge';
import { useToasts } from '../../ui/toasts';
import type { Tone } from '../../ui/Badge';
import { JsonTree } from './JsonTree';

const statusTone = (status: number): Tone => (status < 300 ? 'success' : status < 400 ? 'info' : status < 500 ? 'warning' : 'danger');

function sizeWords(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * The exchange's answer (a success: refusals come as errors, shown by the signer): status badge,
 * time and size, the headers folded, the JSON as a foldable tree or as text.
 */
export function ResponsePanel({ sent }: { sent: SentRequest }) {
  const [raw, setRaw] = useState(false);
  const copySource = useRef<HTMLTextAreaElement>(null);
  // The answer is not a secret: the page copies it as the Edit menu would (the page has no
  // clipboard permission; a copy command at a click needs none), from a hidden copy of the text.
  const copy = () => {
    const source = copySource.current;
    if (!source) return;
    source.select();
    const copied = document.execCommand('copy');
    useToasts.getState().show(copied ? 'Answer copied.' : 'The answer could not be copied: select it and press Ctrl+C.');
  };
  const size = new TextEncoder().encode(sent.pretty).length;
  return (
    <section aria-label="Answer" className="answer card">
      <div className="answer-head">
        <Badge tone={statusTone(sent.status)}>{sent.status}</Badge>
        <p role="status" className="answer-status">
          Status {sent.status} in {Math.round(sent.totalMs)} ms
        </p>
        <span className="note">{sizeWords(size)}</span>
        <span className="answer-tools">
          {typeof sent.body === 'object' && sent.body !== null && (
            <button type="button" className="quiet" aria-pressed={raw} onClick={() => setRaw(!raw)}>
              {raw ? 'Show as tree' : 'Show as text'}
            </button>
          )}
          <button type="button" className="quiet" onClick={copy}>
            Copy answer
          </button>
        </span>
        <textarea ref={copySource} className="copy-source" value={sent.pretty} readOnly tabIndex={-1} aria-hidden="true" />
      </div>
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
