/**
 * Reading data files (YAML or JSON) with errors that name the file and line.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import YAML, {isMap, isSeq, LineCounter, type Node as YamlNode} from 'yaml'

/** An error in a data or config file: the CLI prints it on one line and exits 2. */
export class DataError extends Error {
  readonly file: string
  readonly line?: number
  constructor(file: string, message: string, line?: number) {
    super(`${file}${line ? `:${line}` : ''}: ${message}`)
    this.name = 'DataError'
    this.file = file
    this.line = line
  }
}

let cachedDataDir: string | undefined

/** The folder of built-in data files (works from `src/` under vitest and from `dist/src/`). */
export function dataDir(): string {
  if (cachedDataDir) return cachedDataDir
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'data', 'lexicon.yaml')
    if (fs.existsSync(candidate)) {
      cachedDataDir = path.join(dir, 'data')
      return cachedDataDir
    }
    dir = path.dirname(dir)
  }
  throw new Error('copydesk: cannot find its data folder')
}

export interface Located<T> {
  value: T
  /** Line (1-based) of the node at a path of keys/indices, if known. */
  lineOf: (keys: Array<string | number>) => number | undefined
}

/** Parse YAML or JSON text; syntax errors name the file and line. */
export function parseData<T = unknown>(text: string, displayPath: string): Located<T> {
  const lineCounter = new LineCounter()
  const doc = YAML.parseDocument(text, {lineCounter, uniqueKeys: true})
  if (doc.errors.length > 0) {
    const error = doc.errors[0]
    const line = error.linePos?.[0]?.line
    const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
    // The yaml package counts lines from 1 in linePos.
    throw new DataError(displayPath, `invalid ${displayPath.endsWith('.json') ? 'JSON' : 'YAML'}: ${message}`, line)
  }
  const value = doc.toJS({maxAliasCount: 100}) as T
  const lineOf = (keys: Array<string | number>): number | undefined => {
    let node: unknown = doc.contents
    let best: number | undefined
    for (const key of keys) {
      if (isMap(node)) node = (node as YAML.YAMLMap).get(key, true)
      else if (isSeq(node)) node = (node as YAML.YAMLSeq).get(key as number, true)
      else break
      const range = (node as YamlNode | undefined)?.range
      if (range) best = lineCounter.linePos(range[0]).line
    }
    return best
  }
  return {value, lineOf}
}

/**
 * Read a data file. Built-in files are compiled to JSON at build time
 * (scripts/compile-data.js); the JSON is used when it is not older than the YAML.
 */
export function readData<T = unknown>(filePath: string, displayPath = filePath, options: {compiled?: boolean} = {}): Located<T> {
  if (options.compiled !== false && path.dirname(filePath) === dataDir()) {
    const compiled = path.join(path.dirname(dataDir()), 'dist', 'data', path.basename(filePath).replace(/\.ya?ml$/, '.json'))
    try {
      if (fs.statSync(compiled).mtimeMs >= fs.statSync(filePath).mtimeMs) {
        return {value: JSON.parse(fs.readFileSync(compiled, 'utf8')) as T, lineOf: () => undefined}
      }
    } catch {
      // Not compiled yet: read the YAML.
    }
  }
  let text: string
  try {
    text = fs.readFileSync(filePath, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new DataError(displayPath, code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? 'error'})`)
  }
  return parseData<T>(text, displayPath)
}
