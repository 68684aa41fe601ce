/**
 * A full disk, told apart from the server's own bugs: the file system's ENOSPC/EDQUOT and
 * SQLite's SQLITE_FULL (13) become 507 insufficient_storage naming the data folder.
 */
const SQLITE_FULL = 13;

/** Whether `error` says the disk (or the user's quota) is full. */
export function isStorageFull(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, errcode } = error as { code?: unknown; errcode?: unknown };
  // node:sqlite errors carry the primary result code in the low byte of `errcode`.
  if (typeof errcode === 'number' && (errcode & 0xff) === SQLITE_FULL) return true;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/** The message of a full disk, for an answer or a job's error. */
export function storageFullMessage(module: string, dataDir: string, what: string): string {
  return `${module}: the disk holding the data folder ${dataDir} is full; ${what}. Free some space (or move DATA_DIR) and try again`;
}
