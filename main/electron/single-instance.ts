import { app as electronApp } from 'electron';

interface InstanceApp {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance', listener: () => void): unknown;
  quit(): void;
}

/**
 * One app per user: two processes writing one vault file and racing their auto-locks would be
 * trouble. A second start quits and the first one comes forward (`showFirst`). Returns whether
 * this process is the one that runs.
 */
export function holdSingleInstance(showFirst: () => void, app: InstanceApp = electronApp): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', showFirst);
  return true;
}
