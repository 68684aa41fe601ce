/** "Train on corpus": the number of trees, the button, and a progress bar over the seven variants. */
import { useId, useState } from 'react';
import { ProgressBar } from '../../components/progress-bar.tsx';
import type { TrainingState } from './use-waste-training.ts';

export interface TrainPanelProps {
  readonly state: TrainingState;
  readonly onTrain: (trees: number) => void;
}

/** Trees input, train button and the running job's progress. */
export function TrainPanel({ state, onTrain }: TrainPanelProps) {
  const [trees, setTrees] = useState(100);
  const treesId = useId();
  const running = state.kind === 'running';
  return (
    <form
      className="waste-train"
      aria-label="Train the classifier"
      onSubmit={(event) => {
        event.preventDefault();
        if (!running) onTrain(trees);
      }}
    >
      <label htmlFor={treesId}>Trees per forest</label>
      <input
        id={treesId}
        type="number"
        min={1}
        max={1000}
        value={trees}
        onChange={(event) => setTrees(Math.max(1, Math.min(1000, Number(event.target.value) || 1)))}
        disabled={running}
      />
      <button type="submit" className="button primary" disabled={running}>
        Train on corpus
      </button>
      {state.kind === 'running' && (
        <div className="waste-train-progress">
          <ProgressBar fraction={state.progress.fraction} label="Training progress" />
          <span role="status" className="muted">
            {state.progress.label}
          </span>
        </div>
      )}
      {state.kind === 'done' && (
        <span role="status" className="muted">
          Trained all seven variants ({state.modelId}).
        </span>
      )}
      {state.kind === 'failed' && (
        <span role="alert" className="error-text">
          Training failed: {state.message}
        </span>
      )}
    </form>
  );
}
