/**
 * A Vite plugin that fails the build when the web bundle would import a Node API (`node:*` or a
 * bare builtin such as `fs`) or forest's worker-thread entry (`@graphlet/forest/node`). The web app
 * imports the pure packages (@graphlet/core, @graphlet/forest) and must stay runnable in a browser.
 */
import { builtinModules } from 'node:module';
import type { Plugin } from 'vite';

const BUILTINS = new Set(builtinModules);
const FOREST_NODE = /[/\\]packages[/\\]forest[/\\]src[/\\]node[/\\]/;

/** Why importing `source` (resolved to `id` when known) is not allowed in the web app, or null. */
export function forbiddenImport(source: string, id?: string): string | null {
  if (source.startsWith('node:') || BUILTINS.has(source.split('/')[0] ?? source)) {
    return `${source} is a Node API`;
  }
  if (source === '@graphlet/forest/node' || (id !== undefined && FOREST_NODE.test(id))) {
    return `${source} is forest's Node entry (worker threads)`;
  }
  return null;
}

/** The plugin: checks every import the bundle resolves and every module it loads. */
export function pureImports(): Plugin {
  return {
    name: 'graphlet:pure-imports',
    enforce: 'pre',
    resolveId(source, importer) {
      const reason = forbiddenImport(source);
      if (reason !== null) this.error(`web: ${importer ?? 'the entry'} imports ${reason}`);
      return null;
    },
    load(id) {
      const reason = forbiddenImport(id, id);
      if (reason !== null) this.error(`web: the bundle would load ${reason}`);
      return null;
    },
  };
}
