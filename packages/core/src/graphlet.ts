/** A model graphlet: the subgraph of a trace that produced one trained model (paper §4.1). */
import type { ArtifactId, ExecutionId } from './ids.ts';

/** One model graphlet, identified by its trainer execution. */
export interface Graphlet {
  /** The trainer execution this graphlet is built around. */
  readonly trainer: ExecutionId;
  /** Ordinal of the graphlet within its pipeline (trainer start time, then id). */
  readonly index: number;
  /** Executions Up ∪ Val ∪ Down, ascending. */
  readonly executions: readonly ExecutionId[];
  /** Every input and output artifact of those executions, ascending. */
  readonly artifacts: readonly ArtifactId[];
  /** Input data spans: outputs of ingestion executions in Up(trainer), ascending. */
  readonly spans: readonly ArtifactId[];
  /** Down(trainer): the post-trainer executions, ascending (pre-trainer = the rest minus the trainer). */
  readonly downstream: readonly ExecutionId[];
  /** True when the trainer warm-starts from another trainer run's model (rules in graphlet-flags.ts). */
  readonly warmStart: boolean;
  /**
   * True when the trainer run failed or was canceled (MLMD state FAILED or CANCELED): it made no
   * model, so the graphlet is no push decision. It is kept because its compute was spent.
   */
  readonly failed: boolean;
  /** True when a deployment execution in the graphlet pushed a model (rules in graphlet-flags.ts); never for a failed trainer. */
  readonly pushed: boolean;
  /** Trainer start, ms since the epoch, when known. */
  readonly startMs?: number | undefined;
  /** Latest end time among the graphlet's executions, when known. */
  readonly endMs?: number | undefined;
}
