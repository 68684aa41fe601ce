import { describe, expect, it } from 'vitest';
import { graphletOfTrainerNode, stepGraphlet, trainerNodeId } from './step-graphlet.ts';

describe('stepGraphlet', () => {
  const order = ['2', '4', '9'];
  it('steps forward and back, clamping at the ends', () => {
    expect(stepGraphlet(order, '2', 1)).toBe('4');
    expect(stepGraphlet(order, '4', -1)).toBe('2');
    expect(stepGraphlet(order, '9', 1)).toBe('9');
    expect(stepGraphlet(order, '2', -1)).toBe('2');
  });
  it('starts at the first (forward) or last (back) when nothing or something unknown is selected', () => {
    expect(stepGraphlet(order, undefined, 1)).toBe('2');
    expect(stepGraphlet(order, 'nope', -1)).toBe('9');
    expect(stepGraphlet([], undefined, 1)).toBeUndefined();
  });
});

describe('trainer ids', () => {
  it('maps bare MLMD ids to execution node ids and back', () => {
    expect(trainerNodeId('12')).toBe('e12');
    expect(trainerNodeId('e12')).toBe('e12');
    expect(graphletOfTrainerNode('e12', new Set(['12']))).toBe('12');
    expect(graphletOfTrainerNode('e12', new Set(['e12']))).toBe('e12');
    expect(graphletOfTrainerNode('a12', new Set(['12']))).toBeUndefined();
  });
});
