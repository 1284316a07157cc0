/**
 * `--report jsonl`: the json report's entries, one line per file, so that a run
 * over an archive can write each file's line as soon as the file is done
 * (src/cli/stream.ts) and shards' outputs can be concatenated. Each line has
 * every field the json report gives a file and its messages, plus:
 *
 * - `shard`: `i/n` when the run was `--shard i/n`, so that `copydesk merge`
 *   can give each shard its own SARIF run;
 * - per message, `fingerprint`: the SARIF fingerprint (rule, path, flagged
 *   text), computed here where the story's text is, so that a SARIF built
 *   from these lines identifies an alert as `--report sarif` does.
 */
import path from 'node:path'
import type {VFile} from 'vfile'
import {fingerprints} from './sarif.js'

export interface JsonlOptions {
  cwd?: string
  silent?: boolean
  shard?: string
}

/** One line per file (files the json report leaves out, with `--quiet`, have none). */
export function formatJsonl(files: VFile[], toJson: (file: VFile) => string, options: JsonlOptions): string {
  const lines: string[] = []
  for (const file of files) {
    const line = jsonlLine(file, toJson, options)
    if (line !== undefined) lines.push(line)
  }
  return lines.join('\n')
}

function jsonlLine(file: VFile, toJson: (file: VFile) => string, options: JsonlOptions): string | undefined {
  const [entry] = JSON.parse(toJson(file)) as Array<{path?: string; messages: Array<Record<string, unknown>>}>
  if (!entry) return undefined
  const cwd = path.resolve(options.cwd ?? process.cwd())
  const prints = fingerprints(file, cwd)
  // The json report's messages are the file's, errors only with --silent.
  const shown = prints.filter((_print, index) => !options.silent || file.messages[index].fatal)
  const messages = entry.messages.map((message, index) => ({...message, fingerprint: shown[index]}))
  return JSON.stringify({path: entry.path, ...(options.shard ? {shard: options.shard} : {}), ...entry, messages})
}
