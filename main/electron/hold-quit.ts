import { app as electronApp } from 'electron';

interface QuittingApp {
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

/**
 * Holds the quit until `finish` has run (once), then quits; a failure is reported and the quit
 * goes ahead. Other holds may be in place: a quit attempt while this one is still finishing is
 * held again without starting it twice.
 */
export function holdQuitUntil(finish: () => Promise<void>, onFailure: (error: unknown) => void, app: QuittingApp = electronApp): void {
  let state: 'waiting' | 'finishing' | 'finished' = 'waiting';
  app.on('will-quit', (event) => {
    if (state === 'finished') return;
    event.preventDefault();
    if (state === 'finishing') return;
    state = 'finishing';
    finish()
      .catch(onFailure)
      .finally(() => {
        state = 'finished';
        app.quit();
      });
  });
}
