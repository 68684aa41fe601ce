/**
 * Turns MySQL/MariaDB (mysql2) and PostgreSQL (pg) driver errors into FormatErrors a person can
 * act on: unreachable host, authentication or permission failure, missing database. Messages
 * name the store by its label (no password) and never quote the driver's text when it could
 * echo credentials.
 */
import { FormatError } from './format-error.ts';

interface DriverError {
  readonly code?: unknown;
  readonly errno?: unknown;
  readonly message?: unknown;
  readonly sqlMessage?: unknown;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  // MariaDB: the connection or its query was killed (KILL), the server is shutting down.
  'ER_CONNECTION_KILLED',
  'ER_QUERY_INTERRUPTED',
  'ER_SERVER_SHUTDOWN',
  // PostgreSQL: terminated by an administrator (pg_terminate_backend), crash or shutdown,
  // cannot connect now, connection failure or absent.
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

/** The FormatError for a driver error raised while connecting to or reading `label`. */
export function connectionFailure(label: string, error: unknown): FormatError {
  if (error instanceof FormatError) return error;
  const e = (error ?? {}) as DriverError;
  const code = typeof e.code === 'string' ? e.code : '';
  const text = String(e.sqlMessage ?? e.message ?? error);
  if (
    NETWORK_CODES.has(code) ||
    /timeout|timed out|Connection terminated|not queryable|connection is in closed state|terminating connection/i.test(
      text,
    )
  ) {
    return new FormatError(
      'unreachable',
      label,
      `cannot reach the database server (${code || text})`,
    );
  }
  switch (code) {
    // MySQL: access denied for user (1045), to database (1044), to a table (1142, 1143).
    case 'ER_ACCESS_DENIED_ERROR':
    case 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR':
    case 'ER_DBACCESS_DENIED_ERROR':
    case 'ER_NOT_SUPPORTED_AUTH_MODE':
    // PostgreSQL: invalid password, invalid authorization (unknown role, pg_hba), no CONNECT.
    case '28P01':
    case '28000':
      return new FormatError('auth_failed', label, `authentication failed (${code})`);
    case 'ER_TABLEACCESS_DENIED_ERROR':
    case 'ER_COLUMNACCESS_DENIED_ERROR':
    case '42501':
      return new FormatError(
        'auth_failed',
        label,
        `permission denied: the user needs SELECT on the MLMD tables (${text})`,
      );
    case 'ER_BAD_DB_ERROR':
    case '3D000':
      return new FormatError('no_database', label, 'no such database on the server');
    default:
      return new FormatError(
        'unsupported',
        label,
        `cannot read this MLMD store (${code === '' ? text : `${code}: ${text}`})`,
      );
  }
}
