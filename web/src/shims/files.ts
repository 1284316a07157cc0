/**
 * copydesk's data loader (src/knowledge/files.ts) for the browser: the built-in
 * data is bundled (the JSON compiled by `npm run build`), house files come from
 * the page's settings. Parsing and errors are the real module's.
 */
import {DataError, parseData, type Located} from '../../../src/knowledge/parse-data.js'

export {DataError, parseData, type Located}

const builtIn = import.meta.glob('../../../dist/data/*.json', {eager: true, import: 'default'}) as Record<
  string,
  unknown
>
const house = new Map<string, string>()

/** Make a house file readable by path (the page's settings). */
export function registerHouseFile(name: string, text: string): void {
  house.set(name, text)
}

export function dataDir(): string {
  return '/data'
}

export function readData<T = unknown>(filePath: string, displayPath = filePath): Located<T> {
  const houseText = house.get(filePath)
  if (houseText !== undefined) return parseData<T>(houseText, displayPath)
  const name = filePath
    .split('/')
    .pop()!
    .replace(/\.ya?ml$/, '.json')
  const key = Object.keys(builtIn).find((k) => k.endsWith('/' + name))
  if (!key) throw new DataError(displayPath, 'file not found')
  return {value: builtIn[key] as T, lineOf: () => undefined}
}
