/**
 * Where a process finds the key that seals connection passwords: SECRETS_KEY or SECRETS_KEY_FILE
 * (every API and worker process of a deployment gets the same one), else, on the embedded SQLite
 * store only, `DATA_DIR/secrets.key`, created (mode 0600) the first time a password is stored and
 * read by the processes sharing that folder. On PostgreSQL without a key nothing is stored.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import { newSecretsKey, parseSecretsKey } from './secret-box.ts';

export const SECRETS_KEY_FILE = 'secrets.key';

/** The key of a process: configured, or the data folder's (embedded store). */
export class SecretsKey {
  private key: Buffer | undefined;
  private readonly file: string | undefined;

  constructor(config: Pick<Config, 'secretsKey' | 'databaseUrl' | 'dataDir'>) {
    if (config.secretsKey !== undefined) this.key = parseSecretsKey(config.secretsKey);
    else if (config.databaseUrl === undefined) this.file = join(config.dataDir, SECRETS_KEY_FILE);
  }

  /** The key, if this process has one (the data folder's file is read when it appears). */
  get(): Buffer | undefined {
    if (this.key === undefined && this.file !== undefined) {
      try {
        this.key = parseSecretsKey(readFileSync(this.file, 'utf8'));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    return this.key;
  }

  /** The key to seal with: the data folder's is created if absent; undefined when none may be. */
  forSealing(): Buffer | undefined {
    const key = this.get();
    if (key !== undefined || this.file === undefined) return key;
    try {
      writeFileSync(this.file, `${newSecretsKey()}\n`, { flag: 'wx', mode: 0o600 });
    } catch (error) {
      // Another process of the folder created it first: read theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    return this.get();
  }
}
