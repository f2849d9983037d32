import { describe, expect, it, vi } from 'vitest';
import type { EventListener } from '../core/create-app-core';
import { forwardEvents } from './forward-events';

function fakeBackend() {
  const listeners: EventListener[] = [];
  return {
    onEvent: (listener: EventListener) => {
      listeners.push(listener);
      return () => listeners.splice(listeners.indexOf(listener), 1);
    },
    emit: (...args: Parameters<EventListener>) => listeners.forEach((listener) => listener(...args)),
  };
}

describe('forwardEvents', () => {
  it('sends each backend event to the window under its contract name', () => {
    const backend = fakeBackend();
    const contents = { isDestroyed: () => false, send: vi.fn() };
    forwardEvents(backend, contents);
    backend.emit('vault.locked', {});
    backend.emit('exchange.codeWait', { accountId: 'a', purpose: 'login', secondsLeft: 4 });
    expect(contents.send.mock.calls).toEqual([
      ['vault.locked', {}],
      ['exchange.codeWait', { accountId: 'a', purpose: 'login', secondsLeft: 4 }],
    ]);
  });

  it('sends nothing to a destroyed window, and stops when unsubscribed', () => {
    const backend = fakeBackend();
    let destroyed = true;
    const contents = { isDestroyed: () => destroyed, send: vi.fn() };
    const stop = forwardEvents(backend, contents);
    backend.emit('vault.locked', {});
    destroyed = false;
    stop();
    backend.emit('vault.locked', {});
    expect(contents.send).not.toHaveBeenCalled();
  });
});
