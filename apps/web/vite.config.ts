import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { pureImports } from './build/pure-imports.ts';

/** The API server the dev server proxies to (`pnpm --filter @graphlet/web dev`). */
const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [pureImports(), react()],
  server: { proxy: { '/api': apiTarget } },
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 2000 },
  worker: { format: 'es' },
});
