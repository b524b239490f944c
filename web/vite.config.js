// Vite builds the front end to web/dist, which `journey serve` serves. See docs/web.md.
import { defineConfig } from 'vite';
import { kindsPlugin } from './scripts/kinds-plugin.js';

export default defineConfig({
  // Relative asset URLs, so the built page works wherever the server mounts it.
  base: './',
  plugins: [kindsPlugin()],
  // Preact's automatic JSX runtime (Vite 8 transforms with Oxc).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  css: {
    preprocessorOptions: {
      scss: { loadPaths: ['node_modules'], quietDeps: true, silenceDeprecations: ['import'] },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Lightning CSS (Vite 8's default) rejects some of GOV.UK Frontend's CSS; esbuild does not.
    cssMinify: 'esbuild',
    // One small bundle for the pages and a separate one for the charts, loaded on demand.
    chunkSizeWarningLimit: 600,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{js,jsx}'],
  },
});
