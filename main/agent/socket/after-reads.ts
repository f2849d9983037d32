/**
 * Runs tasks once the reads of this turn of the event loop are done (in its check phase), all in
 * one go: the requests that came in on many connections at once are then served together, and
 * the service looks at the vault once for all of them (agent-service.ts). A task given twice
 * before the turn ends runs once.
 */
export function createAfterReads(): (task: () => Promise<void>) => void {
  const waiting = new Set<() => Promise<void>>();
  const runAll = () => {
    const tasks = [...waiting];
    waiting.clear();
    for (const task of tasks) void task();
  };
  return (task) => {
    if (waiting.size === 0) setImmediate(runAll);
    waiting.add(task);
  };
}
