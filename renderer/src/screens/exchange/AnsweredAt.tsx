/**
 * When the exchange gave what is shown ("Listed at 14:03:12"): an answer kept from an earlier visit
 * to the section is as old as it says, and the trader decides whether to ask again.
 */
export function AnsweredAt({ what, at }: { what: string; at: number }) {
  const when = new Date(at);
  return (
    <span className="note answered-at">
      {what} at <time dateTime={when.toISOString()}>{when.toLocaleTimeString()}</time>
    </span>
  );
}
