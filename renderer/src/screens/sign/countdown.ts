/**
 * The countdown's stages: green while more than half the window is left, amber down to a fifth,
 * red for the last fifth, then stale (the exchange would refuse the command).
 */
export type CountdownStage = 'fresh' | 'ageing' | 'expiring' | 'stale';

export function countdownStage(msLeft: number, windowMs: number): CountdownStage {
  if (msLeft <= 0) return 'stale';
  const share = windowMs > 0 ? msLeft / windowMs : 0;
  if (share > 0.5) return 'fresh';
  if (share > 0.2) return 'ageing';
  return 'expiring';
}
