/**
 * Where a connection's store is, and its password: parsed from the request (URL or server path),
 * stored without the password (the URL's label), and put back together for each sync from the
 * stored secret, the one kept in memory, or the environment (MLMD_PASSWORD, PGPASSWORD).
 */
import { resolve } from 'node:path';
import type { ConnectionKind, CreateConnection } from '@graphlet/contract';
import { parseStoreLocation, type StoreLocation } from '@graphlet/formats';
import { apiError } from '../http/api-error.ts';

/** A parsed request: the location to probe, what to store, and the password if the URL had one. */
export interface RequestedLocation {
  readonly location: StoreLocation;
  /** The URL without password, or the absolute path: what the connections table keeps. */
  readonly stored: string;
  /** The password the URL itself carried (never the environment's). */
  readonly urlPassword: string | null;
}

/** Parses the request's url or path for its kind; 400 when a URL names another kind. */
export function requestedLocation(body: CreateConnection): RequestedLocation {
  if (body.kind === 'sqlite') {
    const path = resolve(body.path ?? '');
    return { location: { kind: 'sqlite', path, label: path }, stored: path, urlPassword: null };
  }
  const url = body.url ?? '';
  const location = parseStoreLocation(url);
  if (location.kind !== body.kind) {
    throw apiError(
      400,
      'bad_request',
      `connections: a ${body.kind} connection needs a ${body.kind}:// URL`,
    );
  }
  const withoutEnv = parseStoreLocation(url, {});
  return {
    location,
    stored: location.label,
    urlPassword: withoutEnv.kind === 'sqlite' ? null : (withoutEnv.password ?? null),
  };
}

/** The location of a stored connection, with the best password known (given one, or the environment's). */
export function storedLocation(
  kind: ConnectionKind,
  stored: string,
  password: string | null,
): StoreLocation {
  if (kind === 'sqlite') return { kind: 'sqlite', path: stored, label: stored };
  const location = parseStoreLocation(stored);
  if (location.kind === 'sqlite') throw new Error(`connections: stored location is not a URL`);
  return password === null ? location : { ...location, password };
}
