import { describe, expect, it } from 'vitest';
import { readMlmdStore } from './read-mlmd-store.ts';
import { DEMO_STORE, demoTraces } from './write-demo-store.ts';

describe('the bundled demo store', () => {
  it('is up to date (run write-demo-store.ts when this fails)', () => {
    expect(readMlmdStore(DEMO_STORE).traces).toEqual(demoTraces());
  });
});
