import { readFileSync } from 'node:fs';
import { segmentGraphlets } from '@graphlet/core';
import { describe, expect, it } from 'vitest';
import { PROV_FIXTURE_DIR } from '../testing/fixtures.ts';
import { DERIVATION_TYPE, parseProvJson } from './read-prov-json.ts';

const read = (name: string) => parseProvJson(readFileSync(PROV_FIXTURE_DIR + name, 'utf8'), name);
const counts = (name: string) =>
  read(name).traces.map((t) => [
    t.pipeline,
    t.executions.length,
    t.artifacts.length,
    t.events.length,
  ]);

describe('PROV-JSON on real fixtures', () => {
  it('CWLProv revsort: 3 process runs, 12 entities, 5 used and 3 generated', () => {
    expect(counts('cwlprov-revsort-primary.cwlprov.json')).toEqual([['default', 3, 12, 8]]);
    const t = read('cwlprov-revsort-primary.cwlprov.json').traces[0]!;
    expect(t.executions.map((e) => [e.type, e.name, e.role, e.state])).toEqual([
      ['wfprov:WorkflowRun', 'Run of workflow/packed.cwl#main', 'other', 'complete'],
      ['wfprov:ProcessRun', 'Run of workflow/packed.cwl#main/rev', 'other', 'complete'],
      ['wfprov:ProcessRun', 'Run of workflow/packed.cwl#main/sorted', 'other', 'complete'],
    ]);
    // Times from wasStartedBy / wasEndedBy when the activity records none.
    expect(t.executions[1]).toMatchObject({
      startMs: Date.parse('2018-10-25T15:46:35.314Z'),
      endMs: Date.parse('2018-10-25T15:46:36.967Z'),
    });
    expect(t.events.find((e) => e.kind === 'input')).toMatchObject({ key: 'wf:main/input' });
    expect(segmentGraphlets(t).graphlets).toEqual([]);
  });

  it('CWLProv directory: bundles of entities alone are no pipelines, and say so', () => {
    const r = read('cwlprov-directory-0.6.0-primary.cwlprov.json');
    expect(counts('cwlprov-directory-0.6.0-primary.cwlprov.json')).toEqual([['default', 3, 33, 6]]);
    expect(r.warnings).toHaveLength(5);
    expect(r.warnings[0]).toContain('entities but no activity');
  });

  it('prov bundles become pipelines, each with its own prefixes', () => {
    expect(counts('provpy-bundle4.json')).toEqual([
      ['ex:bundle1', 1, 1, 1],
      ['ex:bundle2', 1, 1, 1],
    ]);
    expect(read('provpy-bundle4.json').warnings).toEqual([]);
  });

  it("ProvToolbox's spec examples: a derivation through an activity adds no event twice", () => {
    expect(counts('provtoolbox-prov-json-spec-examples.json')).toEqual([
      ['default', 2, 4, 2],
      ['ex:b1', 1, 1, 1],
    ]);
    const t = read('provtoolbox-prov-json-spec-examples.json').traces[0]!;
    expect(t.executions[0]).toMatchObject({
      type: 'ex:edit',
      state: 'complete',
      customProperties: { 'ex:host': 'server.example.org' },
    });
    expect(t.artifacts[0]).toMatchObject({
      type: 'prov:Collection',
      name: 'an entity',
      customProperties: { 'ex:count': 3 },
    });
  });
});

describe('PROV-JSON by hand', () => {
  it('a derivation without an activity gets a synthetic execution, marked', () => {
    const doc = {
      prefix: { ex: 'http://example.org/' },
      entity: { 'ex:raw': {}, 'ex:clean': {} },
      wasDerivedFrom: {
        'ex:d1': { 'prov:generatedEntity': 'ex:clean', 'prov:usedEntity': 'ex:raw' },
      },
    };
    const t = parseProvJson(JSON.stringify(doc), 'x').traces[0]!;
    expect(t.executions).toEqual([
      expect.objectContaining({
        type: DERIVATION_TYPE,
        name: 'ex:d1',
        properties: { synthetic: true, id: 'ex:d1' },
      }),
    ]);
    expect(
      t.events.map((e) => [e.kind, t.artifacts.find((a) => a.id === e.artifact)!.name]),
    ).toEqual([
      ['input', 'ex:raw'],
      ['output', 'ex:clean'],
    ]);
  });

  it('a pipeline written in PROV by task names has its roles and graphlets', () => {
    const doc = {
      prefix: { ml: 'http://ml.example.org/' },
      activity: {
        'ml:ingest': {
          'prov:startTime': '2024-01-01T00:00:00Z',
          'prov:endTime': '2024-01-01T00:01:00Z',
        },
        'ml:train_model': {
          'prov:startTime': '2024-01-01T00:02:00Z',
          'prov:endTime': '2024-01-01T00:03:00Z',
        },
        'ml:push_model': {
          'prov:startTime': '2024-01-01T00:04:00Z',
          'prov:endTime': '2024-01-01T00:05:00Z',
        },
      },
      entity: { 'ml:data': {}, 'ml:model': {}, 'ml:pushed': {} },
      used: {
        _1: { 'prov:activity': 'ml:train_model', 'prov:entity': 'ml:data' },
        _2: { 'prov:activity': 'ml:push_model', 'prov:entity': 'ml:model' },
      },
      wasGeneratedBy: {
        _3: { 'prov:activity': 'ml:ingest', 'prov:entity': 'ml:data' },
        _4: { 'prov:activity': 'ml:train_model', 'prov:entity': 'ml:model' },
        _5: { 'prov:activity': 'ml:push_model', 'prov:entity': 'ml:pushed' },
      },
    };
    const t = parseProvJson(JSON.stringify(doc), 'x').traces[0]!;
    expect(t.executions.map((e) => e.role)).toEqual(['ingestion', 'trainer', 'deployment']);
    expect(
      segmentGraphlets(t).graphlets.map((g) => [g.trainer, g.pushed, [...g.executions]]),
    ).toEqual([[2, true, [1, 2, 3]]]);
  });

  it('rejects a relation without its activity, naming it', () => {
    const doc = { used: { 'ex:u': { 'prov:entity': 'ex:e' } } };
    expect(() => parseProvJson(JSON.stringify(doc), 'p.json')).toThrow(
      'p.json: default: used ex:u needs prov:activity',
    );
  });
});
