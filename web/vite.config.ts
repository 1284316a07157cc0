/**
 * The copydesk page: the same rules and knowledge base as the command line,
 * bundled for the browser. Node-only modules of the core are swapped for small
 * shims (the file system for bundled data; paths), nothing else changes.
 */
import {fileURLToPath} from 'node:url'
import {defineConfig} from 'vite'

const shim = (name: string) => fileURLToPath(new URL(`./src/shims/${name}`, import.meta.url))

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: {outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000},
  resolve: {
    alias: [
      {find: /^node:path$/, replacement: shim('path.ts')},
      {find: /^node:url$/, replacement: shim('url.ts')},
      {find: /^(?:\.\.?\/)+(?:knowledge\/)?files\.js$/, replacement: shim('files.ts')}
    ]
  },
  server: {fs: {allow: ['..']}}
})
