import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../testing/cli-harness.ts';

describe('calibrate', () => {
  const path = tempDir();

  it('prints every check with target, achieved, tolerance and pass', async () => {
    expect(
      (await cli('synth', '--pipelines', '12', '--seed', '3', '--out', path('c.sqlite'))).code,
    ).toBe(0);
    const r = await cli('calibrate', path('c.sqlite'), '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.checks.length).toBeGreaterThan(40);
    const bar = report.checks.filter((c: { bar: boolean }) => c.bar);
    expect(report.passed + report.failed).toBe(bar.length);
    expect(bar.length + report.others.within + report.others.outside).toBe(report.checks.length);
    for (const c of report.checks) {
      expect(Object.keys(c).sort()).toEqual([
        'achieved',
        'bar',
        'name',
        'pass',
        'target',
        'tolerance',
      ]);
    }
    const domain = report.checks.find(
      (c: { name: string }) => c.name === 'mean categorical domain size',
    );
    expect(domain).toMatchObject({ target: 10.6e6, bar: false });
    const pushed = report.checks.find(
      (c: { name: string }) => c.name === 'pushed share of graphlets',
    );
    expect(pushed.target).toBe(0.2);
    expect(pushed.achieved).toBeGreaterThan(0);
    expect(pushed.achieved).toBeLessThan(1);
    const training = report.checks.find((c: { name: string }) => c.name === 'Figure 6 training');
    expect(training).toMatchObject({ achieved: 1, pass: true });
  });

  it('shows failures in the table and still exits 0', async () => {
    const r = await cli('calibrate', path('c.sqlite'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/check\s+target\s+achieved\s+tolerance\s+result/);
    expect(r.stdout).toMatch(/\d+ passed, \d+ failed\n$/);
  });

  it('exits 2 on bad input', async () => {
    writeFileSync(path('not.sqlite'), 'hello');
    for (const args of [[path('missing.sqlite')], [path('not.sqlite')], []]) {
      const r = await cli('calibrate', ...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^graphlet calibrate: /);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
