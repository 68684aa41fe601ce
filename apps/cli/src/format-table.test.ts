import { describe, expect, it } from 'vitest';
import { formatTable } from './format-table.ts';

describe('formatTable', () => {
  it('pads columns, right-aligning numbers', () => {
    expect(
      formatTable(
        ['trainer', 'pushed'],
        [
          [7, 'yes'],
          [12, 'no'],
        ],
      ),
    ).toBe('trainer  pushed\n      7  yes\n     12  no');
  });
});
