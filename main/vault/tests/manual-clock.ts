/** A clock for VaultOptions.now that moves only when a test says so: throttles are tested without sleeping. */
export class ManualClock {
  private ms: number;

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.ms = start;
  }

  readonly now = (): number => this.ms;

  advance(ms: number): void {
    this.ms += ms;
  }
}
