/**
 * An exclusive lock on the data folder for the life of the server, so a second server on the
 * same DATA_DIR exits instead of clearing the first's uploads and failing its jobs.
 *
 * The lock is an OS-level one (POSIX fcntl on Unix, LockFileEx on Windows) that SQLite takes on
 * the file `server.lock` in `locking_mode = EXCLUSIVE`: the kernel releases it when the process
 * ends in any way (kill -9 included), so there is no stale lock to detect by age as with a
 * lock-directory library such as proper-lockfile, no timer refreshing it, and no dependency:
 * node:sqlite is already the store. SQLite also tracks its locks per file within one process,
 * so two servers in one process conflict too.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/** The lock file inside a data folder. */
const LOCK_FILE = 'server.lock';

/** A held lock; release() lets another server start on the folder. */
export interface DataDirLock {
  release(): void;
}

/** Takes the folder's lock or throws, naming the folder, when another server holds it. */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const db = new DatabaseSync(join(dataDir, LOCK_FILE), { timeout: 0 });
  try {
    db.exec('PRAGMA locking_mode = EXCLUSIVE');
    // The first write takes the exclusive lock; in this mode it is kept until the connection closes.
    db.exec('BEGIN EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS lock (pid INTEGER)');
    db.exec('COMMIT');
  } catch (error) {
    db.close();
    const busy = /locked|busy/i.test((error as Error).message);
    throw new Error(
      busy
        ? `server: another server is using the data folder ${dataDir}; stop it first, or start this one with another DATA_DIR`
        : `server: cannot lock the data folder ${dataDir} (${(error as Error).message})`,
    );
  }
  return { release: () => db.isOpen && db.close() };
}
