/** Server configuration: environment variables and matching command-line flags, validated with zod. */
import { readFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseByteSize } from '@graphlet/waste';
import { z } from 'zod';
import { parseSecretsKey } from './secrets/secret-box.ts';

const MIB = 1024 ** 2;
const GIB = 1024 ** 3;

/** The results cache's default budget (STATS_CACHE_BYTES). */
export const DEFAULT_STATS_CACHE_BYTES = 32 * MIB;

const flag = z.union([z.boolean(), z.enum(['0', '1', 'true', 'false'])]);

export const ConfigSchema = z.object({
  port: z.coerce.number().int().min(0).max(65_535).default(8080),
  host: z.string().min(1).default('127.0.0.1'),
  dataDir: z.string().min(1).default('./data'),
  maxUploadBytes: z.coerce.number().int().positive().default(GIB),
  /** The largest JSON request body (training, scoring, role overrides, events); past it 413. */
  maxJsonBytes: z.coerce.number().int().positive().default(MIB),
  /** An upload that sends nothing for this many seconds is dropped (408) and its temp file removed. */
  uploadIdleSeconds: z.coerce.number().positive().default(60),
  /** Statistics results kept in the store, least recently used evicted past this many bytes. */
  statsCacheBytes: z.coerce.number().int().positive().default(DEFAULT_STATS_CACHE_BYTES),
  /**
   * Host names (comma-separated) the server answers besides its bound address and loopback
   * names, e.g. `graphlets.example.org`; `*` answers any (behind a proxy that checks Host).
   */
  allowedHosts: z
    .union([z.string(), z.array(z.string())])
    .default([])
    .transform((v) =>
      (typeof v === 'string' ? v.split(',') : v)
        .map((h) => h.trim().toLowerCase())
        .filter((h) => h !== ''),
    ),
  /** One budget for every in-memory cache (loaded traces, list answers, waste models), in bytes. */
  cacheBytes: z.coerce
    .number()
    .int()
    .positive()
    .default(256 * MIB),
  /** When set, every /api call except /api/health needs `Authorization: Bearer <token>`. */
  apiToken: z
    .string()
    .regex(/^([A-Za-z0-9._~+/-]+=*)?$/, {
      message: 'API_TOKEN may hold only letters, digits and . _ ~ + / - (then = padding)',
    })
    .optional()
    .transform((t) => (t === '' ? undefined : t)),
  /** Load the seeded demo corpus when the store is empty. */
  demo: flag.default(true).transform((v) => v === true || v === '1' || v === 'true'),
  /**
   * Memory a waste training job may use (bytes, or a size such as `2G`); a request whose
   * estimate exceeds it is refused at once with the figure it would need. Default: three
   * quarters of the machine's memory.
   */
  wasteMaxMemory: z
    .union([z.number(), z.string()])
    .default(() => Math.floor(0.75 * totalmem()))
    .transform((v, ctx) => {
      const bytes = typeof v === 'number' ? v : parseByteSize(v);
      if (bytes === undefined || !(bytes > 0)) {
        ctx.addIssue({ code: 'custom', message: 'expected a size such as 2G, 1536M or bytes' });
        return z.NEVER;
      }
      return bytes;
    }),
  /** First retry delay of an unreachable connection, in ms (doubling up to five minutes). */
  connectionRetryMs: z.coerce.number().int().positive().default(5000),
  /** Jobs that may wait in each slot (imports, trainings, statistics); past it 429 `queue_full`. */
  jobQueueLimit: z.coerce.number().int().positive().default(16),
  /**
   * Redis for the job queue (BullMQ): jobs then run in worker processes (`pnpm worker`) sharing
   * this DATA_DIR; unset, they run in this process.
   */
  redisUrl: z
    .string()
    .optional()
    .transform((u) => (u === '' ? undefined : u)),
  /**
   * The PostgreSQL store (postgres://user:password@host:5432/db); unset, the store is the SQLite
   * file in DATA_DIR. Worker threads and worker processes open the same URL.
   */
  databaseUrl: z
    .string()
    .optional()
    .transform((u) => (u === '' ? undefined : u))
    .refine((u) => u === undefined || /^postgres(ql)?:\/\//i.test(u), {
      message: 'DATABASE_URL must be a postgres:// URL',
    }),
  /** The PostgreSQL schema of the store's tables (created if absent); unset: the URL's default. */
  databaseSchema: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'DATABASE_SCHEMA must be a lower-case SQL name')
    .optional(),
  /**
   * The key that seals stored connection passwords (AES-256-GCM): 32 bytes, base64 or hex. Every
   * API and worker process of a deployment needs the same one. Unset on the SQLite store, the
   * key is `DATA_DIR/secrets.key` (created when first needed); unset on PostgreSQL, passwords
   * cannot be stored.
   */
  secretsKey: z
    .string()
    .optional()
    .transform((k) => (k === '' ? undefined : k))
    .superRefine((k, ctx) => {
      if (k === undefined) return;
      try {
        parseSecretsKey(k);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }),
  /** Redis key prefix of the queues, so deployments sharing a Redis keep apart. */
  queuePrefix: z.string().min(1).default('graphlet'),
  /** The built web app; its absence is answered with a hint page. */
  webDir: z.string().default(fileURLToPath(new URL('../../web/dist', import.meta.url))),
});

export type ConfigInput = z.input<typeof ConfigSchema>;
export type Config = z.output<typeof ConfigSchema>;

const ENV_KEYS: Readonly<Record<string, keyof ConfigInput | 'apiTokenFile' | 'secretsKeyFile'>> = {
  PORT: 'port',
  HOST: 'host',
  DATA_DIR: 'dataDir',
  MAX_UPLOAD_BYTES: 'maxUploadBytes',
  CACHE_BYTES: 'cacheBytes',
  API_TOKEN: 'apiToken',
  API_TOKEN_FILE: 'apiTokenFile',
  MAX_JSON_BYTES: 'maxJsonBytes',
  UPLOAD_IDLE_SECONDS: 'uploadIdleSeconds',
  STATS_CACHE_BYTES: 'statsCacheBytes',
  ALLOWED_HOSTS: 'allowedHosts',
  DEMO: 'demo',
  WEB_DIR: 'webDir',
  WASTE_MAX_MEMORY: 'wasteMaxMemory',
  CONNECTION_RETRY_MS: 'connectionRetryMs',
  JOB_QUEUE_LIMIT: 'jobQueueLimit',
  REDIS_URL: 'redisUrl',
  DATABASE_URL: 'databaseUrl',
  DATABASE_SCHEMA: 'databaseSchema',
  QUEUE_PREFIX: 'queuePrefix',
  SECRETS_KEY: 'secretsKey',
  SECRETS_KEY_FILE: 'secretsKeyFile',
};

/** Reads the configuration: flags (`--port 9000`, `--data-dir=x`) override environment variables. */
export function loadConfig(env: NodeJS.ProcessEnv, argv: readonly string[]): Config {
  const input: Record<string, string> = {};
  for (const [name, key] of Object.entries(ENV_KEYS)) {
    const value = env[name];
    if (value !== undefined) input[key] = value;
  }
  const flags = new Map(Object.entries(ENV_KEYS).map(([name, key]) => [flagName(name), key]));
  // Not strict: the tokens let unknown options and missing values be named in our own words.
  const { tokens } = parseArgs({
    // `pnpm start -- --port 9000` may pass the separator through.
    args: argv.filter((arg) => arg !== '--'),
    options: Object.fromEntries([...flags.keys()].map((flag) => [flag, { type: 'string' }])),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const unknown = (arg: string) =>
    new Error(
      `config: unknown option ${arg} (known: ${[...flags.keys()].map((f) => `--${f}`).join(', ')})`,
    );
  for (const token of tokens) {
    if (token.kind !== 'option') throw unknown(token.kind === 'positional' ? token.value : '--');
    const key = flags.get(token.name);
    if (key === undefined)
      throw unknown(token.inlineValue === true ? `${token.rawName}=${token.value}` : token.rawName);
    if (token.value === undefined) throw new Error(`config: ${token.rawName} needs a value`);
    input[key] = token.value;
  }
  readSecretFile(input, 'apiToken', 'API_TOKEN');
  readSecretFile(input, 'secretsKey', 'SECRETS_KEY');
  const parsed = ConfigSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`config: invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/**
 * `API_TOKEN_FILE`, `SECRETS_KEY_FILE`: the value read from a file (one line; the final newline
 * dropped), so it never shows in `ps` or the environment of child processes.
 */
function readSecretFile(
  input: Record<string, string>,
  key: 'apiToken' | 'secretsKey',
  envName: string,
): void {
  const fileKey = `${key}File`;
  const path = input[fileKey];
  if (path === undefined) return;
  delete input[fileKey];
  if (input[key] !== undefined)
    throw new Error(`config: set ${envName} or ${envName}_FILE, not both`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(`config: cannot read ${envName}_FILE ${path} (${code})`);
  }
  const value = text.replace(/\r?\n$/, '');
  if (value === '') throw new Error(`config: ${envName}_FILE ${path} is empty`);
  input[key] = value;
}

/** `MAX_UPLOAD_BYTES` -> `max-upload-bytes` (the flag `--max-upload-bytes`). */
function flagName(envName: string): string {
  return envName.toLowerCase().replaceAll('_', '-');
}
