// Loads the `copydesk` command from its bundle (dist/bundle/copydesk.cjs, made by
// `npm run build`: the command and its dependencies in one file) with V8's code
// cache beside it (copydesk.cjs.cache), so a run neither resolves some four hundred
// modules nor compiles them again. Start-up was most of the time of linting one
// story. A cache made by another Node version is rejected by V8 and the bundle is
// compiled as usual; without a bundle, or with one older than the compiled
// modules (a `tsc` run since the last build), the modules are imported as they are.
import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const bundlePath = path.join(root, 'dist', 'bundle', 'copydesk.cjs')
export const cachePath = bundlePath + '.cache'
const modulesEntry = path.join(root, 'dist', 'src', 'cli', 'main.js')

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs
  } catch {
    return undefined
  }
}

/** The bundle as a compiled script, with its exports; `cachedData` only when asked. */
export function loadBundle({useCache = true} = {}) {
  const source = fs.readFileSync(bundlePath, 'utf8')
  let cachedData
  if (useCache) {
    try {
      cachedData = fs.readFileSync(cachePath)
    } catch {
      // No cache: compile.
    }
  }
  // The CommonJS wrapper, as Node's own loader writes it.
  const wrapped = '(function (exports, require, module, __filename, __dirname) { ' + source + '\n})'
  const script = new vm.Script(wrapped, {
    filename: bundlePath,
    cachedData,
    // Dynamic import() inside the bundle (none on copydesk's own paths) goes to Node's loader.
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER
  })
  const module = {exports: {}}
  script
    .runInThisContext()
    .call(module.exports, module.exports, createRequire(bundlePath), module, bundlePath, path.dirname(bundlePath))
  return {script, exports: module.exports}
}

/** Whether the bundle exists and is not older than the compiled modules. */
export function bundleIsCurrent() {
  const bundled = mtime(bundlePath)
  const modules = mtime(modulesEntry)
  return bundled !== undefined && (modules === undefined || bundled >= modules)
}

/** The command's `main`: from the bundle when it is current, else from the compiled modules. */
export async function loadMain() {
  if (bundleIsCurrent()) return loadBundle().exports.main
  return (await import('../dist/src/cli/main.js')).main
}
