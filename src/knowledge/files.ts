/**
 * Reading data files (YAML or JSON) with errors that name the file and line.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {DataError, parseData, type Located} from './parse-data.js'
import {DATA_SIZE_LIMIT, readTextFile, unreadableReason} from './read-text-file.js'

export {DataError, parseData, type Located}

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

/**
 * Read a data file. Built-in files are compiled to JSON at build time
 * (scripts/compile-data.js); the JSON is used when it is not older than the YAML.
 */
export function readData<T = unknown>(
  filePath: string,
  displayPath = filePath,
  options: {compiled?: boolean} = {}
): Located<T> {
  if (options.compiled !== false && path.dirname(filePath) === dataDir()) {
    const compiled = path.join(
      path.dirname(dataDir()),
      'dist',
      'data',
      path.basename(filePath).replace(/\.ya?ml$/, '.json')
    )
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
    text = readTextFile(filePath, DATA_SIZE_LIMIT)
  } catch (error) {
    throw new DataError(displayPath, unreadableReason(error))
  }
  return parseData<T>(text, displayPath)
}
