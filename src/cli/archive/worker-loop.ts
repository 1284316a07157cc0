/**
 * The loop of an archive worker: reads each file it is given and lints it
 * through the same path and settings as a single-threaded run
 * (src/config/lint-file.ts), and sends back the messages alone. worker.ts runs
 * it from the compiled modules; the command's bundle exports it too, so a
 * worker started from bin/archive-worker.js loads one cached file instead of
 * some four hundred modules.
 */
// The default export: in the bundle, node:worker_threads loads on first use (scripts/build-cli.js).
import workerThreads from 'node:worker_threads'
import {lintPath} from '../../config/lint-file.js'
import {SettingsResolver, type Overrides} from '../../config/settings.js'
import {toTransferable} from '../../core/messages.js'
import type {WorkerResult, WorkerTask} from './pool.js'

export function serveArchiveTasks(): void {
  const port = workerThreads.parentPort
  if (!port) throw new Error('copydesk: the archive worker runs in a worker thread')
  const {cwd, overrides} = workerThreads.workerData as {cwd: string; overrides: Overrides}
  const resolver = new SettingsResolver(cwd, overrides)
  port.on('message', (task: WorkerTask) => {
    void lintPath(task.path, resolver).then((file) =>
      port.postMessage({id: task.id, messages: file.messages.map(toTransferable)} satisfies WorkerResult)
    )
  })
}
