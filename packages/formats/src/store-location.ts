/**
 * Where an MLMD store lives: an SQLite file path, or a MySQL/MariaDB or PostgreSQL URL
 * (`mysql://user@host:3306/mlmd`, `postgres://user@host/mlmd`). Passwords come from the URL or
 * the environment and never appear in a label or an error message.
 */
import { FormatError } from './format-error.ts';

/** A database server location; unset fields fall back to the driver's defaults. */
export interface ServerLocation {
  readonly kind: 'mysql' | 'postgres';
  /** Undefined when the URL names none: MySQL then uses localhost, PostgreSQL PGHOST. */
  readonly host: string | undefined;
  readonly port: number | undefined;
  readonly user: string | undefined;
  readonly password: string | undefined;
  readonly database: string | undefined;
  /** The URL without its password, for messages. */
  readonly label: string;
}

/** A parsed store location; `label` is what messages show (never a password). */
export type StoreLocation =
  | { readonly kind: 'sqlite'; readonly path: string; readonly label: string }
  | ServerLocation;

const SCHEMES: Record<string, 'mysql' | 'postgres'> = {
  'mysql:': 'mysql',
  'mariadb:': 'mysql',
  'postgres:': 'postgres',
  'postgresql:': 'postgres',
};

/** Whether `text` names a database server (a mysql:, mariadb:, postgres: or postgresql: URL). */
export function isStoreUrl(text: string): boolean {
  return /^(mysql|mariadb|postgres|postgresql):\/\//i.test(text);
}

/**
 * Parses a file path or store URL. Without a password in the URL, MLMD_PASSWORD is used (and for
 * PostgreSQL the driver's own PGPASSWORD / ~/.pgpass); without a user, MLMD_USER (PostgreSQL:
 * PGUSER). `env` defaults to process.env.
 */
export function parseStoreLocation(
  text: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): StoreLocation {
  if (!isStoreUrl(text)) return { kind: 'sqlite', path: text, label: text };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // Never echo the text: it may hold a password.
    throw new FormatError('unsupported', redactStoreUrl(text), 'not a valid store URL');
  }
  const kind = SCHEMES[url.protocol.toLowerCase()]!;
  const user = url.username === '' ? env.MLMD_USER : decodeURIComponent(url.username);
  const password = url.password === '' ? env.MLMD_PASSWORD : decodeURIComponent(url.password);
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || undefined;
  const port = url.port === '' ? undefined : Number(url.port);
  const host = url.hostname.replace(/^\[|\]$/g, '') || undefined;
  const label = `${kind === 'mysql' ? 'mysql' : 'postgres'}://${user === undefined ? '' : `${encodeURIComponent(user)}@`}${url.host}/${database ?? ''}`;
  return { kind, host, port, user, password, database, label };
}

/** `text` with any password in a URL's user info replaced by `***`. */
export function redactStoreUrl(text: string): string {
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*):[^@/]*@/i, '$1:***@');
}
