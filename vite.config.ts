import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app lives in src/web; index.html sits at the repository root and the
// built files go to dist/web, which the server serves as static files.
export default defineConfig({
  root: '.',
  publicDir: 'src/web/public',
  plugins: [react()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    target: 'es2022',
    // Inlining fonts as data: URLs would put every Vazirmatn subset into the CSS
    // that each page downloads; keep them as separate files fetched on demand.
    assetsInlineLimit: 0,
    sourcemap: false,
    reportCompressedSize: true,
    rolldownOptions: {
      treeshake: {
        // src/core/fa is pure by design (it is shared with the server), and so are
        // the digit helpers of persian-tools, which declares no `sideEffects`.
        // Saying so lets the bundler drop what a page does not use, e.g. the zod
        // schemas of core/fa/zod.ts (and zod itself) when a page imports only
        // toPersianDigits from core/fa/index.js.
        moduleSideEffects: (id) =>
          /[\\/]src[\\/]core[\\/]fa[\\/]|[\\/]@persian-tools[\\/]/.test(id) ? false : undefined,
      },
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
