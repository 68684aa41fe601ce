import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withServer } from '../test-support/test-server.ts';

describe('GET /api/openapi.json', () => {
  it('documents exactly the API routes the app serves', async () => {
    await withServer(async (server) => {
      const response = await server.app.request('/api/openapi.json');
      expect(response.status).toBe(200);
      const doc = (await response.json()) as {
        openapi: string;
        paths: Record<string, Record<string, unknown>>;
        components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
      };
      expect(doc.openapi).toMatch(/^3\./);
      // Component names come from the contract's `.meta({ id })`.
      expect(Object.keys(doc.components.schemas)).toEqual(
        expect.arrayContaining(['Error', 'GraphletDetail', 'ComputeByGroup', 'WasteModel', 'Job']),
      );
      // The statistics document is described in full, not as an open record.
      expect(Object.keys(doc.components.schemas.CorpusStatistics?.properties ?? {})).toEqual([
        'corpus',
        'figures',
        'tables',
        'paper',
        'paperClaims',
      ]);
      const documented = Object.entries(doc.paths)
        .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
        .sort();
      const served = server.app.routes
        .filter(
          (r) => r.path.startsWith('/api/') && r.method !== 'ALL' && r.path !== '/api/openapi.json',
        )
        .map((r) => `${r.method} ${r.path.replaceAll(/:(\w+)/g, '{$1}')}`);
      expect([...new Set(served)].sort()).toEqual(documented);
      expect(documented).toEqual(
        expect.arrayContaining([
          'GET /api/health',
          'POST /api/sources',
          'GET /api/jobs/{id}/events',
          'GET /api/traces/{id}',
          'GET /api/stats',
        ]),
      );
    });
  });
});

describe('@graphlet/contract layout', () => {
  it('keeps @hono/zod-openapi out of the schema files the web app imports', () => {
    const dir = new URL('../../../../packages/contract/src/', import.meta.url);
    const schemaFiles = readdirSync(dir).filter(
      (f) => f.endsWith('.ts') && !/(-routes|^routes|\.test)\.ts$/.test(f),
    );
    expect(schemaFiles).toContain('graphlets.ts');
    for (const file of schemaFiles) {
      expect(readFileSync(new URL(file, dir), 'utf8'), file).not.toContain('@hono/');
    }
  });
});
