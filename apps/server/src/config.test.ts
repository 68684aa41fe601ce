import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({}, []);
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      dataDir: './data',
      maxUploadBytes: 1024 ** 3,
      cacheBytes: 256 * 1024 ** 2,
      demo: true,
    });
    expect(config.apiToken).toBeUndefined();
    expect(config.wasteMaxMemory).toBe(Math.floor(0.75 * totalmem()));
  });

  it('reads the waste training memory as a size', () => {
    expect(loadConfig({ WASTE_MAX_MEMORY: '2G' }, []).wasteMaxMemory).toBe(2 * 1024 ** 3);
    expect(loadConfig({}, ['--waste-max-memory', '1536M']).wasteMaxMemory).toBe(1536 * 1024 ** 2);
    expect(() => loadConfig({ WASTE_MAX_MEMORY: 'lots' }, [])).toThrow(/wasteMaxMemory/);
  });

  it('reads the environment and lets flags override it', () => {
    const config = loadConfig({ PORT: '9000', DEMO: '0', API_TOKEN: 's3cret', HOST: '0.0.0.0' }, [
      '--',
      '--port',
      '9100',
      '--data-dir=/tmp/x',
      '--max-upload-bytes',
      '2048',
    ]);
    expect(config).toMatchObject({
      port: 9100,
      host: '0.0.0.0',
      dataDir: '/tmp/x',
      maxUploadBytes: 2048,
      apiToken: 's3cret',
      demo: false,
    });
  });

  it('treats an empty token as none', () => {
    expect(loadConfig({ API_TOKEN: '' }, []).apiToken).toBeUndefined();
  });

  it('accepts a token a bearer header can carry, and refuses others', () => {
    expect(loadConfig({ API_TOKEN: 'abc-1.2_3~+/9==' }, []).apiToken).toBe('abc-1.2_3~+/9==');
    expect(() => loadConfig({ API_TOKEN: 'has space' }, [])).toThrow(/API_TOKEN may hold only/);
  });

  it('rejects bad values and unknown flags with a message naming them', () => {
    expect(() => loadConfig({ PORT: 'eighty' }, [])).toThrow(/config: .*port/);
    expect(() => loadConfig({ MAX_UPLOAD_BYTES: '-1' }, [])).toThrow(/maxUploadBytes/);
    expect(() => loadConfig({}, ['--prot', '1'])).toThrow(/unknown option --prot/);
    expect(() => loadConfig({}, ['--port'])).toThrow(/--port needs a value/);
    expect(() => loadConfig({}, ['--prot=1'])).toThrow(
      /^config: unknown option --prot=1 \(known: --port, --host, --data-dir, /,
    );
    expect(() => loadConfig({}, ['9000'])).toThrow(/unknown option 9000/);
    expect(() => loadConfig({}, ['-p', '1'])).toThrow(/unknown option -p /);
    // A flag's value is the next argument, whatever it looks like (as before parseArgs).
    expect(() => loadConfig({}, ['--host', '--port', '1'])).toThrow(/unknown option 1 /);
  });

  it('reads the cache budget from CACHE_BYTES or --cache-bytes', () => {
    expect(loadConfig({ CACHE_BYTES: '1048576' }, []).cacheBytes).toBe(1_048_576);
    expect(loadConfig({ CACHE_BYTES: '1' }, ['--cache-bytes', '4096']).cacheBytes).toBe(4096);
    expect(() => loadConfig({ CACHE_BYTES: '0' }, [])).toThrow(/cacheBytes/);
  });

  it('reads the body, idle, stats cache and host settings', () => {
    const config = loadConfig(
      {
        MAX_JSON_BYTES: '2048',
        UPLOAD_IDLE_SECONDS: '2.5',
        STATS_CACHE_BYTES: '4096',
        ALLOWED_HOSTS: 'Graphlets.example.org, intranet ',
      },
      [],
    );
    expect(config).toMatchObject({
      maxJsonBytes: 2048,
      uploadIdleSeconds: 2.5,
      statsCacheBytes: 4096,
      allowedHosts: ['graphlets.example.org', 'intranet'],
    });
    const defaults = loadConfig({}, []);
    expect(defaults).toMatchObject({
      maxJsonBytes: 1024 ** 2,
      uploadIdleSeconds: 60,
      allowedHosts: [],
    });
  });

  it('reads the token from API_TOKEN_FILE (not both), naming a file it cannot read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'graphlet-config-'));
    try {
      const file = join(dir, 'token');
      writeFileSync(file, 's3cret-from-file\n');
      expect(loadConfig({ API_TOKEN_FILE: file }, []).apiToken).toBe('s3cret-from-file');
      expect(loadConfig({}, ['--api-token-file', file]).apiToken).toBe('s3cret-from-file');
      expect(() => loadConfig({ API_TOKEN_FILE: file, API_TOKEN: 'x' }, [])).toThrow(/not both/);
      expect(() => loadConfig({ API_TOKEN_FILE: join(dir, 'missing') }, [])).toThrow(
        /cannot read API_TOKEN_FILE .*missing \(ENOENT\)/,
      );
      writeFileSync(file, '\n');
      expect(() => loadConfig({ API_TOKEN_FILE: file }, [])).toThrow(/is empty/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads SECRETS_KEY or SECRETS_KEY_FILE (not both) and refuses a key that is not 32 bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'graphlet-config-'));
    try {
      const key = Buffer.alloc(32, 3).toString('base64');
      const file = join(dir, 'key');
      writeFileSync(file, `${key}\n`);
      expect(loadConfig({ SECRETS_KEY_FILE: file }, []).secretsKey).toBe(key);
      expect(loadConfig({ SECRETS_KEY: key }, []).secretsKey).toBe(key);
      expect(() => loadConfig({ SECRETS_KEY_FILE: file, SECRETS_KEY: key }, [])).toThrow(
        /SECRETS_KEY or SECRETS_KEY_FILE, not both/,
      );
      expect(() => loadConfig({ SECRETS_KEY: 'short' }, [])).toThrow(/secretsKey: .*32 bytes/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
