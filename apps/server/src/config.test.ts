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

  it('rejects bad values and unknown flags with a message naming them', () => {
    expect(() => loadConfig({ PORT: 'eighty' }, [])).toThrow(/config: .*port/);
    expect(() => loadConfig({ MAX_UPLOAD_BYTES: '-1' }, [])).toThrow(/maxUploadBytes/);
    expect(() => loadConfig({}, ['--prot', '1'])).toThrow(/unknown option --prot/);
    expect(() => loadConfig({}, ['--port'])).toThrow(/--port needs a value/);
  });

  it('reads the cache budget from CACHE_BYTES or --cache-bytes', () => {
    expect(loadConfig({ CACHE_BYTES: '1048576' }, []).cacheBytes).toBe(1_048_576);
    expect(loadConfig({ CACHE_BYTES: '1' }, ['--cache-bytes', '4096']).cacheBytes).toBe(4096);
    expect(() => loadConfig({ CACHE_BYTES: '0' }, [])).toThrow(/cacheBytes/);
  });
});
