/**
 * The header's corpus-wide search: a combobox over pipelines, executions and artifacts of every
 * trace (GET /api/search). Arrow keys move through the results, Enter follows one to its node.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useDeferredValue, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/api-error.ts';
import { searchQuery } from '../api/queries.ts';
import type { SearchHit } from '../api/schemas.ts';
import { countOf } from '../lib/plural.ts';
import { searchHitDetail, searchHitHref, stepOption } from '../lib/search/search-hits.ts';

/** The search box and its results list. */
export function CorpusSearch() {
  const id = useId();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const deferred = useDeferredValue(text.trim());
  const ready = deferred.length >= 3;
  const result = useQuery({ ...searchQuery(deferred), placeholderData: keepPreviousData });
  const hits = ready ? (result.data?.hits ?? []) : [];
  const shown = open && text.trim().length > 0;

  const follow = (hit: SearchHit) => {
    setOpen(false);
    setActive(-1);
    void navigate(searchHitHref(hit), { state: { centerNode: true } });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      if (shown) setOpen(false);
      else setText('');
      return;
    }
    if (event.key === 'Enter') {
      const hit = hits[active] ?? (hits.length > 0 ? hits[0] : undefined);
      if (hit !== undefined) {
        event.preventDefault();
        follow(hit);
      }
      return;
    }
    if (
      ['ArrowDown', 'ArrowUp'].includes(event.key) ||
      (shown && ['Home', 'End'].includes(event.key) && active >= 0)
    ) {
      event.preventDefault();
      setOpen(true);
      setActive(stepOption(active, event.key, hits.length));
    }
  };

  const listId = `${id}-results`;
  const optionId = (i: number) => `${id}-hit-${i}`;
  return (
    <search className="corpus-search">
      <input
        type="search"
        role="combobox"
        aria-label="Search all traces"
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown && active >= 0 ? optionId(active) : undefined}
        placeholder="Search all traces"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {shown && (
        <div className="corpus-search-popup">
          <div id={listId} role="listbox" aria-label="Search results" tabIndex={-1}>
            {hits.map((hit, i) => (
              <div
                key={`${hit.traceId}-${hit.nodeId ?? 'pipeline'}`}
                id={optionId(i)}
                role="option"
                tabIndex={-1}
                aria-selected={i === active}
                data-kind={hit.kind}
                // Follow on mousedown, before the input's blur closes the list.
                onMouseDown={(e) => {
                  e.preventDefault();
                  follow(hit);
                }}
                onMouseMove={() => setActive(i)}
              >
                <span className="hit-label">{hit.label}</span>
                <span className="hit-detail">{searchHitDetail(hit)}</span>
              </div>
            ))}
          </div>
          <p className="corpus-search-status" role="status">
            {searchStatus(text, ready, result, hits.length)}
          </p>
        </div>
      )}
    </search>
  );
}

/** The line under the results: what to type, what went wrong, or how many matched. */
function searchStatus(
  text: string,
  ready: boolean,
  result: {
    isError: boolean;
    error: Error | null;
    isFetching: boolean;
    data?: { more: boolean } | undefined;
  },
  count: number,
): string {
  if (text.trim().length < 3) return 'Type at least 3 characters.';
  // The server's own words when it answered: a query too broad says what to do instead.
  if (result.isError)
    return result.error instanceof ApiError ? result.error.message : 'Search failed.';
  if (!ready || (result.isFetching && count === 0)) return 'Searching…';
  if (count === 0) return 'Nothing matches.';
  const more = result.data?.more === true ? ' shown; more match, type more to narrow' : '';
  return `${countOf(count, 'result')}${more}.`;
}
