#!/usr/bin/env node
// Bundle the `copydesk` command for a fast start (part of `npm run build`, after tsc):
//
// 1. esbuild puts dist/src/cli/main.js and everything it imports into one CommonJS file,
//    dist/bundle/copydesk.cjs. Each module's `import.meta.url` becomes the URL of its
//    compiled file in dist/ (so the data folder, package.json, the page and the archive
//    workers are found exactly as without the bundle); `load-plugin` (unified-engine's
//    loader for plugins named in config files, which copydesk never uses) is left out.
// 2. The bundle lints the seed story once in this process, and V8's code cache of
//    everything that run compiled is written beside it (copydesk.cjs.cache), for
//    bin/bundle-loader.js to hand to V8 on every start.
//
// In the bundle, also: packages and built-ins only some runs need load on first use, one
// interop object per Node built-in, ASCII-only source, and the pretty report measures plain
// lines without string-width's emoji expression (each step says why, below).
// tests/startup.test.ts checks that the bundle prints byte for byte what the modules print.
//
// Usage: node scripts/build-cli.js
import fs from 'node:fs'
import path from 'node:path'
import {Readable, Writable} from 'node:stream'
import {fileURLToPath, pathToFileURL} from 'node:url'
import * as esbuild from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const {bundlePath, cachePath, loadBundle} = await import(pathToFileURL(path.join(root, 'bin', 'bundle-loader.js')).href)

/** `import.meta.url` of each bundled module: its own file, found from the bundle's place. */
const importMetaUrl = {
  name: 'import-meta-url',
  setup(build) {
    build.onLoad({filter: /\.[cm]?js$/}, async (args) => {
      const contents = await fs.promises.readFile(args.path, 'utf8')
      if (!contents.includes('import.meta.url')) return undefined
      const relative = path.relative(path.dirname(bundlePath), args.path).split(path.sep).join('/')
      const url = `require('node:url').pathToFileURL(require('node:path').join(__dirname, ${JSON.stringify(relative)})).href`
      return {contents: contents.replaceAll('import.meta.url', url), loader: 'js'}
    })
  }
}

/** unified-engine loads reporters and plugins named in its config files; copydesk names none. */
const noPluginLoading = {
  name: 'no-plugin-loading',
  setup(build) {
    build.onResolve({filter: /^load-plugin$/}, () => ({path: 'load-plugin', namespace: 'copydesk-stub'}))
    build.onLoad({filter: /.*/, namespace: 'copydesk-stub'}, () => ({
      contents:
        "export function loadPlugin(name) { throw new Error('copydesk does not load plugins by name (`' + name + '`)') }\n" +
        'export const resolvePlugin = loadPlugin\n',
      loader: 'js'
    }))
  }
}

/**
 * Packages only some runs need (HTML parsing, the SARIF report), each put behind a
 * stand-in whose functions load the package on first call: their module-level
 * set-up (HTML's entity and property tables) is then not paid by every start.
 * Only packages whose exports are all functions can stand in this way (parse5's
 * other exports are left out, but for its `defaultTreeAdapter`, a table of functions
 * that stands in as an object reading the real one: copydesk imports only those two,
 * and esbuild fails the build on an import of one left out). Node
 * built-ins that copydesk's own modules need only on some paths (git for --since,
 * worker threads, the SARIF fingerprints, the page server) stand in the same way
 * for copydesk's modules: their functions, and their default export as an object
 * whose properties load the built-in.
 */
const LAZY = [
  'parse5',
  'hast-util-from-parse5',
  'hast-util-phrasing',
  'hast-util-embedded',
  'hast-util-whitespace',
  'node-sarif-builder',
  'node:child_process',
  'node:crypto',
  'node:http',
  'node:os',
  'node:worker_threads'
]

/** Packages whose functions (and tables of functions) stand in lazily, their other exports left out. */
const FUNCTIONS_ONLY = new Set(['parse5'])

/** A plain object whose every property is a function (standing in by a proxy, its properties loaded on first read). */
function isTableOfFunctions(value) {
  return (
    value !== null &&
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype &&
    Object.values(value).every((property) => typeof property === 'function')
  )
}

async function lazyPackages(names) {
  const standIns = new Map()
  for (const name of names) {
    const builtIn = name.startsWith('node:')
    let entries = Object.entries(await import(name)).filter(([key]) => key !== '__esModule' && key !== 'default')
    const notFunctions = entries.filter(([, value]) => typeof value !== 'function').map(([key]) => key)
    if (builtIn || FUNCTIONS_ONLY.has(name))
      entries = entries.filter(([, value]) => typeof value === 'function' || isTableOfFunctions(value))
    else if (notFunctions.length > 0)
      throw new Error(`build-cli: cannot load ${name} lazily: ${notFunctions.join(', ')}`)
    const lines = [`let real`, `const load = () => (real ??= require(${JSON.stringify(name)}))`]
    if (builtIn) lines.push('export default new Proxy({}, {get: (_target, key) => load()[key]})')
    for (const [key, value] of entries) {
      if (typeof value !== 'function') {
        // A table of functions (parse5's `defaultTreeAdapter`): an object that reads the real one.
        const real = `load().${key}`
        lines.push(
          `export const ${key} = new Proxy({}, {`,
          `  get: (_target, property) => ${real}[property],`,
          `  has: (_target, property) => property in ${real},`,
          `  ownKeys: () => Reflect.ownKeys(${real}),`,
          `  getOwnPropertyDescriptor: (_target, property) => Reflect.getOwnPropertyDescriptor(${real}, property)`,
          `})`
        )
        continue
      }
      lines.push(
        `export function ${key}(...parameters) {`,
        `  const value = load().${key}`,
        `  return new.target ? Reflect.construct(value, parameters) : value.apply(this, parameters)`,
        `}`
      )
    }
    standIns.set(name, lines.join('\n'))
  }
  return {
    name: 'lazy-packages',
    setup(build) {
      const filter = new RegExp(`^(?:${names.map((n) => n.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|')})$`)
      const ours = path.join(root, 'dist') + path.sep
      build.onResolve({filter}, (args) =>
        args.kind === 'import-statement' &&
        args.namespace === 'file' &&
        (!args.path.startsWith('node:') || args.importer.startsWith(ours))
          ? {path: args.path, namespace: 'copydesk-lazy'}
          : undefined
      )
      build.onLoad({filter: /.*/, namespace: 'copydesk-lazy'}, (args) => ({
        contents: standIns.get(args.path),
        resolveDir: root,
        loader: 'js'
      }))
    }
  }
}

/**
 * The pretty report measures each line with string-width, whose first call
 * compiles a regular expression of every emoji: tens of milliseconds, more than
 * linting a short story. A line of printable ASCII (colour codes aside) is as wide
 * as it is long, and is measured so; any other line goes to string-width itself.
 */
const asciiWidth = {
  name: 'ascii-width',
  setup(build) {
    build.onResolve({filter: /^string-width$/}, (args) =>
      args.namespace === 'copydesk-width'
        ? undefined
        : {path: 'string-width', namespace: 'copydesk-width', pluginData: {resolveDir: args.resolveDir}}
    )
    build.onLoad({filter: /.*/, namespace: 'copydesk-width'}, (args) => ({
      contents: [
        "import stringWidth from 'string-width'",
        'export default function width(string, options) {',
        "  const plain = typeof string === 'string' ? string.replace(/\\u001B\\[[\\d;]*m/g, '') : string",
        '  return typeof plain === "string" && /^[\\x20-\\x7E]*$/.test(plain) ? plain.length : stringWidth(string, options)',
        '}'
      ].join('\n'),
      resolveDir: args.pluginData.resolveDir,
      loader: 'js'
    }))
  }
}

fs.rmSync(path.dirname(bundlePath), {recursive: true, force: true})
const result = await esbuild.build({
  entryPoints: [path.join(root, 'dist', 'src', 'cli', 'main.js')],
  outfile: bundlePath,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Smaller to read and to cache; names are kept so a stack trace still says where.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [importMetaUrl, noPluginLoading, asciiWidth, await lazyPackages(LAZY)]
})
if (result.errors.length > 0) process.exit(1)
shareBuiltinInterop(bundlePath)
asciiOnly(bundlePath)

/**
 * esbuild wraps every default import of a Node built-in (`import fs from 'node:fs'`,
 * some fifty in copydesk and its dependencies) in its own interop object, copying
 * each of the module's properties as a getter: a few thousand properties defined at
 * each start. One interop object per built-in, shared, reads the same (nothing
 * writes to them); and where the bundle reads nothing but `.default` from it (checked
 * here, name by name), a getter that hands over the module itself is enough.
 * Without esbuild's helper under that name, nothing is changed.
 */
function shareBuiltinInterop(file) {
  const source = fs.readFileSync(file, 'utf8')
  const helper = /var __toESM=[^;]*;/.exec(source)
  if (!helper) return
  const shared =
    'var __builtins=new Map,__builtin=id=>{let m=__builtins.get(id);return m||__builtins.set(id,m=__toESM(require(id),1)),m},' +
    '__builtinDefault=id=>{let m=__builtins.get(id+"#");return m||__builtins.set(id+"#",m={get default(){' +
    'return Object.defineProperty(this,"default",{value:require(id)}).default}}),m};'
  const at = helper.index + helper[0].length
  let rewritten = (source.slice(0, at) + shared + source.slice(at)).replace(
    /__toESM\(require\(("node:[\w/]+")\),1\)/g,
    '__builtin($1)'
  )
  for (const [, name] of rewritten.matchAll(/(?<![\w$])([\w$]+)=__builtin\("/g)) {
    const uses = [
      ...rewritten.matchAll(new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])(\\.default\\b)?`, 'g'))
    ]
    // The one use without `.default` is the assignment itself.
    if (uses.filter((use) => !use[1]).length === 1) {
      rewritten = rewritten.replace(`${name}=__builtin("`, `${name}=__builtinDefault("`)
    }
  }
  fs.writeFileSync(file, rewritten)
}

/**
 * esbuild leaves non-ASCII characters in regular expression literals (copydesk's
 * own: curly quotes, dashes, Chinese numerals); one such character makes V8 hold
 * the whole bundle as a two-byte string, slower to read and to scan. Escaped as
 * \uXXXX they mean the same in a regular expression, a string or a template,
 * except in a raw template, which is checked.
 */
function asciiOnly(file) {
  const source = fs.readFileSync(file, 'utf8')
  for (const raw of source.matchAll(/String\.raw`[^`]*`/g)) {
    // eslint-disable-next-line no-control-regex
    if (/[^\u0000-\u007f]/.test(raw[0])) return
  }
  // An identity escape (`\’`, the character itself) loses its backslash: `\\u2019` would be a backslash and text.
  let escaped = ''
  let from = 0
  // eslint-disable-next-line no-control-regex
  for (const match of source.matchAll(/[^\u0000-\u007f]/g)) {
    let slashes = 0
    while (source[match.index - 1 - slashes] === '\\') slashes++
    escaped +=
      source.slice(from, match.index - (slashes % 2)) + '\\u' + match[0].charCodeAt(0).toString(16).padStart(4, '0')
    from = match.index + 1
  }
  escaped += source.slice(from)
  fs.writeFileSync(file, escaped)
}

// The training run: the seed story and a Markdown file, reported into nothing.
const sink = () => new Writable({write: (_chunk, _encoding, done) => done()})
const {script, exports} = loadBundle({useCache: false})
for (const files of [['fixtures/seed/china-asean-expo.txt'], ['fixtures/seed/README.md']]) {
  const io = {stdin: Readable.from([]), stdout: sink(), stderr: process.stderr, cwd: root}
  const code = await exports.main(files, io)
  if (code !== 0) {
    process.stderr.write(`build-cli: the bundled command exited ${code} on ${files.join(' ')}\n`)
    process.exit(1)
  }
}
fs.writeFileSync(cachePath, script.createCachedData())
const kb = (file) => Math.round(fs.statSync(file).size / 1024)
console.log(
  `bundled the command: ${path.relative(root, bundlePath)} (${kb(bundlePath)} KB, code cache ${kb(cachePath)} KB)`
)
