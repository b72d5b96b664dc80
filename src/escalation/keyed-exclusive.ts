import { createExclusive } from '../storage/run-exclusive.js';

/** Serialises work per key (one resident's messages) while different keys run side by side. */
export function createKeyedExclusive(): <T>(key: string, fn: () => Promise<T>) => Promise<T> {
  const queues = new Map<string, { run: ReturnType<typeof createExclusive>; waiting: number }>();
  return async (key, fn) => {
    let queue = queues.get(key);
    if (!queue) {
      queue = { run: createExclusive(), waiting: 0 };
      queues.set(key, queue);
    }
    queue.waiting++;
    try {
      return await queue.run(fn);
    } finally {
      if (--queue.waiting === 0) queues.delete(key);
    }
  };
}
