/** "Export policy": downloads the skip policy of the variant at the threshold as JSON. */
import { useState } from 'react';
import { errorMessage } from '../../api/api-error.ts';
import { fetchWastePolicy } from '../../api/queries.ts';

export interface ExportPolicyButtonProps {
  readonly modelId: string;
  readonly variant: string;
  readonly threshold: number;
}

/** Fetches the policy (with the bearer token when one is set) and saves it as a file. */
export function ExportPolicyButton({ modelId, variant, threshold }: ExportPolicyButtonProps) {
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const download = async () => {
    setState({ busy: true });
    try {
      const policy = await fetchWastePolicy(modelId, variant, threshold);
      const blob = new Blob([`${JSON.stringify(policy, null, 2)}\n`], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `skip-policy-${modelId}-${variant.replaceAll(/[^A-Za-z0-9]+/g, '-')}-${threshold}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      setState({ busy: false });
    } catch (error) {
      setState({ busy: false, error: errorMessage(error) });
    }
  };
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => void download()}
        disabled={state.busy}
      >
        {state.busy ? 'Exporting…' : 'Export policy'}
      </button>
      {state.error !== undefined && (
        <span role="alert" className="error-text">
          {state.error}
        </span>
      )}
    </>
  );
}
