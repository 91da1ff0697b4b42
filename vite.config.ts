import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

// The web app lives in src/web; index.html sits at the repository root and the
// built files go to dist/web, which the server serves as static files.
/**
 * Writes .vite/chunk-modules.json next to Vite's manifest: each JS chunk's source modules (repository-relative).
 * The manifest names a chunk by its source only when one module starts it; the chunks of the manual groups below
 * (NewComplaint, Track, public…) appear under their chunk name, so scripts/check-budgets.ts finds a page's chunk here.
 */
function chunkModules(): Plugin {
  const root = fileURLToPath(new URL('.', import.meta.url));
  return {
    name: 'shahrdeh-chunk-modules',
    apply: 'build',
    generateBundle(_options, bundle) {
      const map: Record<string, string[]> = {};
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk') map[chunk.fileName] = chunk.moduleIds.filter((id) => id.startsWith(root)).map((id) => id.slice(root.length));
      }
      this.emitFile({ type: 'asset', fileName: '.vite/chunk-modules.json', source: `${JSON.stringify(map, null, 1)}\n` });
    },
  };
}

/**
 * Writes a brotli (.br) and a gzip (.gz) copy of every text file of the build (JS, CSS, SVG, HTML, JSON) next to it;
 * the server sends them as they are with their Content-Encoding (@fastify/static `preCompressed`), so nothing is
 * compressed per request and the browser downloads a third of the bytes.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'shahrdeh-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (await readdir(outDir, { recursive: true, withFileTypes: true }))
        .filter((f) => f.isFile() && /\.(js|css|svg|html|json|txt)$/.test(f.name) && !f.parentPath.includes(`${path.sep}.vite`))
        .map((f) => path.join(f.parentPath, f.name));
      await Promise.all(
        files.map(async (file) => {
          const data = await readFile(file);
          if (data.length < 512) return;
          await writeFile(`${file}.br`, brotliCompressSync(data, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: data.length } }));
          await writeFile(`${file}.gz`, gzipSync(data, { level: 9 }));
        }),
      );
    },
  };
}

export default defineConfig({
  root: '.',
  publicDir: 'src/web/public',
  plugins: [react(), chunkModules(), precompress()],
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
    // .vite/manifest.json: which chunks each source module loads; scripts/check-budgets.ts reads it (the server
    // does not serve dot folders).
    manifest: true,
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
