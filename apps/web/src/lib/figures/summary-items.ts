/** The summary strip of the figures page: corpus size and pushed share, with the paper's. */

import type { StatsDocument } from '@graphlet/contract';
import type { PaperTargets } from '@graphlet/core';
import type { GlossaryTerm } from '../glossary.ts';
import { countOf } from '../plural.ts';
import { formatAmount, formatShare } from './format-stat.ts';
import { formatTarget } from './paper-reference.ts';

/** One figure of the strip. */
export interface SummaryItem {
  readonly key: string;
  readonly label: string;
  /** The glossary term the label names, if any. */
  readonly term?: GlossaryTerm;
  readonly value: string;
  readonly detail: string;
  /** The paper's number, e.g. "paper ~20%", or "". */
  readonly paper: string;
}

/** Pipelines, graphlets, pushed share and period, each with the paper's value. */
export function summaryItems(corpus: StatsDocument['corpus'], paper: PaperTargets): SummaryItem[] {
  const paperAt = (key: string) => {
    const target = paper[`corpus.${key}`];
    return target === undefined ? '' : `paper ${formatTarget(`corpus.${key}`, target)}`;
  };
  return [
    {
      key: 'pipelines',
      label: 'Pipelines',
      value: corpus.pipelines.toLocaleString('en-US'),
      detail: `${corpus.pipelinesWithGraphlets.toLocaleString('en-US')} with graphlets`,
      paper: paperAt('pipelines'),
    },
    {
      key: 'graphlets',
      label: 'Graphlets (trainer runs)',
      term: 'graphlet',
      value: corpus.graphlets.toLocaleString('en-US'),
      detail: countOf(corpus.executions, 'execution'),
      paper: paperAt('graphlets'),
    },
    {
      key: 'pushedShare',
      label: 'Pushed graphlets',
      term: 'pushed',
      value: formatShare(corpus.pushedShare),
      detail: `${corpus.pushedGraphlets.toLocaleString('en-US')} of ${corpus.completedGraphlets.toLocaleString('en-US')} completed trainers`,
      paper: paperAt('pushedShare'),
    },
    {
      key: 'failedTrainerGraphlets',
      label: 'Failed trainers',
      value: corpus.failedTrainerGraphlets.toLocaleString('en-US'),
      detail:
        corpus.failedCompute.share === null
          ? 'no model, no push decision; compute unknown'
          : `no model, no push decision; ${formatShare(corpus.failedCompute.share)} of compute spent on them`,
      paper: '',
    },
    {
      key: 'periodDays',
      label: 'Period (days)',
      value: formatAmount(corpus.periodDays),
      detail: 'oldest to newest timestamp',
      paper: paperAt('periodDays'),
    },
  ];
}
