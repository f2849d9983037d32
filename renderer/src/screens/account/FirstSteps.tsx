import { shortcutLabel } from '../../ui/shortcuts';

/** The right pane with no account chosen: the way to start when the vault is empty, else how to pick one. */
export function FirstSteps({ hasAccounts, onAdd }: { hasAccounts: boolean; onAdd(): void }) {
  if (hasAccounts) {
    return (
      <section className="empty-state" aria-labelledby="choose-heading">
        <h2 id="choose-heading">Choose an account</h2>
        <p className="note">
          Pick one on the left, or press <kbd>{shortcutLabel('Mod+K')}</kbd> to find an account or key by name, label or kid.
        </p>
      </section>
    );
  }
  return (
    <section className="empty-state" aria-labelledby="start-heading">
      <h2 id="start-heading">Start in three steps</h2>
      <ol className="steps">
        <li>
          <strong>Add the exchange account</strong>: its name and base URL, such as https://exchange.example.
        </li>
        <li>
          <strong>Bring a key</strong>: import one you created on the exchange&apos;s site, or log in and create one from here.
        </li>
        <li>
          <strong>Sign</strong>: build a request, copy a signed curl or HTTPie command, or send it and read the answer.
        </li>
      </ol>
      <button type="button" className="primary" onClick={onAdd}>
        Add your first account
      </button>
      <p className="note">Developers: the Add account form has a preset for the local sandbox (npm run sandbox).</p>
    </section>
  );
}
