/** The confusion matrix of a skip threshold: predicted run/skip against pushed/not pushed. */

export interface ConfusionMatrixProps {
  readonly confusion: {
    readonly truePositives: number;
    readonly falsePositives: number;
    readonly trueNegatives: number;
    readonly falseNegatives: number;
  };
}

/** A 2×2 table; "run" is the positive prediction. */
export function ConfusionMatrix({ confusion }: ConfusionMatrixProps) {
  return (
    <table className="data confusion-matrix" data-testid="confusion-matrix">
      <caption>Test graphlets by outcome and decision</caption>
      <thead>
        <tr>
          <td />
          <th scope="col" className="num">
            Runs
          </th>
          <th scope="col" className="num">
            Skipped
          </th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">Pushed</th>
          <td className="num" data-cell="tp">
            {confusion.truePositives}
          </td>
          <td className="num bad" data-cell="fn">
            {confusion.falseNegatives}
          </td>
        </tr>
        <tr>
          <th scope="row">Not pushed</th>
          <td className="num bad" data-cell="fp">
            {confusion.falsePositives}
          </td>
          <td className="num" data-cell="tn">
            {confusion.trueNegatives}
          </td>
        </tr>
      </tbody>
    </table>
  );
}
