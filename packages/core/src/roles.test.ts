import { describe, expect, it } from 'vitest';
import { builtInRole, roleResolver } from './roles.ts';

describe('builtInRole', () => {
  it.each([
    ['tfx.components.example_gen.csv_example_gen.component.CsvExampleGen', 'ingestion'],
    ['BigQueryExampleGen', 'ingestion'],
    ['tfx.dsl.components.common.importer.Importer', 'ingestion'],
    ['tfx.components.common_nodes.importer_node.ImporterNode', 'ingestion'],
    ['tfx.components.statistics_gen.component.StatisticsGen', 'data_validation'],
    ['SchemaGen', 'data_validation'],
    ['ImportSchemaGen', 'data_validation'],
    ['tfx.components.example_validator.component.ExampleValidator', 'data_validation'],
    ['tfx.components.transform.component.Transform', 'transform'],
    ['tfx.components.trainer.component.Trainer', 'trainer'],
    ['tfx.components.tuner.component.Tuner', 'tuner'],
    ['tfx.components.evaluator.component.Evaluator', 'model_validation'],
    ['ModelValidator', 'model_validation'],
    ['InfraValidator', 'model_validation'],
    ['tfx.components.pusher.component.Pusher', 'deployment'],
    ['tfx.dsl.components.common.resolver.Resolver', 'other'],
    ['my.custom.TRAINER', 'trainer'],
  ])('%s -> %s', (type, role) => {
    expect(builtInRole(type)).toBe(role);
  });
});

describe('roleResolver', () => {
  it('applies the first matching override before the built-in mapping', () => {
    const role = roleResolver([
      { pattern: 'Distill', role: 'trainer' },
      { pattern: '^my\\.', role: 'deployment' },
    ]);
    expect(role('my.components.Distiller')).toBe('trainer');
    expect(role('my.components.Uploader')).toBe('deployment');
    expect(role('tfx.components.pusher.component.Pusher')).toBe('deployment');
    expect(role('Resolver')).toBe('other');
  });
});
