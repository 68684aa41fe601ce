import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderAt } from '../../test/render-app.tsx';
import { AddStoreForm } from './add-store-form.tsx';
import { ConnectionList } from './connection-list.tsx';

const connection = (id: string, name: string, state: string, extra: object = {}) => ({
  id,
  name,
  kind: 'mysql',
  location: `mysql://reader@db:3306/${name}`,
  pollSeconds: 60,
  storedCredentials: false,
  state,
  reason: null,
  synced: null,
  nextSync: null,
  schemaVersion: 10,
  traces: 2,
  jobId: '1',
  created: '2026-12-06T00:00:00.000Z',
  ...extra,
});

/** A fetch stub recording requests; answers by method and path. */
function recordingFetch(answers: Record<string, { status: number; body: unknown }>) {
  const requests: { method: string; path: string; body: unknown }[] = [];
  const stub = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const path = new URL(String(input), 'http://localhost').pathname;
    const method = init.method ?? 'GET';
    requests.push({
      method,
      path,
      body: init.body === undefined ? undefined : JSON.parse(String(init.body)),
    });
    const answer = answers[`${method} ${path}`] ?? {
      status: 404,
      body: { error: { code: 'not_found', message: path } },
    };
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof fetch;
  return { stub, requests };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('connected stores on the Corpus page', () => {
  it('lists each connection with its state in words and starts a sync on demand', async () => {
    const { stub, requests } = recordingFetch({
      'GET /api/connections': {
        status: 200,
        body: {
          connections: [
            connection('c1', 'kfp', 'ready', { synced: '2026-12-06T10:11:12.000Z' }),
            connection('c2', 'tfx', 'unreachable', {
              reason: 'mysql://reader@db:3306/tfx: cannot reach the database server (ECONNREFUSED)',
            }),
            connection('c3', 'new', 'syncing'),
          ],
        },
      },
      'POST /api/connections/c1/sync': {
        status: 202,
        body: { job: { id: '9', kind: 'sync', state: 'queued', progress: {} } },
      },
    });
    vi.stubGlobal('fetch', stub);
    renderAt(<ConnectionList />);
    const items = await screen.findAllByRole('listitem');
    expect(items.map((i) => i.getAttribute('data-state'))).toEqual([
      'ready',
      'unreachable',
      'syncing',
    ]);
    expect(items[0]!.textContent).toMatch(/up to date at \d\d:\d\d:\d\d · 2 traces · every 60 s/);
    expect(items[1]!.textContent).toContain(
      'unreachable: mysql://reader@db:3306/tfx: cannot reach the database server (ECONNREFUSED)',
    );
    expect(items[2]!.textContent).toContain('syncing…');
    expect(within(items[2]!).getByRole('button', { name: 'Sync now' })).toHaveProperty(
      'disabled',
      true,
    );
    fireEvent.click(within(items[0]!).getByRole('button', { name: 'Sync now' }));
    await waitFor(() =>
      expect(
        requests.some((r) => r.method === 'POST' && r.path === '/api/connections/c1/sync'),
      ).toBe(true),
    );
  });

  it('posts the form as the API takes it and shows a refusal', async () => {
    const { stub, requests } = recordingFetch({
      'POST /api/connections': {
        status: 422,
        body: {
          error: {
            code: 'unsupported_store',
            message: 'connections: /srv/x.sqlite: MLMD schema version 11 is not supported',
          },
        },
      },
    });
    vi.stubGlobal('fetch', stub);
    renderAt(<AddStoreForm />);
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'sqlite' } });
    expect(screen.queryByLabelText('Store the password')).toBeNull();
    fireEvent.change(screen.getByLabelText('Path'), { target: { value: '/srv/x.sqlite' } });
    fireEvent.change(screen.getByLabelText('Poll every (s)'), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect((await screen.findByRole('alert')).textContent).toContain('MLMD schema version 11');
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      kind: 'sqlite',
      path: '/srv/x.sqlite',
      name: 'x.sqlite',
      pollSeconds: 5,
      storeCredentials: false,
    });
  });
});
