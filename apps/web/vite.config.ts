import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = 'http://localhost:3000';

/**
 * Vite config for the Vigil web shell.
 * Run from the repo root: `npx vite build --config apps/web/vite.config.ts`.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: {
    alias: {
      '@vigil/domain': fileURLToPath(new URL('../../libs/domain/src/index.ts', import.meta.url)),
      '@vigil/client': fileURLToPath(new URL('../../libs/client/src/index.ts', import.meta.url)),
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/socket.io': { target: apiTarget, changeOrigin: true, ws: true },
    },
  },
  preview: {
    port: 4173,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Production ships no source maps (and the api refuses to serve one: 404).
    sourcemap: false,
  },
});
