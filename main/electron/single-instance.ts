import { app as electronApp } from 'electron';

/** What a second start of the app asked for: its command line, with the directory it ran in. */
export type SecondStart = (argv: string[], workingDirectory: string) => void;

interface InstanceApp {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string) => void): unknown;
  quit(): void;
}

/**
 * One app per user: two processes writing one vault file and racing their auto-locks would be
 * trouble. A second start quits and the first one takes over what it was started for
 * (`onSecondStart`: come forward, open the backup it was given). Returns whether this process is
 * the one that runs.
 */
export function holdSingleInstance(onSecondStart: SecondStart, app: InstanceApp = electronApp): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv, workingDirectory) => onSecondStart(argv, workingDirectory));
  return true;
}
