import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmAction } from './confirm-action.tsx';

afterEach(cleanup);

function renderAction(pending = false) {
  const onConfirm = vi.fn();
  const other = vi.fn();
  const view = render(
    <ConfirmAction
      label="Delete…"
      ariaLabel="Delete store a…"
      question="Delete store a and its traces?"
      confirmLabel="Delete"
      pendingLabel="Deleting…"
      pending={pending}
      onConfirm={onConfirm}
      danger
    >
      <button type="button" onClick={other}>
        Roles…
      </button>
    </ConfirmAction>,
  );
  return { onConfirm, other, view };
}

describe('ConfirmAction', () => {
  it('asks first, runs only on the second click, and Cancel goes back', () => {
    const { onConfirm, other } = renderAction();
    fireEvent.click(screen.getByRole('button', { name: 'Roles…' }));
    expect(other).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Delete store a…' }));
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.getByText('Delete store a and its traces?')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Roles…' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByText('Delete store a and its traces?')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Delete store a…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(onConfirm).toHaveBeenCalledOnce();
  });

  it('disables both buttons and says so while the action runs', () => {
    const { view } = renderAction();
    fireEvent.click(screen.getByRole('button', { name: 'Delete store a…' }));
    view.rerender(
      <ConfirmAction
        label="Delete…"
        question="Delete store a and its traces?"
        confirmLabel="Delete"
        pendingLabel="Deleting…"
        pending
        onConfirm={() => {}}
      />,
    );
    expect(screen.getByRole('button', { name: 'Deleting…' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Cancel' }).hasAttribute('disabled')).toBe(true);
  });
});
