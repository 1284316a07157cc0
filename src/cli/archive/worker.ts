/**
 * A worker of the archive pool: reads each file it is given and lints it
 * through the same path and settings as a single-threaded run
 * (src/config/lint-file.ts), and sends back the messages alone.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {lintPath} from '../../config/lint-file.js'
import {SettingsResolver, type Overrides} from '../../config/settings.js'
import {toTransferable} from '../../core/messages.js'
import type {WorkerResult, WorkerTask} from './pool.js'

const {cwd, overrides} = workerData as {cwd: string; overrides: Overrides}
const resolver = new SettingsResolver(cwd, overrides)

parentPort!.on('message', (task: WorkerTask) => {
  void lintPath(task.path, resolver).then((file) =>
    parentPort!.postMessage({id: task.id, messages: file.messages.map(toTransferable)} satisfies WorkerResult)
  )
})
