/** The compare page (`/compare?a=<trace>:<trainer>&b=<trace>:<trainer>`): two graphlets side by side. */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { graphletQuery, nodeQuery } from '../../api/queries.ts';
import { Breadcrumbs } from '../../components/breadcrumbs.tsx';
import { PushedBadge } from '../../components/pushed-badge.tsx';
import { QueryErrorMessage } from '../../components/query-error-message.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useTraceName } from '../../hooks/use-trace-name.ts';
import {
  compareGraphlets,
  compareHref,
  type GraphletRef,
  parseGraphletRef,
} from '../../lib/graphlet/compare-graphlets.ts';
import { countOf } from '../../lib/plural.ts';
import { CompareTable } from './compare-table.tsx';
import { SpanDiff } from './span-diff.tsx';

function useSide(ref: GraphletRef | undefined) {
  const traceId = ref?.traceId ?? '';
  const trainer = String(ref?.trainer ?? '');
  const detail = useQuery({ ...graphletQuery(traceId, trainer), enabled: ref !== undefined });
  const node = useQuery({ ...nodeQuery(traceId, `e${trainer}`), enabled: ref !== undefined });
  return { detail, node };
}

/** Loads both graphlets and their trainers, then shows every section of the comparison. */
export function ComparePage() {
  const [params] = useSearchParams();
  const a = parseGraphletRef(params.get('a'));
  const b = parseGraphletRef(params.get('b'));
  const left = useSide(a);
  const right = useSide(b);
  const comparison = useMemo(
    () =>
      left.detail.data === undefined || right.detail.data === undefined
        ? undefined
        : compareGraphlets(
            { detail: left.detail.data, trainer: left.node.data },
            { detail: right.detail.data, trainer: right.node.data },
          ),
    [left.detail.data, right.detail.data, left.node.data, right.node.data],
  );
  useDocumentTitle('Compare graphlets');
  if (a === undefined || b === undefined)
    return (
      <div className="stack">
        <h1>Compare graphlets</h1>
        <p role="alert">
          This link does not name two graphlets. Open a graphlet and choose “Compare with” to pick
          the other one.
        </p>
      </div>
    );
  const failed = left.detail.isError
    ? left.detail
    : right.detail.isError
      ? right.detail
      : undefined;
  return (
    <div className="stack">
      <div className="page-title">
        <Breadcrumbs />
        <h1>Compare graphlets</h1>
        <Link className="button" to={compareHref(b, a)}>
          ⇄ Swap A and B
        </Link>
      </div>
      <div className="compare-heads">
        <SideHead
          label="A"
          side={a}
          pushed={left.detail.data?.graphlet.pushed}
          index={left.detail.data?.graphlet.index}
        />
        <SideHead
          label="B"
          side={b}
          pushed={right.detail.data?.graphlet.pushed}
          index={right.detail.data?.graphlet.index}
        />
      </div>
      {failed !== undefined ? (
        <QueryErrorMessage query={failed} title="Could not load a graphlet" />
      ) : comparison === undefined ? (
        <Skeleton height={420} label="Loading both graphlets" />
      ) : (
        <>
          <p className="compare-summary" data-testid="compare-summary">
            {comparison.differences === 0
              ? 'No difference in what the traces record.'
              : `${countOf(comparison.differences, 'difference')}, highlighted below.`}
          </p>
          <CompareTable
            title="Inputs (of the trainer, by key)"
            rows={comparison.inputs}
            empty="No trainer inputs recorded."
          />
          <SpanDiff diff={comparison.spans} />
          <CompareTable
            title="Code"
            rows={comparison.code}
            empty="Neither trainer records a code version or module."
          />
          <CompareTable
            title="Hyperparameters (trainer properties)"
            rows={comparison.hyperparameters}
            empty="Neither trainer records hyperparameters."
          />
          <CompareTable title="Metrics" rows={comparison.metrics} empty="No metrics." />
        </>
      )}
    </div>
  );
}

interface SideHeadProps {
  readonly label: 'A' | 'B';
  readonly side: GraphletRef;
  readonly pushed: boolean | undefined;
  readonly index: number | undefined;
}

function SideHead({ label, side, pushed, index }: SideHeadProps) {
  const name = useTraceName(side.traceId);
  return (
    <div className={`compare-head compare-head-${label.toLowerCase()}`}>
      <span className="compare-side">{label}</span>
      <Link to={`/traces/${encodeURIComponent(side.traceId)}/graphlets/${side.trainer}`}>
        {index === undefined ? '' : `Graphlet #${index + 1} · `}trainer {side.trainer}
      </Link>
      <span className="muted">{name}</span>
      {pushed !== undefined && <PushedBadge pushed={pushed} />}
    </div>
  );
}
