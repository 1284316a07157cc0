/**
 * Parsing YAML or JSON data with errors that name the file and line; no file
 * system here, so the browser build uses it too.
 */
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
  let value: T
  try {
    value = doc.toJS({maxAliasCount: 100}) as T
  } catch (error) {
    // `yaml` refuses an alias bomb (aliases expanding exponentially) with a
    // ReferenceError: bad input, reported as such, not as an internal error.
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new DataError(displayPath, `invalid YAML: ${reason.replace(/\.$/, '')}`)
  }
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
