/**
 * Connection passwords at rest: sealed with AES-256-GCM (node:crypto) under a key every process of
 * a deployment reads from its environment (SECRETS_KEY, SECRETS_KEY_FILE) or, on the embedded
 * store, from `DATA_DIR/secrets.key`. A sealed value is `gcm1:` + base64(iv | tag | ciphertext);
 * a value without the prefix is a password stored in plain text by an older version.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const PREFIX = 'gcm1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Why a stored secret cannot be opened; `code` is the job error code a sync fails with. */
export class SecretError extends Error {
  readonly code: 'secrets_key_missing' | 'secrets_key_mismatch';
  constructor(code: SecretError['code'], message: string) {
    super(message);
    this.code = code;
  }
}

/** Parses a key: 32 bytes as 64 hex digits or as base64 (44 characters). */
export function parseSecretsKey(text: string): Buffer {
  const trimmed = text.trim();
  const hex = /^[0-9a-fA-F]{64}$/.test(trimmed);
  const bytes = Buffer.from(trimmed, hex ? 'hex' : 'base64');
  if (bytes.length !== 32 || (!hex && bytes.toString('base64') !== trimmed))
    throw new Error(
      'secrets: the key must be 32 bytes, as 64 hex digits or base64 (`openssl rand -base64 32`)',
    );
  return bytes;
}

/** A new random key, base64 (what `openssl rand -base64 32` prints). */
export const newSecretsKey = (): string => randomBytes(32).toString('base64');

/** Seals `plain` under `key`. */
export function sealSecret(key: Buffer, plain: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** Whether a stored value is sealed (rather than an older plain-text password). */
const isSealed = (stored: string): boolean => stored.startsWith(PREFIX);

/** Opens a stored secret; throws SecretError without the key or under another key. */
export function openSecret(key: Buffer | undefined, stored: string): string {
  if (!isSealed(stored)) return stored;
  if (key === undefined)
    throw new SecretError(
      'secrets_key_missing',
      'the stored password is encrypted and this process has no key: set SECRETS_KEY or SECRETS_KEY_FILE to the key the API processes use',
    );
  const packed = Buffer.from(stored.slice(PREFIX.length), 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, packed.subarray(0, IV_BYTES));
    decipher.setAuthTag(packed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const body = packed.subarray(IV_BYTES + TAG_BYTES);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretError(
      'secrets_key_mismatch',
      'the stored password was encrypted under another key: give this process the same SECRETS_KEY as the process that stored it',
    );
  }
}
