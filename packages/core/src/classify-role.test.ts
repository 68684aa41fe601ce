import { describe, expect, it } from 'vitest';
import { assignRoles, overrideRoles } from './assign-roles.ts';
import { classifyRole, exactPattern, nameWords, roleClassifier } from './classify-role.ts';
import { TraceBuilder } from './trace-builder.ts';

describe('nameWords', () => {
  it.each([
    ['CsvExampleGen', ['csv', 'example', 'gen']],
    ['train-model_v2', ['train', 'model', 'v', '2']],
    ['XGBoostTrainer', ['xg', 'boost', 'trainer']],
    ['model.jaffle_shop.orders', ['model', 'jaffle', 'shop', 'orders']],
  ])('%s', (name, words) => {
    expect(nameWords(name)).toEqual(words);
  });
});

describe('classifyRole', () => {
  it('reads MLMD type names first', () => {
    expect(classifyRole({ type: 'tfx.components.trainer.component.Trainer', name: 'push' })).toBe(
      'trainer',
    );
    expect(classifyRole({ type: 'tfx.components.pusher.component.Pusher' })).toBe('deployment');
  });

  it.each([
    ['train_model', 'trainer'],
    ['Trainer', 'trainer'],
    ['fit-xgboost', 'trainer'],
    ['model_training', 'trainer'],
    ['finetune_bert', 'trainer'],
    ['retrain_schedule', 'other'],
    ['constraint_solver', 'other'],
    ['training_dag.step_1', 'other'],
    ['evaluate_model', 'model_validation'],
    ['ModelEvaluator', 'model_validation'],
    ['model_blessing', 'model_validation'],
    ['validate', 'model_validation'],
    ['validate_data', 'data_validation'],
    ['ExampleValidator', 'data_validation'],
    ['TrainingDataValidation', 'data_validation'],
    ['StatisticsGen', 'data_validation'],
    ['feature_statistics', 'data_validation'],
    ['CsvExampleGen', 'ingestion'],
    ['ingest_events', 'ingestion'],
    ['BQ.download', 'ingestion'],
    ['push_model', 'deployment'],
    ['deploy-endpoint', 'deployment'],
    ['model_serving', 'deployment'],
    ['pusher', 'deployment'],
    ['tune_hyperparameters', 'tuner'],
    ['katib-sweep', 'tuner'],
    ['preprocess_training_data', 'transform'],
    ['build.feature_engineering', 'transform'],
    ['prepare_apple_pie', 'transform'],
    ['etl_orders_7_days', 'other'],
    ['myjob.mytask', 'other'],
  ])('name %s -> %s', (name, role) => {
    expect(classifyRole({ type: 'Job', name })).toBe(role);
  });

  it("reads Kubeflow Pipelines' task_name and display_name custom properties", () => {
    expect(
      classifyRole({
        type: 'system.ContainerExecution',
        customProperties: { task_name: 'train-model', display_name: 'train-model' },
      }),
    ).toBe('trainer');
    expect(
      classifyRole({ type: 'system.ContainerExecution', customProperties: { task_name: 'x' } }),
    ).toBe('other');
  });

  it('keeps resolvers and DAG executions as other, whatever their names say', () => {
    const resolver = 'tfx.dsl.components.common.resolver.Resolver';
    expect(classifyRole({ type: resolver, name: 'latest_blessed_model_resolver' })).toBe('other');
    expect(classifyRole({ type: 'system.DAGExecution', name: 'training-pipeline' })).toBe('other');
  });

  it('falls back to the words of the type name', () => {
    expect(classifyRole({ type: 'my.company.ModelTrainer' })).toBe('trainer');
    expect(classifyRole({ type: 'wfprov:ProcessRun', name: 'Run of main/rev' })).toBe('other');
  });
});

describe('roleClassifier', () => {
  it('applies the first matching override, by type or by name', () => {
    const classify = roleClassifier([
      { field: 'name', pattern: exactPattern('retrain_schedule'), role: 'trainer' },
      { pattern: 'Distill', role: 'trainer' },
    ]);
    expect(classify({ type: 'Job', name: 'retrain_schedule' })).toBe('trainer');
    expect(classify({ type: 'Job', name: 'retrain_schedule_2' })).toBe('other');
    expect(classify({ type: 'my.Distiller', name: 'x' })).toBe('trainer');
    expect(classify({ type: 'Job', name: 'push' })).toBe('deployment');
  });

  it('rejects an invalid pattern with a message', () => {
    expect(() => roleClassifier([{ pattern: '(', role: 'trainer' }])).toThrow(
      'not a valid regular expression',
    );
  });

  it('escapes regex metacharacters in exact patterns', () => {
    expect(new RegExp(exactPattern('a.b(c)')).test('a.b(c)')).toBe(true);
    expect(new RegExp(exactPattern('a.b(c)')).test('axb(c)')).toBe(false);
  });
});

describe('assignRoles and overrideRoles', () => {
  const b = new TraceBuilder('p');
  b.execution('Job', { name: 'train_model', role: 'other' });
  b.execution('Job', { name: 'push_model', role: 'trainer' });
  const trace = b.build();

  it('recomputes every role', () => {
    expect(assignRoles(trace).executions.map((e) => e.role)).toEqual(['trainer', 'deployment']);
  });

  it('keeps the stored roles of executions no override matches', () => {
    const out = overrideRoles(trace, [{ field: 'name', pattern: '^push', role: 'deployment' }]);
    expect(out.executions.map((e) => e.role)).toEqual(['other', 'deployment']);
    expect(overrideRoles(trace, [])).toBe(trace);
  });
});
