/** The API bearer token, kept in sessionStorage, and whether the server asked for one. */
const KEY = 'graphlet-explorer.token';

type Listener = () => void;
const listeners = new Set<Listener>();
let tokenRequired = false;

function emit(): void {
  for (const listener of listeners) listener();
}

/** The stored bearer token, or null. */
export function readToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** Stores the bearer token for this browser tab and clears the "token required" flag. */
export function saveToken(token: string): void {
  sessionStorage.setItem(KEY, token);
  tokenRequired = false;
  emit();
}

/** Marks that the server answered 401, so the app shows the token prompt. */
export function requireToken(): void {
  if (tokenRequired) return;
  tokenRequired = true;
  emit();
}

/** True after a 401 until a token is saved. */
export function isTokenRequired(): boolean {
  return tokenRequired;
}

/** Subscribes to token state changes (for useSyncExternalStore). */
export function subscribeToken(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
