/**
 * Linting many stories on every core: the files are found first (folders,
 * globs, extensions, `.copydeskignore`, as the engine finds them), then linted
 * by a pool of worker threads, a few files in flight per worker, and reported in
 * the order a single-threaded run reports them. Workers read the files
 * themselves and send back only the messages, so memory stays bounded by the
 * messages, not by the size of the archive.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {Worker} from 'node:worker_threads'
import {glob} from 'glob'
import * as ignoreModule from 'ignore'
import {VFile} from 'vfile'
import {DataError} from '../../knowledge/files.js'
import type {Overrides} from '../../config/settings.js'

// `ignore` is CommonJS with a function export (its default under ES modules and bundlers).
type IgnoreFactory = () => {add(patterns: string | string[]): unknown; ignores(path: string): boolean}
const ignore = ((ignoreModule as unknown as {default?: IgnoreFactory}).default ??
  (ignoreModule as unknown as IgnoreFactory)) as IgnoreFactory

export interface ArchiveOptions {
  cwd: string
  inputs: string[]
  extensions: string[]
  ignoreName?: string
  ignorePath?: string
  overrides: Overrides
  maxSize?: number
  jobs: number
  /** Called after each file with (done, total, messages so far). */
  progress?: (done: number, total: number, messages: number) => void
  /** Set to true to stop early (Ctrl-C). */
  signal?: {aborted: boolean}
}

export interface SerializedMessage {
  reason: string
  ruleId?: string
  source?: string
  fatal?: boolean | null
  place?: unknown
  actual?: string
  expected?: string[]
  note?: string
  url?: string
  related?: unknown
  cause?: {name: string; message: string; file?: string; line?: number}
}

export interface WorkerTask {
  id: number
  path: string
}

export interface WorkerResult {
  id: number
  messages: SerializedMessage[]
}

export function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length)
}

/** The files a run lints, sorted, with explicitly named files that are ignored reported as such. */
export async function findFiles(
  options: Pick<ArchiveOptions, 'cwd' | 'inputs' | 'extensions' | 'ignoreName' | 'ignorePath'>
): Promise<{files: string[]; missing: string[]}> {
  const {cwd} = options
  const ignored = ignoreFilter(cwd, options)
  const extensionPattern = `**/*.{${options.extensions.join(',')}}`
  const found = new Set<string>()
  const missing: string[] = []
  for (const input of options.inputs) {
    const absolute = path.resolve(cwd, input)
    let stat: fs.Stats | undefined
    try {
      stat = fs.statSync(absolute)
    } catch {
      stat = undefined
    }
    if (stat?.isDirectory()) {
      for (const file of await glob(extensionPattern, {
        cwd: absolute,
        absolute: true,
        nodir: true,
        dot: false,
        ignore: ['**/node_modules/**']
      })) {
        if (!ignored(file)) found.add(file)
      }
    } else if (stat?.isFile()) {
      found.add(absolute)
    } else {
      const matches = await glob(input, {cwd, absolute: true, nodir: true, dot: false, ignore: ['**/node_modules/**']})
      if (matches.length === 0) missing.push(input)
      for (const file of matches)
        if (!ignored(file) && options.extensions.includes(path.extname(file).slice(1).toLowerCase())) found.add(file)
    }
  }
  const files = [...found].map((f) => path.relative(cwd, f)).sort((a, b) => a.localeCompare(b))
  return {files, missing}
}

/** Whether a file is ignored: `.copydeskignore` (the nearest above `cwd`, or the one given), node_modules, .git. */
export function ignoreFilter(
  cwd: string,
  options: {ignoreName?: string; ignorePath?: string}
): (file: string) => boolean {
  const ig = ignore()
  ig.add(['node_modules/', '.git/'])
  const ignoreFile = options.ignorePath
    ? path.resolve(cwd, options.ignorePath)
    : options.ignoreName
      ? findUp(cwd, options.ignoreName)
      : undefined
  const ignoreBase = ignoreFile ? path.dirname(ignoreFile) : cwd
  if (ignoreFile && fs.existsSync(ignoreFile)) ig.add(fs.readFileSync(ignoreFile, 'utf8'))
  return (file: string) => {
    const relative = path.relative(ignoreBase, file)
    return relative !== '' && !relative.startsWith('..') && ig.ignores(relative.split(path.sep).join('/'))
  }
}

function findUp(dir: string, name: string): string | undefined {
  let current = dir
  for (;;) {
    const candidate = path.join(current, name)
    if (fs.existsSync(candidate)) return candidate
    const parent = path.dirname(current)
    if (parent === current) return undefined
    current = parent
  }
}

/** Lint `files` on a pool of workers; resolves with one VFile (messages only) per file, in order. */
export async function lintArchive(files: string[], options: ArchiveOptions): Promise<VFile[]> {
  const results: VFile[] = new Array(files.length)
  if (files.length === 0) return results
  const jobs = Math.max(1, Math.min(options.jobs, files.length))
  const workerUrl = new URL('./worker.js', import.meta.url)
  const workers: Worker[] = []
  let next = 0
  let done = 0
  let messageCount = 0

  await new Promise<void>((resolve, reject) => {
    let failed = false
    const fail = (error: Error) => {
      if (failed) return
      failed = true
      reject(error)
    }
    const dispatch = (worker: Worker) => {
      if (options.signal?.aborted || next >= files.length) return false
      const id = next++
      worker.postMessage({id, path: files[id]} satisfies WorkerTask)
      return true
    }
    let live = jobs
    for (let w = 0; w < jobs; w++) {
      const worker = new Worker(workerUrl, {
        workerData: {cwd: options.cwd, overrides: options.overrides, maxSize: options.maxSize}
      })
      workers.push(worker)
      let inFlight = 0
      worker.on('message', (result: WorkerResult) => {
        inFlight--
        results[result.id] = toVFile(options.cwd, files[result.id], result.messages)
        messageCount += result.messages.length
        done++
        options.progress?.(done, files.length, messageCount)
        while (inFlight < 2 && dispatch(worker)) inFlight++
        if (inFlight === 0) {
          live--
          void worker.terminate()
          if (live === 0) resolve()
        }
      })
      worker.on('error', fail)
      // Two files in flight per worker: no idle gap between files, bounded memory.
      while (inFlight < 2 && dispatch(worker)) inFlight++
      if (inFlight === 0) {
        live--
        void worker.terminate()
        if (live === 0) resolve()
      }
    }
  }).finally(() => {
    for (const worker of workers) void worker.terminate()
  })
  return results.filter(Boolean)
}

function toVFile(cwd: string, filePath: string, messages: SerializedMessage[]): VFile {
  const file = new VFile({cwd, path: filePath})
  file.data.unifiedEngineGiven = true
  for (const m of messages) {
    const cause = m.cause
      ? m.cause.name === 'DataError'
        ? Object.assign(new DataError(m.cause.file ?? '', '', m.cause.line), {message: m.cause.message})
        : Object.assign(new Error(m.cause.message), {name: m.cause.name})
      : undefined
    const message = file.message(m.reason, {place: m.place as never, ruleId: m.ruleId, source: m.source, cause})
    message.fatal = m.fatal ?? undefined
    if (m.actual !== undefined) message.actual = m.actual
    if (m.expected !== undefined) message.expected = m.expected
    if (m.note !== undefined) message.note = m.note
    if (m.url !== undefined) message.url = m.url
    if (m.related !== undefined) message.related = m.related as never
  }
  return file
}
