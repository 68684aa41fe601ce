/** The readable `waste` report: each variant beside Table 3, then the operating points. */
import { VARIANT_DEFINITIONS, type WasteFeatureTable } from '@graphlet/core';
import { type WasteRun, wasteRemovedAt } from '@graphlet/waste';
import { formatTable } from '../format-table.ts';

const fixed = (x: number | undefined, digits = 3) => (x === undefined ? 'n/a' : x.toFixed(digits));

/** Formats the report. */
export function formatWasteReport(table: WasteFeatureTable, run: WasteRun): string {
  const { warmStartPipelines, warmStartGraphlets } = table.excluded;
  const lines = [
    `Waste classifier (paper §5, Table 3, Figure 10) on ${table.nRows} graphlets of ${table.pipelines.length} pipelines`,
    `excluded (warm start, §5): ${warmStartGraphlets} graphlets of ${warmStartPipelines} pipelines`,
    `split by pipeline: ${run.split.train.length} train / ${run.split.test.length} test graphlets (${run.split.trainPipelines} / ${run.split.testPipelines} pipelines)`,
    '',
    formatTable(
      [
        'variant',
        'balanced acc',
        'paper',
        'feature cost',
        'paper',
        'waste removed @ fresh>=0.99',
        'top feature',
      ],
      run.evaluations.map((e) => {
        const paper = VARIANT_DEFINITIONS[e.variant].paper;
        const top = e.importance[0];
        return [
          e.variant,
          fixed(e.balancedAccuracy),
          fixed(paper.balancedAccuracy),
          fixed(e.featureCost, 2),
          fixed(paper.featureCost, 2),
          fixed(wasteRemovedAt(e.curve, 0.99), 2),
          top === undefined ? '' : `${top.name} (${top.importance.toFixed(2)})`,
        ];
      }),
    ),
    '',
    'Table 3 prints 0.77 as the feature cost of every ablation; here each variant costs where its',
    'own features exist (RF:History after ingestion, RF:Model-Type from the configuration).',
  ];
  for (const e of run.evaluations) {
    const p = e.operatingPoint;
    if (p === undefined) continue;
    lines.push(
      '',
      `${e.variant} at threshold ${p.threshold}: freshness ${fixed(p.freshness)}, waste still incurred ${fixed(p.waste)},` +
        ` compute saved ${(p.computeSaved / 3600).toFixed(1)} CPU hours (${(100 * p.computeSavedShare).toFixed(1)}%),` +
        ` pushed graphlets lost ${p.pushedLost}, skipped ${p.skipped.length} of ${run.split.test.length} test graphlets`,
    );
  }
  lines.push('', `training: ${run.trainSeconds.toFixed(1)} s in total`);
  return lines.join('\n');
}
