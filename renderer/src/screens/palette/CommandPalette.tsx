import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import { useAccountsStore } from '../../store/accounts-store';
import { paletteSearch } from '../../store/palette-search';
import type { PaletteEntry } from '../../store/palette-search';
import { useViewStore } from '../../store/view-store';
import { useModal } from '../../ui/use-modal';

const optionId = (index: number) => `palette-option-${index}`;

function entryKey(entry: PaletteEntry): string {
  return entry.kind === 'account' ? `a:${entry.accountId}` : `k:${entry.accountId}:${entry.kid}`;
}

interface PaletteRowProps {
  entry: PaletteEntry;
  index: number;
  active: boolean;
  onPoint(index: number, event: MouseEvent): void;
  onOpen(entry: PaletteEntry): void;
}

/** One result, memoised: a keystroke repaints only the rows that change. */
const PaletteRow = memo(function PaletteRow({ entry, index, active, onPoint, onOpen }: PaletteRowProps) {
  return (
    <li id={optionId(index)} role="option" aria-selected={active} onMouseMove={(event) => onPoint(index, event)} onClick={() => onOpen(entry)}>
      {entry.kind === 'account' ? (
        <>
          <span className="palette-kind">Account</span>
          <span className="palette-title">{entry.name}</span>
          <span className="palette-detail mono">{entry.host}</span>
        </>
      ) : (
        <>
          <span className="palette-kind">Key</span>
          <span className={entry.label ? 'palette-title' : 'palette-title mono'}>{entry.label || entry.kid}</span>
          <span className="palette-detail">
            {entry.label && <span className="mono">{entry.kid} · </span>}
            {entry.accountName}
          </span>
        </>
      )}
    </li>
  );
});

/**
 * Cmd/Ctrl+K over any screen: type a name, label or kid, arrows to move, Enter opens the account
 * on its Sign tab, or the signer with that key chosen; Escape closes. A combobox in a modal
 * <dialog>, so the page behind is inert and the focus goes back where it was.
 */
export function CommandPalette() {
  const accounts = useAccountsStore((state) => state.accounts);
  const { closePalette, showAccountTab, signWith } = useViewStore();
  const search = useMemo(() => paletteSearch(accounts ?? []), [accounts]);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const results = useMemo(() => search(text), [search, text]);
  const dialog = useRef<HTMLDialogElement>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    // The accounts may not be loaded yet when the palette opens from another view.
    if (!useAccountsStore.getState().accounts) void useAccountsStore.getState().load();
  }, []);
  useModal(dialog);

  useEffect(() => {
    list.current?.querySelector(`#${optionId(active)}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  // Only a pointer that moves takes the selection: the rows shifting under a resting pointer at
  // each keystroke would otherwise steal it from the keyboard.
  const lastPointer = useRef<string | null>(null);
  const point = useCallback((index: number, event: MouseEvent) => {
    const at = `${event.clientX},${event.clientY}`;
    if (lastPointer.current !== null && lastPointer.current !== at) setActive(index);
    lastPointer.current = at;
  }, []);

  const open = useCallback(
    (entry: PaletteEntry | undefined) => {
      if (!entry) return;
      closePalette();
      void useAccountsStore.getState().select(entry.accountId);
      if (entry.kind === 'key') signWith(entry.kid);
      else showAccountTab('sign');
    },
    [closePalette, showAccountTab, signWith],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((index) => Math.min(index + 1, results.length - 1));
    else if (event.key === 'ArrowUp') setActive((index) => Math.max(index - 1, 0));
    else if (event.key === 'Enter') open(results[active]);
    else return;
    event.preventDefault();
  };

  return (
    <dialog
      ref={dialog}
      className="palette"
      aria-label="Find an account or key"
      onCancel={(event) => {
        event.preventDefault();
        closePalette();
      }}
      onClick={(event) => {
        // A click on the backdrop (the dialog itself, outside its content) closes it.
        if (event.target === dialog.current) closePalette();
      }}
    >
      <input
        type="text"
        role="combobox"
        aria-label="Account, key label or kid"
        aria-expanded="true"
        aria-controls="palette-results"
        aria-autocomplete="list"
        aria-activedescendant={results.length > 0 ? optionId(active) : undefined}
        placeholder="Account, key label or kid"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        spellCheck={false}
        autoComplete="off"
        autoFocus
      />
      <ul id="palette-results" role="listbox" aria-label="Results" ref={list}>
        {results.map((entry, index) => (
          <PaletteRow key={entryKey(entry)} entry={entry} index={index} active={index === active} onPoint={point} onOpen={open} />
        ))}
      </ul>
      {results.length === 0 && <p className="note palette-empty">{accounts?.length === 0 ? 'No accounts yet.' : `Nothing matches “${text}”.`}</p>}
      <p className="note palette-help">
        <kbd>↑</kbd> <kbd>↓</kbd> to move, <kbd>Enter</kbd> to open, <kbd>Esc</kbd> to close
      </p>
    </dialog>
  );
}
