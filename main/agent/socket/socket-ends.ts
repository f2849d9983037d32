import type { Socket } from 'node:net';

/**
 * A last line, then the connection is closed: as soon as the line is out of the agent's hands, or
 * after graceMs for a client that does not read it. Nothing more is read from the client meanwhile.
 */
export function endWith(socket: Socket, line: string, graceMs: number): void {
  socket.pause();
  const cut = setTimeout(() => socket.destroy(), graceMs);
  socket.end(line, () => {
    clearTimeout(cut);
    socket.destroy();
  });
}

/** Whether the client reads what is waiting for it (the socket drains) within ms; false as well if the connection closes first. */
export function drainedWithin(socket: Socket, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const settle = (drained: boolean) => {
      clearTimeout(timer);
      socket.off('drain', onDrain);
      socket.off('close', onClose);
      resolve(drained);
    };
    const onDrain = () => settle(true);
    const onClose = () => settle(false);
    const timer = setTimeout(() => settle(false), ms);
    socket.once('drain', onDrain);
    socket.once('close', onClose);
  });
}
