import type { SearchHit } from '@graphlet/contract';
import { describe, expect, it } from 'vitest';
import { searchHitDetail, searchHitHref, stepOption } from './search-hits.ts';

const blessing: SearchHit = {
  kind: 'artifact',
  traceId: '39c91e083e7bca26-1',
  pipeline: 'interactive',
  nodeId: 'a21',
  label: 'ModelBlessing · blessing',
  type: 'ModelBlessing',
  name: null,
  uri: './pipeline/Evaluator/blessing/11',
};

describe('search hits', () => {
  it('links a node to its trace with the node chosen, a pipeline to its trace', () => {
    expect(searchHitHref(blessing)).toBe('/traces/39c91e083e7bca26-1?node=a21');
    expect(searchHitHref({ ...blessing, kind: 'pipeline', nodeId: null })).toBe(
      '/traces/39c91e083e7bca26-1',
    );
  });

  it('says where a node is and adds its type and URI only when they say more', () => {
    expect(searchHitDetail(blessing)).toBe(
      'artifact · in interactive · ./pipeline/Evaluator/blessing/11',
    );
    const trainer = {
      ...blessing,
      kind: 'execution' as const,
      label: 'train',
      type: 'tfx.components.trainer.component.Trainer',
      uri: null,
    };
    expect(searchHitDetail(trainer)).toBe('execution · in interactive · Trainer');
  });

  it('moves through the options with wrap-around, Home and End', () => {
    expect(stepOption(-1, 'ArrowDown', 3)).toBe(0);
    expect(stepOption(2, 'ArrowDown', 3)).toBe(0);
    expect(stepOption(0, 'ArrowUp', 3)).toBe(2);
    expect(stepOption(-1, 'ArrowUp', 3)).toBe(2);
    expect(stepOption(1, 'Home', 3)).toBe(0);
    expect(stepOption(0, 'End', 3)).toBe(2);
    expect(stepOption(1, 'x', 3)).toBe(1);
    expect(stepOption(1, 'ArrowDown', 0)).toBe(-1);
  });
});
