import type { JsonValue } from '../../../../app/commands/request';

/** Past this many entries a level starts folded: long order lists stay scannable. */
const OPEN_UP_TO = 20;

function Scalar({ value }: { value: JsonValue }) {
  const kind = value === null ? 'null' : typeof value;
  return <span className={`json-${kind}`}>{JSON.stringify(value)}</span>;
}

/**
 * JSON as folding levels (native <details>, so keyboard and screen readers know them); the text
 * reads as the JSON it is, so a copy of the visible tree is still JSON-like and searchable.
 */
export function JsonTree({ value, name, depth = 0 }: { value: JsonValue; name?: string; depth?: number }) {
  const label = name === undefined ? null : <span className="json-key">{JSON.stringify(name)}: </span>;
  if (value === null || typeof value !== 'object') {
    return (
      <div className="json-line">
        {label}
        <Scalar value={value} />
      </div>
    );
  }
  const entries: Array<[string | undefined, JsonValue]> = Array.isArray(value) ? value.map((item) => [undefined, item]) : Object.entries(value);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) {
    return (
      <div className="json-line">
        {label}
        {open}
        {close}
      </div>
    );
  }
  return (
    <details open={depth < 2 || entries.length <= OPEN_UP_TO} className="json-level">
      <summary>
        {label}
        {open}
        <span className="json-count">
          {' '}
          {entries.length} {Array.isArray(value) ? (entries.length === 1 ? 'item' : 'items') : entries.length === 1 ? 'field' : 'fields'}{' '}
        </span>
      </summary>
      <div className="json-children">
        {entries.map(([key, item], index) => (
          <JsonTree key={key ?? index} value={item} {...(key === undefined ? {} : { name: key })} depth={depth + 1} />
        ))}
      </div>
      <div className="json-line">{close}</div>
    </details>
  );
}
