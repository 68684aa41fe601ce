import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  newSecretsKey,
  openSecret,
  parseSecretsKey,
  SecretError,
  sealSecret,
} from './secret-box.ts';
import { SECRETS_KEY_FILE, SecretsKey } from './secrets-key.ts';

describe('secret box', () => {
  const key = parseSecretsKey(newSecretsKey());

  it('seals with a fresh IV each time and opens what it sealed', () => {
    const a = sealSecret(key, 'pw-1');
    const b = sealSecret(key, 'pw-1');
    expect(a).toMatch(/^gcm1:/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('pw-1');
    expect(openSecret(key, a)).toBe('pw-1');
    // A password stored in clear by an older version reads as it is.
    expect(openSecret(undefined, 'plain')).toBe('plain');
  });

  it('names the missing or wrong key, and refuses a tampered value', () => {
    const sealed = sealSecret(key, 'pw');
    const missing = (() => {
      try {
        openSecret(undefined, sealed);
      } catch (error) {
        return error;
      }
    })();
    expect(missing).toBeInstanceOf(SecretError);
    expect(missing).toMatchObject({ code: 'secrets_key_missing' });
    const other = parseSecretsKey(newSecretsKey());
    expect(() => openSecret(other, sealed)).toThrow(/another key/);
    const tampered = `${sealed.slice(0, -4)}AAAA`;
    expect(() => openSecret(key, tampered)).toThrow(/another key/);
  });

  it('parses a key as base64 or 64 hex digits, and nothing else', () => {
    expect(parseSecretsKey('ab'.repeat(32))).toHaveLength(32);
    expect(parseSecretsKey(`${Buffer.alloc(32, 1).toString('base64')}\n`)).toHaveLength(32);
    expect(() => parseSecretsKey('short')).toThrow(/32 bytes/);
    expect(() => parseSecretsKey(Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes/);
  });

  it('on the embedded store, creates DATA_DIR/secrets.key (0600) once and shares it', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'h15-secrets-'));
    try {
      const reader = new SecretsKey({ dataDir, databaseUrl: undefined, secretsKey: undefined });
      expect(reader.get()).toBeUndefined();
      const writer = new SecretsKey({ dataDir, databaseUrl: undefined, secretsKey: undefined });
      const created = writer.forSealing()!;
      expect(statSync(join(dataDir, SECRETS_KEY_FILE)).mode & 0o777).toBe(0o600);
      expect(reader.get()?.equals(created)).toBe(true);
      // On PostgreSQL only the configured key counts.
      const pg = { dataDir, databaseUrl: 'postgres://x/y', secretsKey: undefined };
      expect(new SecretsKey(pg).forSealing()).toBeUndefined();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
