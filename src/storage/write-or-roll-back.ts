import type { Low } from 'lowdb';

/**
 * Puts `next` in place as the data of `db` and writes it. If the write fails, the data in memory is put
 * back as it was before the error is rethrown, so what the app serves never runs ahead of what is on disk.
 */
export async function writeOrRollBack<T>(db: Low<T>, next: T): Promise<void> {
  const before = db.data;
  db.data = next;
  try {
    await db.write();
  } catch (err) {
    db.data = before;
    throw err;
  }
}
