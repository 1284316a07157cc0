#!/usr/bin/env node
// Build and package the VS Code extension: bundle the extension (with
// vscode-languageclient) and the copydesk language server (with its rules,
// knowledge base and data) with esbuild, then package a .vsix with vsce.
// Run from the repository root after `npm run build`: `npm run vsix`.
// Output: editors/vscode/copydesk-vscode-<version>.vsix
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.resolve(here, '..', '..')
const stage = path.join(here, 'stage')
fs.rmSync(stage, {recursive: true, force: true})
fs.mkdirSync(stage, {recursive: true})

// The compiled data must be current: the bundle carries dist/data as it is.
for (const name of fs.readdirSync(path.join(root, 'data')).filter((f) => f.endsWith('.yaml'))) {
  const compiled = path.join(root, 'dist', 'data', name.replace(/\.yaml$/, '.json'))
  if (!fs.existsSync(compiled) || fs.statSync(compiled).mtimeMs < fs.statSync(path.join(root, 'data', name)).mtimeMs) {
    console.error(`dist/data is older than data/${name}: build copydesk first (npm run build)`)
    process.exit(2)
  }
}

await build({
  entryPoints: [path.join(here, 'src', 'extension.ts')],
  outfile: path.join(stage, 'out', 'extension.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  external: ['vscode'],
  logLevel: 'warning'
})

// The server as one ES module; it finds its data in ../data and ../dist/data.
await build({
  entryPoints: [path.join(root, 'dist', 'src', 'language-server', 'main.js')],
  outfile: path.join(stage, 'server', 'server.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node18',
  // Some dependencies are CommonJS and call require(): give the bundle one.
  banner: {
    js: "import {createRequire as __copydeskCreateRequire} from 'node:module'; const require = __copydeskCreateRequire(import.meta.url);"
  },
  logLevel: 'warning'
})

// The data files the server reads (not the folders of build inputs, such as data/build-countries/).
for (const name of fs.readdirSync(path.join(root, 'data'))) {
  if (!fs.statSync(path.join(root, 'data', name)).isFile()) continue
  fs.mkdirSync(path.join(stage, 'data'), {recursive: true})
  fs.copyFileSync(path.join(root, 'data', name), path.join(stage, 'data', name))
}
fs.mkdirSync(path.join(stage, 'dist', 'data'), {recursive: true})
for (const name of fs.readdirSync(path.join(root, 'dist', 'data'))) {
  fs.copyFileSync(path.join(root, 'dist', 'data', name), path.join(stage, 'dist', 'data', name))
}
// Compiled data must not look older than the YAML it came from.
const now = new Date()
for (const name of fs.readdirSync(path.join(stage, 'dist', 'data')))
  fs.utimesSync(path.join(stage, 'dist', 'data', name), now, now)
fs.mkdirSync(path.join(stage, 'docs'), {recursive: true})
fs.copyFileSync(path.join(root, 'docs', 'rules.md'), path.join(stage, 'docs', 'rules.md'))
fs.copyFileSync(path.join(here, 'package.json'), path.join(stage, 'package.json'))
fs.copyFileSync(path.join(here, 'README.md'), path.join(stage, 'README.md'))
fs.copyFileSync(path.join(here, 'LICENSE'), path.join(stage, 'LICENSE'))
fs.writeFileSync(path.join(stage, '.vscodeignore'), 'src/**\n')

const pkg = JSON.parse(fs.readFileSync(path.join(here, 'package.json'), 'utf8'))
const out = path.join(here, `${pkg.name}-${pkg.version}.vsix`)
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce')
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', out], {
  cwd: stage,
  stdio: 'inherit'
})
fs.rmSync(stage, {recursive: true, force: true})
console.log(`packaged ${path.relative(root, out)}`)
