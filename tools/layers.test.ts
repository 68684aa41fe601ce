// The layer rule (.dependency-cruiser.json) run on a small tree laid out like this repository,
// with one import of each forbidden kind beside the allowed ones: every rule fires where it should.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

const packages: Record<string, Record<string, string>> = {
  core: { '.': './src/index.ts' },
  forest: { '.': './src/index.ts', './node': './src/node/index.ts' },
  formats: { '.': './src/index.ts' },
  synth: { '.': './src/index.ts' },
  waste: { '.': './src/index.ts' },
  contract: { '.': './src/index.ts' },
  server: { '.': './src/index.ts' },
};
const folderOf = (name: string) => (name === 'server' ? 'apps/server' : `packages/${name}`);

/** File path -> source; every package also gets an index.ts exporting `x`. */
const files: Record<string, string> = {
  // Allowed: what each layer may import.
  'packages/core/src/graph.ts': "import { x } from './index.ts';\nexport const y = x;\n",
  'packages/forest/src/node/pool.ts':
    "import { Worker } from 'node:worker_threads';\nimport { x } from '../index.ts';\nexport const y = [Worker, x];\n",
  'packages/formats/src/read.ts':
    "import { readFileSync } from 'node:fs';\nimport { x } from '@graphlet/core';\nexport const y = [readFileSync, x];\n",
  'packages/synth/src/write.ts': "import { x } from '@graphlet/formats';\nexport const y = x;\n",
  'packages/contract/src/schema.ts': "import { x } from '@graphlet/core';\nexport const y = x;\n",
  'apps/server/src/app.ts':
    "import { x } from '@graphlet/forest/node';\nimport { x as w } from '@graphlet/waste';\nexport const y = [x, w];\n",
  'apps/web/src/page.ts':
    "import type { x as T } from '@graphlet/server';\nimport { x } from '@graphlet/contract';\nimport { x as c } from '@graphlet/core';\nimport { x as f } from '@graphlet/forest';\nexport const y: typeof T = [x, c, f];\n",
  // Forbidden, one of each kind.
  'packages/core/src/uses-node.ts':
    "import { readFileSync } from 'node:fs';\nexport const y = readFileSync;\n",
  'packages/core/src/uses-formats.ts':
    "import { x } from '@graphlet/formats';\nexport const y = x;\n",
  'packages/forest/src/uses-os.ts': "import { cpus } from 'node:os';\nexport const y = cpus;\n",
  'packages/contract/src/uses-fs.ts':
    "import { readFileSync } from 'node:fs';\nexport const y = readFileSync;\n",
  'packages/contract/src/uses-forest.ts':
    "import { x } from '@graphlet/forest';\nexport const y = x;\n",
  'packages/formats/src/uses-server.ts':
    "import { x } from '@graphlet/server';\nexport const y = x;\n",
  'apps/web/src/uses-formats.ts': "import { x } from '@graphlet/formats';\nexport const y = x;\n",
  'apps/web/src/uses-forest-node.ts':
    "import { x } from '@graphlet/forest/node';\nexport const y = x;\n",
  'apps/web/src/uses-server-value.ts':
    "import { x } from '@graphlet/server';\nexport const y = x;\n",
  'apps/web/src/uses-node.ts':
    "import { readFileSync } from 'node:fs';\nexport const y = readFileSync;\n",
  'apps/server/src/uses-cli.ts':
    "import { run } from '../../cli/src/run.ts';\nexport const y = run;\n",
  'apps/cli/src/run.ts': 'export const run = 1;\n',
  'e2e/uses-path.ts':
    "import { x } from '../packages/formats/src/index.ts';\nexport const y = x;\n",
  'packages/synth/src/type-a.ts':
    "import type { b } from './type-b.ts';\nexport const a = 1 as unknown as typeof b;\n",
  'packages/synth/src/type-b.ts':
    "import type { a } from './type-a.ts';\nexport const b = 1 as unknown as typeof a;\n",
  'packages/synth/src/cycle-a.ts': "import { b } from './cycle-b.ts';\nexport const a = () => b;\n",
  'packages/synth/src/cycle-b.ts': "import { a } from './cycle-a.ts';\nexport const b = () => a;\n",
  'packages/waste/src/uses-undeclared.ts':
    "import { x } from '@graphlet/nowhere';\nexport const y = x;\n",
};

const expected = [
  'core-is-the-bottom packages/core/src/uses-formats.ts',
  'core-is-the-bottom packages/core/src/uses-node.ts',
  'forest-is-the-bottom packages/forest/src/uses-os.ts',
  'contract-is-pure packages/contract/src/uses-fs.ts',
  'contract-on-core-only packages/contract/src/uses-forest.ts',
  'middle-layer-on-core-and-forest packages/formats/src/uses-server.ts',
  'web-imports-pure-packages-only apps/web/src/uses-formats.ts',
  'web-imports-pure-packages-only apps/web/src/uses-forest-node.ts',
  'web-imports-server-types-only apps/web/src/uses-server-value.ts',
  'web-has-no-node apps/web/src/uses-node.ts',
  'server-does-not-import-apps apps/server/src/uses-cli.ts',
  'no-relative-import-across-packages apps/server/src/uses-cli.ts',
  'no-relative-import-across-packages e2e/uses-path.ts',
  'no-circular packages/synth/src/cycle-a.ts',
  'no-circular packages/synth/src/type-a.ts',
  'not-to-unresolvable packages/waste/src/uses-undeclared.ts',
].sort();

interface Violation {
  readonly from: string;
  readonly rule: { readonly name: string };
}

describe('the layer rule', () => {
  const dir = mkdtempSync(join(tmpdir(), 'graphlet-layers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails on every import against the layering, and on nothing else', () => {
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    for (const [name, exports] of Object.entries(packages)) {
      write(
        `${folderOf(name)}/package.json`,
        JSON.stringify({ name: `@graphlet/${name}`, exports }),
      );
      for (const entry of Object.values(exports))
        write(`${folderOf(name)}/${entry}`, 'export const x = 1;\n');
      mkdirSync(join(dir, 'node_modules/@graphlet'), { recursive: true });
      symlinkSync(join(dir, folderOf(name)), join(dir, 'node_modules/@graphlet', name));
    }
    for (const [path, text] of Object.entries(files)) write(path, text);
    copyFileSync(join(root, 'tsconfig.base.json'), join(dir, 'tsconfig.base.json'));

    let output = '';
    try {
      output = execFileSync(
        join(root, 'node_modules/.bin/depcruise'),
        [
          'packages',
          'apps',
          'e2e',
          '--config',
          join(root, '.dependency-cruiser.json'),
          '--output-type',
          'json',
        ],
        { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
    } catch (error) {
      // depcruise exits non-zero when it finds violations; its report is still on stdout.
      output = (error as { stdout: string }).stdout;
    }
    const violations = (JSON.parse(output) as { summary: { violations: Violation[] } }).summary
      .violations;
    const found = [...new Set(violations.map((v) => `${v.rule.name} ${v.from}`))].sort();
    expect(found).toEqual(expected);
  });
});
