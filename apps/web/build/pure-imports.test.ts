import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { forbiddenImport, pureImports } from './pure-imports.ts';

const webRoot = fileURLToPath(new URL('..', import.meta.url));

/** A one-module entry with `code`, so the build resolves its imports as the web app's would. */
function entry(code: string): Plugin {
  return {
    name: 'test-entry',
    resolveId: (id) => (id === 'virtual:entry' ? `${webRoot}src/virtual-entry.ts` : null),
    load: (id) => (id === `${webRoot}src/virtual-entry.ts` ? code : null),
  };
}

/** Bundles `code` with the plugin, in memory; resolves with the bundle's text. */
async function bundle(code: string): Promise<string> {
  const output = await build({
    root: webRoot,
    configFile: false,
    logLevel: 'silent',
    plugins: [pureImports(), entry(code)],
    build: { write: false, rollupOptions: { input: 'virtual:entry' } },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) =>
    'output' in o ? o.output : [],
  );
  return chunks.map((c) => ('code' in c ? c.code : '')).join('\n');
}

describe('pureImports', () => {
  it('names Node builtins and forest/node, and lets everything else through', () => {
    expect(forbiddenImport('node:fs')).toMatch(/Node API/);
    expect(forbiddenImport('worker_threads')).toMatch(/Node API/);
    expect(forbiddenImport('fs/promises')).toMatch(/Node API/);
    expect(forbiddenImport('@graphlet/forest/node')).toMatch(/worker threads/);
    expect(forbiddenImport('x', '/w/packages/forest/src/node/index.ts')).toMatch(/worker threads/);
    expect(forbiddenImport('@graphlet/forest')).toBeNull();
    expect(forbiddenImport('./fsm.ts')).toBeNull();
  });

  it('bundles the pure packages the web app imports', async () => {
    const code = await bundle(
      "import { operatingPoint } from '@graphlet/forest';\n" +
        "import { PAPER_TARGETS, valueAtPath } from '@graphlet/core';\n" +
        'console.log(operatingPoint, valueAtPath(PAPER_TARGETS, "corpus.pipelines"));',
    );
    expect(code).toContain('freshness-curve');
    expect(code).not.toContain('worker_threads');
  });

  it("fails the build on an import of forest's Node entry", async () => {
    await expect(
      bundle("import * as f from '@graphlet/forest/node';\nconsole.log(f);"),
    ).rejects.toThrow(/forest's Node entry/);
  });
});
