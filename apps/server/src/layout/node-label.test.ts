import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TraceBuilder } from '@graphlet/core';
import { readMlmdStore, writeMlmdStore } from '@graphlet/formats';
import { fixturePath } from '@graphlet/formats/testing';
import { describe, expect, it } from 'vitest';
import { artifactLabel, executionLabel, isGeneratedId } from './node-label.ts';

const exec = (over: Record<string, unknown>) =>
  ({
    id: 1,
    type: 'tfx.components.trainer.component.Trainer',
    role: 'trainer',
    state: 'complete',
    properties: {},
    customProperties: {},
    ...over,
  }) as Parameters<typeof executionLabel>[0];
const art = (over: Record<string, unknown>) =>
  ({
    id: 7,
    type: 'Examples',
    state: 'live',
    properties: {},
    customProperties: {},
    ...over,
  }) as Parameters<typeof artifactLabel>[0];

describe('executionLabel', () => {
  it('prefers the recorded component, then a readable name, then the type', () => {
    expect(executionLabel(exec({ properties: { component_id: 'Trainer_B' }, name: 'x' }))).toBe(
      'Trainer_B',
    );
    expect(executionLabel(exec({ customProperties: { task_name: 'train-model' } }))).toBe(
      'train-model',
    );
    expect(executionLabel(exec({ name: 'taxi:run-3:CsvExampleGen:span-2' }))).toBe(
      'CsvExampleGen:span-2',
    );
    expect(executionLabel(exec({}))).toBe('Trainer');
  });

  it("labels by the pipeline node of MLMD's node context first (`<pipeline>.<node id>`)", () => {
    const node = 'chicago.taxi.Trainer_B';
    expect(executionLabel(exec({ node, properties: { component_id: 'Trainer' } }))).toBe(
      'Trainer_B',
    );
    expect(executionLabel(exec({ node: 'taxi.0f8fad5b-d9cb-469f-a165-70867728950e' }))).toBe(
      'Trainer',
    );
  });

  // No shared fixture comes from a LocalDagRunner: its stores name executions by UUID, record no
  // component_id, and associate each execution with a `node` context named `<pipeline>.<node id>`.
  it('labels the executions of a LocalDagRunner-style store by their node contexts', () => {
    const b = new TraceBuilder('taxi');
    const uuid = (i: number) => `0f8fad5b-d9cb-469f-a165-7086772895${String(i).padStart(2, '0')}`;
    const gen = b.execution('tfx.components.example_gen.csv_example_gen.component.CsvExampleGen', {
      name: uuid(1),
      node: 'taxi.CsvExampleGen',
    });
    const examples = b.output(gen, 'Examples', 'examples', { name: uuid(2) });
    b.execution('tfx.components.trainer.component.Trainer', {
      name: uuid(3),
      node: 'taxi.Trainer',
      inputs: [[examples, 'examples']],
    });
    const dir = mkdtempSync(join(tmpdir(), 'graphlet-node-label-'));
    try {
      const file = join(dir, 'local-dag-runner.sqlite');
      writeMlmdStore(file, [b.build()]);
      const [trace] = readMlmdStore(file).traces;
      expect(trace!.executions.map((e) => e.node)).toEqual(['taxi.CsvExampleGen', 'taxi.Trainer']);
      expect(trace!.executions.map(executionLabel)).toEqual(['CsvExampleGen', 'Trainer']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never labels by a generated id (LocalDagRunner names executions by UUID)', () => {
    expect(isGeneratedId('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(true);
    expect(isGeneratedId('Trainer')).toBe(false);
    expect(executionLabel(exec({ name: '0f8fad5b-d9cb-469f-a165-70867728950e' }))).toBe('Trainer');
  });
});

describe('artifactLabel', () => {
  it('gives the type and a short name from the name or the URI', () => {
    expect(artifactLabel(art({ name: 'ads:run-47:blessing:275', type: 'ModelBlessing' }))).toBe(
      'ModelBlessing · blessing',
    );
    expect(artifactLabel(art({ name: 'statistics:2024-06-01T21:19:10.962400' }))).toBe(
      'Examples · statistics',
    );
    expect(artifactLabel(art({ uri: './pipeline/CsvExampleGen/examples/1' }))).toBe(
      'Examples · examples/1',
    );
    expect(artifactLabel(art({ name: '6c6a6e0b-9d3e-4c0e-8d43-1c3b2f0a9e11' }))).toBe('Examples');
  });

  it('labels every node of a real TFX 1.15 store by component and type, none by id', () => {
    const { traces } = readMlmdStore(fixturePath('tfx-1.15-interactive-two-trainers.sqlite'));
    const trace = traces[0]!;
    const labels = trace.executions.map(executionLabel);
    expect(labels).toContain('CsvExampleGen');
    expect(labels.filter((l) => l === 'Trainer')).toHaveLength(2);
    for (const a of trace.artifacts) expect(artifactLabel(a)).toMatch(/^[A-Za-z]/);
    expect(artifactLabel(trace.artifacts.find((a) => a.type === 'ExampleStatistics')!)).toBe(
      'ExampleStatistics · statistics',
    );
  });

  it.each([
    'tfx-0.22-chicago-taxi-schema-v4.sqlite',
    'tfx-1.10-data-only-schema-v8.sqlite',
    'tfx-1.10-partial-schema-v8.sqlite',
    'tfx-1.15-interactive-two-trainers.sqlite',
  ])('labels every execution of %s by the component MLMD records for it', (file) => {
    for (const trace of readMlmdStore(fixturePath(file)).traces) {
      for (const execution of trace.executions) {
        const component =
          execution.properties.component_id ?? execution.customProperties.component_id;
        expect(typeof component).toBe('string');
        expect(executionLabel(execution)).toBe(component);
      }
    }
  });
});
