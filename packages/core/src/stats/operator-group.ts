/** Operator groups of the paper's Figures 6 and 7 (§3.3), derived from execution roles. */
import type { Role } from '../roles.ts';

/**
 * The groups, in the paper's order: data ingestion, data analysis & validation, data
 * pre-processing, training (Trainer and Tuner), model analysis & validation, model deployment;
 * executions of no known role form their own `other` group.
 */
export const OPERATOR_GROUPS = [
  'ingestion',
  'data_validation',
  'transform',
  'training',
  'model_validation',
  'deployment',
  'other',
] as const;
export type OperatorGroup = (typeof OPERATOR_GROUPS)[number];

/** Human labels of the groups, as the paper names them. */
export const OPERATOR_GROUP_LABELS: Readonly<Record<OperatorGroup, string>> = {
  ingestion: 'data ingestion',
  data_validation: 'data analysis & validation',
  transform: 'data pre-processing',
  training: 'training',
  model_validation: 'model analysis & validation',
  deployment: 'model deployment',
  other: 'other',
};

/** The Figure 6/7 group of a role: trainer and tuner are `training`; every other role maps to itself. */
export function operatorGroup(role: Role): OperatorGroup {
  return role === 'trainer' || role === 'tuner' ? 'training' : role;
}
