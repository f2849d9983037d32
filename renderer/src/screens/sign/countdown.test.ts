import { describe, expect, it } from 'vitest';
import { countdownStage } from './countdown';

describe('the countdown stages', () => {
  it('goes green, amber, red, stale as the window runs out', () => {
    expect(countdownStage(5000, 5000)).toBe('fresh');
    expect(countdownStage(2600, 5000)).toBe('fresh');
    expect(countdownStage(2500, 5000)).toBe('ageing');
    expect(countdownStage(1001, 5000)).toBe('ageing');
    expect(countdownStage(1000, 5000)).toBe('expiring');
    expect(countdownStage(1, 5000)).toBe('expiring');
    expect(countdownStage(0, 5000)).toBe('stale');
    expect(countdownStage(-5, 5000)).toBe('stale');
  });
});
