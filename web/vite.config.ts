/**
 * The copydesk page: the same rules and knowledge base as the command line,
 * bundled for the browser. Node-only modules of the core are swapped for small
 * shims (the file system for bundled data; paths), nothing else changes.
 */
import fs from 'node:fs'
import {createHash} from 'node:crypto'
import {fileURLToPath} from 'node:url'
import {defineConfig, type Plugin} from 'vite'

const shim = (name: string) => fileURLToPath(new URL(`./src/shims/${name}`, import.meta.url))

/**
 * The service worker, with the list of every file of this build written in so it can
 * keep them all at install (the lazy chunks too). Twenty lines instead of a PWA plugin
 * and Workbox: the page needs a precache list and nothing else.
 */
function serviceWorker(): Plugin {
  return {
    name: 'copydesk-service-worker',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = ['./', ...Object.keys(bundle).map((name) => `./${name}`)].sort()
      if (!files.includes('./index.html')) files.push('./index.html')
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12)
      const template = fs.readFileSync(new URL('./service-worker.js', import.meta.url), 'utf8')
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: template.replace("'__VERSION__'", JSON.stringify(version)).replace("'__FILES__'", JSON.stringify(files))
      })
    }
  }
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000
  },
  // No modulepreload for the lazy chunks: compiling them before the first paint delays it
  // (measured against the page before the editor: first paint 1.1-1.5x with modulepreload,
  // 0.7-0.8x without; load to ready within the noise either way).
  plugins: [serviceWorker()],
  resolve: {
    alias: [
      {find: /^node:path$/, replacement: shim('path.ts')},
      {find: /^node:url$/, replacement: shim('url.ts')},
      {find: /^(?:\.\.?\/)+(?:knowledge\/)?files\.js$/, replacement: shim('files.ts')}
    ]
  },
  server: {fs: {allow: ['..']}}
})
