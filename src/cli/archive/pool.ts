/**
 * Linting many stories on every core: the files are found first
 * (src/config/discover.ts, as for a single-threaded run), then linted
 * by a pool of worker threads, a few files in flight per worker, and reported in
 * the order a single-threaded run reports them. Workers read the files
 * themselves and send back only the messages, so memory stays bounded by the
 * messages, not by the size of the archive.
 */
import os from 'node:os'
import {Worker} from 'node:worker_threads'
import {VFile} from 'vfile'
import {fromTransferable, type TransferableMessage} from '../../core/messages.js'
import type {Overrides} from '../../config/settings.js'

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

export function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length)
}

/** Lint `files` on a pool of workers; resolves with one VFile (messages only) per file, in order. */
export async function lintArchive(files: string[], options: ArchiveOptions): Promise<VFile[]> {
  const results: VFile[] = new Array(files.length)
  if (files.length === 0) return results
  const jobs = Math.max(1, Math.min(options.jobs, files.length))
  // bin/archive-worker.js: the bundle when current (fast start), else ./worker.js.
  const workerUrl = new URL('../../../../bin/archive-worker.js', import.meta.url)
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
        workerData: {cwd: options.cwd, overrides: options.overrides}
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

function toVFile(cwd: string, filePath: string, messages: TransferableMessage[]): VFile {
  const file = new VFile({cwd, path: filePath})
  file.data.unifiedEngineGiven = true
  for (const message of messages) fromTransferable(file, message)
  return file
}
