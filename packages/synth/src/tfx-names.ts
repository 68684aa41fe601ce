/** TFX component and artifact type names the generator writes, as real TFX stores record them. */

export const COMPONENT = {
  bigQueryExampleGen:
    'tfx.components.example_gen.big_query_example_gen.component.BigQueryExampleGen',
  csvExampleGen: 'tfx.components.example_gen.csv_example_gen.component.CsvExampleGen',
  importExampleGen: 'tfx.components.example_gen.import_example_gen.component.ImportExampleGen',
  statisticsGen: 'tfx.components.statistics_gen.component.StatisticsGen',
  importSchemaGen: 'tfx.components.schema_gen.import_schema_gen.component.ImportSchemaGen',
  exampleValidator: 'tfx.components.example_validator.component.ExampleValidator',
  transform: 'tfx.components.transform.component.Transform',
  tuner: 'tfx.components.tuner.component.Tuner',
  trainer: 'tfx.components.trainer.component.Trainer',
  evaluator: 'tfx.components.evaluator.component.Evaluator',
  infraValidator: 'tfx.components.infra_validator.component.InfraValidator',
  pusher: 'tfx.components.pusher.component.Pusher',
} as const;

/** The ingestion components a pipeline may use, with their relative frequency. */
export const EXAMPLE_GENS = [
  [COMPONENT.bigQueryExampleGen, 0.5],
  [COMPONENT.importExampleGen, 0.35],
  [COMPONENT.csvExampleGen, 0.15],
] as const;

export const ARTIFACT = {
  examples: 'Examples',
  statistics: 'ExampleStatistics',
  schema: 'Schema',
  anomalies: 'ExampleAnomalies',
  transformGraph: 'TransformGraph',
  hyperParameters: 'HyperParameters',
  model: 'Model',
  modelRun: 'ModelRun',
  evaluation: 'ModelEvaluation',
  blessing: 'ModelBlessing',
  infraBlessing: 'InfraBlessing',
  pushedModel: 'PushedModel',
} as const;
