import { describe, expect, it } from 'vitest';
import { parseRoleOverrides } from './parse-role-overrides.ts';

describe('parseRoleOverrides', () => {
  it('splits at the last = and checks the role', () => {
    expect(parseRoleOverrides(['a=b=trainer', 'Distill$=trainer'])).toEqual([
      { pattern: 'a=b', role: 'trainer' },
      { pattern: 'Distill$', role: 'trainer' },
    ]);
    expect(parseRoleOverrides(undefined)).toEqual([]);
    expect(parseRoleOverrides(['name:^retrain_=trainer', 'type:Distill$=trainer'])).toEqual([
      { pattern: '^retrain_', role: 'trainer', field: 'name' },
      { pattern: 'Distill$', role: 'trainer' },
    ]);
  });

  it('rejects malformed options with a clear message', () => {
    expect(() => parseRoleOverrides(['Trainer'])).toThrow('expected PATTERN=ROLE');
    expect(() => parseRoleOverrides(['X=chef'])).toThrow("unknown role 'chef'");
    expect(() => parseRoleOverrides(['(=trainer'])).toThrow('not a valid regular expression');
  });
});
