import { powerMonitor as electronPowerMonitor } from 'electron';
import type { AutoLock } from '../auto-lock/auto-lock';

interface PowerEvents {
  on(event: 'suspend' | 'lock-screen', listener: () => void): unknown;
}

/**
 * Locks the vault when the machine suspends or its screen locks. Electron emits `lock-screen` on
 * macOS and Windows only; on Linux the vault gets the suspend and the idle lock. powerMonitor can
 * only be used once the app is ready.
 */
export function lockOnPowerEvents(autoLock: Pick<AutoLock, 'systemAway'>, monitor: PowerEvents = electronPowerMonitor): void {
  monitor.on('suspend', () => autoLock.systemAway('suspend'));
  monitor.on('lock-screen', () => autoLock.systemAway('lock-screen'));
}
