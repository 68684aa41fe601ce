/** One line per Table 3 variant: which features it reads, and so when it can decide (docs/waste.md). */
import type { WasteVariant } from '@graphlet/core';

export const VARIANT_DESCRIPTIONS: Readonly<Record<WasteVariant, string>> = {
  'RF:Input':
    'Input-data and code history plus model type: decides right after ingestion, before anything else runs.',
  'RF:Input+Pre':
    'RF:Input plus the shape of the pre-trainer operators (validation, Transform, Tuner): decides just before training.',
  'RF:Input+Pre+Trainer':
    'RF:Input+Pre plus the trainer’s own inputs and outputs: decides after training, before validation and push.',
  'RF:Validation':
    'Every feature, post-trainer validators included: decides only after everything ran (an upper bound, saves nothing).',
  'RF:History':
    'Ablation: the input-data and code-change history alone, without model type or shape.',
  'RF:Shape':
    'Ablation: only the counts of pre-trainer operators and the trainer (no validators, no history).',
  'RF:Model-Type':
    'Ablation: the model type and architecture alone, known from the configuration before anything runs.',
};
