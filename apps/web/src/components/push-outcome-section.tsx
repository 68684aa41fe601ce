/** Why a graphlet was or was not pushed, and what the waste classifier predicts for it. */
import type { GraphletPushPrediction, PushOutcomeDocument } from '@graphlet/contract';
import {
  blessingLines,
  OUTCOME_HEADLINES,
  predictionSentence,
} from '../lib/graphlet/push-explanation.ts';

export interface PushOutcomeSectionProps {
  readonly outcome: PushOutcomeDocument;
  readonly prediction: GraphletPushPrediction | undefined;
  /** Heading level: h2 in the graphlet page's card, h3 inside the trace page's panel. */
  readonly level?: 'h2' | 'h3';
}

/** The trace's verdict (outcome, blessings), then the classifier's prediction when a model exists. */
export function PushOutcomeSection({ outcome, prediction, level = 'h3' }: PushOutcomeSectionProps) {
  const Heading = level;
  const lines = blessingLines(outcome);
  return (
    <section className={`push-outcome ${outcome.kind}`} aria-label="Why pushed or not">
      <Heading>Why {outcome.kind === 'pushed' ? 'pushed' : 'not pushed'}?</Heading>
      <p className="push-outcome-headline" data-outcome={outcome.kind}>
        <strong>{OUTCOME_HEADLINES[outcome.kind]}</strong>
      </p>
      <p>{outcome.sentence}</p>
      {lines.length > 0 && (
        <ul className="push-outcome-blessings">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {outcome.kind === 'failed-trainer' ? (
        <p className="muted">
          The waste classifier does not score failed trainers: they are no push decision.
        </p>
      ) : prediction === undefined ? (
        <p className="muted">
          No waste model covers this trace yet: train one on the Waste page to see this run’s push
          probability.
        </p>
      ) : (
        <p className="push-prediction">{predictionSentence(prediction)}</p>
      )}
    </section>
  );
}
