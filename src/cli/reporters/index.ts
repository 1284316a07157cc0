/**
 * Reports: `pretty` (vfile-reporter, for people: pretty.ts), `json` (the format of
 * vfile-reporter-json, with the end of each range and related places added),
 * `jsonl` (jsonl.ts: the json entries one per line), `sarif` (sarif.ts) and
 * `github` (github.ts).
 */
import type {VFile} from 'vfile'
import {formatPretty} from './pretty.js'
import {reporterJson} from 'vfile-reporter-json'
import {formatSarif} from './sarif.js'
import {formatGithub} from './github.js'
import {formatJsonl} from './jsonl.js'

export const REPORTERS = ['pretty', 'json', 'jsonl', 'sarif', 'github'] as const
export type ReporterName = (typeof REPORTERS)[number]

export interface ReportOptions {
  /** Folder paths in SARIF and GitHub annotations are relative to. */
  cwd?: string
  color?: boolean
  quiet?: boolean
  silent?: boolean
  /** Base of the documentation links (SARIF's `helpUri`). */
  docs?: string
  /** `i/n` of a `--shard` run, on each jsonl record. */
  shard?: string
}

export function formatReport(name: ReporterName, files: VFile[], options: ReportOptions = {}): string {
  if (name === 'json') return formatJson(files, options)
  if (name === 'jsonl') return formatJsonl(files, (file) => formatJson([file], options), options)
  if (name === 'sarif') return formatSarif(files, {cwd: options.cwd, docs: options.docs})
  if (name === 'github') return formatGithub(files, {cwd: options.cwd})
  // A file with hundreds of messages is summarised per rule (pretty.ts).
  return formatPretty(files, options)
}

interface JsonMessage {
  line?: number
  column?: number
  endLine?: number | null
  endColumn?: number | null
  [key: string]: unknown
}

function formatJson(files: VFile[], options: ReportOptions): string {
  const data = JSON.parse(reporterJson(files, {quiet: options.quiet, silent: options.silent})) as Array<{
    path: string
    cwd?: string
    messages: JsonMessage[]
  }>
  // Files by path, in order (a quiet report leaves some out): found in one pass, not one search per entry.
  const byPath = new Map<string, VFile[]>()
  for (const file of files) {
    const list = byPath.get(file.path)
    if (list) list.push(file)
    else byPath.set(file.path, [file])
  }
  for (const [index, entry] of data.entries()) {
    // The folder of the machine that linted; `path` is relative to it.
    delete entry.cwd
    const file = byPath.get(entry.path)?.shift() ?? files[index]
    const messages = file.messages.filter((m) => !options.silent || m.fatal)
    entry.messages = entry.messages.map((message, n) => {
      const source = messages[n]
      const place = source?.place
      const end = place && 'end' in place ? place.end : undefined
      const result: JsonMessage = {...message, endLine: end?.line ?? null, endColumn: end?.column ?? null}
      if (source?.related) result.related = source.related
      return result
    })
  }
  return JSON.stringify(data)
}
