/**
 * Linting many stories on every core: the files are found first
 * (src/config/discover.ts, as for a single-threaded run), then linted
 * by a pool of worker threads, a few files in flight per worker, and handed
 * back in the order a single-threaded run reports them. Workers read the files
 * themselves and send back only the messages.
 *
 * Files finish out of order; a small reorder buffer holds the ones that are
 * done until every file before them is, and no worker is given a file more
 * than WINDOW files ahead of the oldest one not yet handed back. So memory
 * stays bounded by the window, not by the size of the archive, even when the
 * consumer writes each file out as it comes (`--report jsonl`) and is slower
 * than the workers (it pauses them by returning a promise).
 */
import os from 'node:os'
import {Worker} from 'node:worker_threads'
import {VFile} from 'vfile'
import {fromTransferable, toTransferable, type TransferableMessage} from '../../core/messages.js'
import {lintPath} from '../../config/lint-file.js'
import {SettingsResolver, type Overrides} from '../../config/settings.js'

export interface ArchiveOptions {
  cwd: string
  /** The settings a worker's resolver starts from (config, rules, date, size limit). */
  overrides: Overrides
  jobs: number
  /** Called after each file with (done, total, messages so far). */
  progress?: (done: number, total: number, messages: number) => void
  /** Set to true to stop early (Ctrl-C). */
  signal?: {aborted: boolean}
}

export interface WorkerTask {
  id: number
  path: string
}

export interface WorkerResult {
  id: number
  messages: TransferableMessage[]
}

/** Files in flight per worker: no idle gap between files. */
const IN_FLIGHT = 2

/** How far ahead of the oldest file not yet handed back a worker may be given files, per worker. */
const WINDOW_PER_WORKER = 16

/**
 * A worker's young generation, in MB (V8's default for a worker is 48). A
 * worker keeps about 14 MB alive between stories; with the default, garbage
 * piles up to the limit before each collection, and two workers' slack was a
 * third of a run's peak memory. 12 MB took the peak of 3,000 stories on two
 * workers from 267-305 MB to 224-256 MB, with no change in time that the
 * noise of this machine (2 loaded vCPUs) let us see.
 * The old generation is not limited: a 16 MB story still fits.
 */
export const WORKER_YOUNG_GENERATION_MB = 12

/** Fewest cores on which worker threads are used by default. */
export const MIN_CORES_FOR_WORKERS = 3

/**
 * Worker threads by default: one per core, from {@link MIN_CORES_FOR_WORKERS}
 * cores; below, none (the main thread). On two vCPUs, workers never paid for
 * their start and their second JIT warm-up: 300 stories took 2.3 s on two
 * workers against 1.7 s in the main thread, 1,200 stories 4.4 s against 4.2 s.
 */
export function defaultJobs(): number {
  const cores = Math.max(
    1,
    typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length
  )
  return cores >= MIN_CORES_FOR_WORKERS ? cores : 0
}

/** Lint `files` on a pool of workers (none: `jobs` 0); resolves with one VFile (messages only) per file, in order. */
export async function lintArchive(files: string[], options: ArchiveOptions): Promise<VFile[]> {
  const results: VFile[] = []
  await lintArchiveInOrder(files, options, (file) => {
    results.push(file)
  })
  return results
}

/**
 * Lint `files` on a pool of workers and hand each one (a VFile with its
 * messages) to `onFile` in the order of `files`, as soon as it and every file
 * before it are done. When `onFile` returns a promise, no further file is
 * handed over until it settles. Resolves with the number of files linted
 * (all of them, unless the signal stopped the run).
 */
export async function lintArchiveInOrder(
  files: string[],
  options: ArchiveOptions,
  onFile: (file: VFile, index: number) => void | Promise<void>
): Promise<number> {
  if (files.length === 0) return 0
  if (options.jobs < 1) return lintInThisThread(files, options, onFile)
  const jobs = Math.min(options.jobs, files.length)
  const window = WINDOW_PER_WORKER * jobs
  // bin/archive-worker.js: the bundle when current (fast start), else ./worker.js.
  const workerUrl = new URL('../../../../bin/archive-worker.js', import.meta.url)
  const workers: Array<{worker: Worker; inFlight: number}> = []
  /** Done, waiting for an earlier file: index -> file. */
  const done = new Map<number, VFile>()
  let next = 0
  let handedBack = 0
  let linted = 0
  let messageCount = 0
  let handing = false

  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false
      const fail = (error: unknown) => {
        if (failed) return
        failed = true
        reject(error)
      }
      const inFlight = () => workers.reduce((sum, entry) => sum + entry.inFlight, 0)
      const finished = () =>
        handedBack === files.length || (Boolean(options.signal?.aborted) && inFlight() === 0 && !handing)
      const fill = (entry: {worker: Worker; inFlight: number}) => {
        while (
          entry.inFlight < IN_FLIGHT &&
          next < files.length &&
          next - handedBack < window &&
          !options.signal?.aborted
        ) {
          const id = next++
          entry.worker.postMessage({id, path: files[id]} satisfies WorkerTask)
          entry.inFlight++
        }
      }
      // Hand back every file that is next in order; wait for the consumer when it asks to.
      const handBack = async () => {
        if (handing) return
        handing = true
        try {
          while (done.has(handedBack) && !failed) {
            const file = done.get(handedBack)!
            done.delete(handedBack)
            const pending = onFile(file, handedBack)
            handedBack++
            if (pending) await pending
          }
        } catch (error) {
          fail(error)
        } finally {
          handing = false
        }
        if (failed) return
        for (const entry of workers) fill(entry)
        if (finished()) resolve()
      }

      for (let w = 0; w < jobs; w++) {
        const entry = {
          worker: new Worker(workerUrl, {
            workerData: {cwd: options.cwd, overrides: options.overrides},
            resourceLimits: {maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB}
          }),
          inFlight: 0
        }
        workers.push(entry)
        entry.worker.on('message', (result: WorkerResult) => {
          entry.inFlight--
          linted++
          messageCount += result.messages.length
          options.progress?.(linted, files.length, messageCount)
          done.set(result.id, toVFile(options.cwd, files[result.id], result.messages))
          fill(entry)
          void handBack()
        })
        entry.worker.on('error', fail)
      }
      for (const entry of workers) fill(entry)
    })
  } finally {
    for (const {worker} of workers) void worker.terminate()
  }
  return linted
}

/**
 * The pool without threads (`--jobs 0`): the same files, each read and linted
 * as a worker does it and handed on as a worker hands it back (its messages
 * only, through the same serialisation), so memory stays that of one story
 * and the report is the workers' to the byte.
 */
async function lintInThisThread(
  files: string[],
  options: ArchiveOptions,
  onFile: (file: VFile, index: number) => void | Promise<void>
): Promise<number> {
  const resolver = new SettingsResolver(options.cwd, options.overrides)
  let linted = 0
  let messageCount = 0
  for (let index = 0; index < files.length && !options.signal?.aborted; index++) {
    const file = await lintPath(files[index], resolver)
    const messages = file.messages.map(toTransferable)
    linted++
    messageCount += messages.length
    options.progress?.(linted, files.length, messageCount)
    const pending = onFile(toVFile(options.cwd, files[index], messages), index)
    if (pending) await pending
  }
  return linted
}

function toVFile(cwd: string, filePath: string, messages: TransferableMessage[]): VFile {
  const file = new VFile({cwd, path: filePath})
  file.data.unifiedEngineGiven = true
  for (const message of messages) fromTransferable(file, message)
  return file
}
