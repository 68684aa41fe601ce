import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { Breadcrumbs } from './breadcrumbs.tsx';

afterEach(cleanup);

describe('Breadcrumbs', () => {
  it('links the Corpus, then each page of the trail in order', () => {
    render(
      <MemoryRouter>
        <Breadcrumbs trail={[{ to: '/traces/t1?g=7', label: 'taxi' }]} />
      </MemoryRouter>,
    );
    const nav = screen.getByRole('navigation', { name: 'Breadcrumbs' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Corpus', '/'],
      ['taxi', '/traces/t1?g=7'],
    ]);
    expect(nav.textContent).toBe('Corpus / taxi /');
  });
});
