/** Asks for the API token when the server answered 401; stores it for this tab and refetches. */
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { isTokenRequired, saveToken, subscribeToken } from '../api/token-store.ts';

/** A modal dialog shown while the server needs a token. */
export function TokenPrompt() {
  const required = useSyncExternalStore(subscribeToken, isTokenRequired);
  const [value, setValue] = useState('');
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    if (required && !element.open) element.showModal?.();
    if (!required && element.open) element.close?.();
  }, [required]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim() === '') return;
    saveToken(value.trim());
    setValue('');
    void queryClient.invalidateQueries();
  };

  return (
    <dialog ref={dialog} aria-labelledby="token-title" className="card">
      <form onSubmit={submit} className="stack">
        <h2 id="token-title">Access token needed</h2>
        <p className="muted">This server asks for a token. It is kept for this browser tab only.</p>
        <label>
          Token
          <input
            type="password"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            autoComplete="off"
            required
          />
        </label>
        <div>
          <button type="submit" className="primary">
            Continue
          </button>
        </div>
      </form>
    </dialog>
  );
}
