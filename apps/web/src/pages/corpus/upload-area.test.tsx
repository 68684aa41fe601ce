import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderAt, stubFetch } from '../../test/render-app.tsx';
import { UploadArea } from './upload-area.tsx';

/** A minimal XMLHttpRequest stand-in the test drives by hand. */
class FakeXhr {
  static last: FakeXhr | undefined;
  status = 0;
  responseText = '';
  upload: {
    onprogress: ((e: { loaded: number; total: number; lengthComputable: boolean }) => void) | null;
  } = {
    onprogress: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  sent: unknown;
  constructor() {
    FakeXhr.last = this;
  }
  open() {}
  setRequestHeader() {}
  abort() {}
  send(body: unknown) {
    this.sent = body;
  }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

/** A minimal EventSource stand-in. */
class FakeEventSource {
  static last: FakeEventSource | undefined;
  listeners = new Map<string, ((e: MessageEvent) => void)[]>();
  onerror: (() => void) | null = null;
  closed = false;
  readonly url: string;
  constructor(url: string) {
    this.url = url;
    FakeEventSource.last = this;
  }
  addEventListener(name: string, fn: (e: MessageEvent) => void) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
  }
  close() {
    this.closed = true;
  }
  emit(name: string, data: unknown) {
    for (const fn of this.listeners.get(name) ?? [])
      fn(new MessageEvent(name, { data: JSON.stringify(data) }));
  }
}

const job = (state: string, progress: Record<string, number>) => ({
  id: 'j1',
  kind: 'import',
  state,
  progress,
});

const chooseFile = (name = 'store.sqlite') => {
  const input = screen.getByLabelText(/Choose an MLMD SQLite store/) as HTMLInputElement;
  const file = new File(['x'.repeat(1000)], name);
  fireEvent.change(input, { target: { files: [file] } });
};

const bar = () => screen.getByRole('progressbar');

beforeEach(() => {
  FakeXhr.last = undefined;
  FakeEventSource.last = undefined;
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.stubGlobal('fetch', stubFetch({}));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('UploadArea', () => {
  it('shows bytes sent, then the import job over server-sent events, then the result', async () => {
    renderAt(<UploadArea />);
    chooseFile();
    const xhr = FakeXhr.last!;
    expect(xhr.sent).toBeInstanceOf(FormData);
    expect((xhr.sent as FormData).get('file')).toBeInstanceOf(File);

    act(() => xhr.upload.onprogress?.({ loaded: 250, total: 1000, lengthComputable: true }));
    expect(bar().getAttribute('aria-valuenow')).toBe('25');
    expect(screen.getByText(/Uploading 250 B of 1000 B/)).toBeTruthy();

    act(() => xhr.respond(202, { source: { id: 's1' }, job: job('queued', {}) }));
    await waitFor(() => expect(FakeEventSource.last?.url).toBe('/api/jobs/j1/events'));
    const events = FakeEventSource.last!;
    act(() =>
      events.emit(
        'job',
        job('running', { bytesRead: 600, bytesTotal: 1000, tracesImported: 2, graphletsFound: 5 }),
      ),
    );
    expect(bar().getAttribute('aria-valuenow')).toBe('60');
    expect(screen.getByText(/2 traces · 5 graphlets/)).toBeTruthy();

    act(() =>
      events.emit(
        'job',
        job('done', { bytesRead: 1000, bytesTotal: 1000, tracesImported: 3, graphletsFound: 9 }),
      ),
    );
    expect(screen.getByText(/Imported 3 traces and 9 graphlets/)).toBeTruthy();
    expect(events.closed).toBe(true);
  });

  it("shows the server's message for a rejected file", async () => {
    renderAt(<UploadArea />);
    chooseFile('notes.txt');
    act(() =>
      FakeXhr.last!.respond(415, {
        error: {
          code: 'unsupported_media_type',
          message: 'sources: not an SQLite database or JSON',
        },
      }),
    );
    expect((await screen.findByRole('alert')).textContent).toContain(
      'not an SQLite database or JSON',
    );
  });

  it('explains a 413 even without an error body', async () => {
    renderAt(<UploadArea />);
    chooseFile();
    act(() => {
      const xhr = FakeXhr.last!;
      xhr.status = 413;
      xhr.responseText = 'Payload Too Large';
      xhr.onload?.();
    });
    expect((await screen.findByRole('alert')).textContent).toContain(
      'larger than the server accepts',
    );
  });

  it('reports a failed import job', async () => {
    renderAt(<UploadArea />);
    chooseFile();
    act(() => FakeXhr.last!.respond(202, { source: { id: 's1' }, job: job('running', {}) }));
    await waitFor(() => expect(FakeEventSource.last).toBeDefined());
    act(() =>
      FakeEventSource.last!.emit('job', {
        ...job('failed', {}),
        error: { code: 'invalid_file', message: 'import: the store has a cycle' },
      }),
    );
    expect((await screen.findByRole('alert')).textContent).toContain('the store has a cycle');
  });
});
