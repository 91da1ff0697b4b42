import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The web app lives in src/web; index.html sits at the repository root and the
// built files go to dist/web, which the server serves as static files.
export default defineConfig({
  root: '.',
  publicDir: 'src/web/public',
  plugins: [react()],
  resolve: {
    // react-router's package exports name only its development build (dev-only warnings and checks
    // included); its production build, same API, is ~0.5 KB gzip lighter in the entry every page loads.
    alias: [
      {
        find: /^react-router$/,
        replacement: fileURLToPath(new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url)),
      },
    ],
  },
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    target: 'es2022',
    // Inlining fonts as data: URLs would put every Vazirmatn subset into the CSS
    // that each page downloads; keep them as separate files fetched on demand.
    assetsInlineLimit: 0,
    sourcemap: false,
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'app',
              tags: ['$initial'],
              priority: 3,
            },
            // Every page sets its title: a tiny module of its own (not pulled into a page group below).
            { name: 'usePageTitle', test: /[\\/]src[\\/]web[\\/]components[\\/]usePageTitle\.ts$/, priority: 2 },
            // Each public complaint page with its own strings (the filing form, and the place picker it shares with
            // the amriyeh form, are chunks of their own).
            { name: 'NewComplaint', test: /[\\/]complaints[\\/]web[\\/]public[\\/](NewComplaint\.tsx|fa-new\.ts)$/, priority: 1, includeDependenciesRecursively: false },
            { name: 'Track', test: /[\\/]complaints[\\/]web[\\/]public[\\/](Track\.tsx|fa-track\.ts)$/, priority: 1, includeDependenciesRecursively: false },
            // What the light public pages of every service share: requests and sign-in, Persian formatting, the
            // plain-markup form blocks (steps, uploads: the uploads compress far better here than in a chunk of their
            // own, which keeps the complaints filing within its budget), and the page and form styles.
            {
              name: 'public',
              test: /[\\/]src[\\/](web[\\/](api|citizen-auth|format)\.ts|web[\\/]components[\\/](OtpForm|form|digits|Steps|Uploads)\.tsx?|web[\\/]styles[\\/](forms|pages)\.css|core[\\/]fa[\\/]validators\.ts|modules[\\/]complaints[\\/]web[\\/](fa|format|types|public[\\/](http|ui))\.tsx?)$/,
              priority: 2,
            },
          ],
        },
      },
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
