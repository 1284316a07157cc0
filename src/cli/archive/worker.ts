/**
 * A worker of the archive pool: reads each file it is given, lints it with the
 * same processor and settings as a single-threaded run, and sends back the
 * messages alone.
 */
import fs from 'node:fs'
import path from 'node:path'
import {parentPort, workerData} from 'node:worker_threads'
import {VFile} from 'vfile'
import {createEngineProcessor, SettingsResolver} from '../../config/settings.js'
import type {SerializedMessage, WorkerResult, WorkerTask} from './pool.js'
import {DataError} from '../../knowledge/files.js'

const {cwd, overrides, maxSize} = workerData as {
  cwd: string
  overrides: ConstructorParameters<typeof SettingsResolver>[1]
  maxSize?: number
}
const resolver = new SettingsResolver(cwd, overrides)
const makeProcessor = createEngineProcessor(resolver, undefined, maxSize)

async function lintOne(task: WorkerTask): Promise<SerializedMessage[]> {
  const file = new VFile({cwd, path: task.path})
  try {
    const buffer = fs.readFileSync(path.resolve(cwd, task.path))
    // As the engine reads files: UTF-8, a byte-order mark kept (offsets count it).
    file.value = buffer.toString('utf8')
    const processor = makeProcessor()
    const tree = processor.parse(file)
    await processor.run(tree, file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const cause = error instanceof Error ? error : new Error(String(error))
    const reason =
      code === 'ENOENT' ? 'No such file or folder' : code ? `Cannot read file (${code})` : 'Cannot process file'
    if (!file.messages.some((m) => m.cause === error)) file.message(reason, {cause}).fatal = true
  }
  return file.messages.map((m) => ({
    reason: m.reason,
    ruleId: m.ruleId ?? undefined,
    source: m.source ?? undefined,
    fatal: m.fatal,
    place: m.place,
    actual: m.actual,
    expected: m.expected,
    note: m.note,
    url: m.url,
    related: m.related,
    cause:
      m.cause instanceof Error
        ? {
            name: m.cause instanceof DataError ? 'DataError' : m.cause.name,
            message: m.cause.message,
            file: (m.cause as DataError).file,
            line: (m.cause as DataError).line
          }
        : undefined
  }))
}

parentPort!.on('message', (task: WorkerTask) => {
  void lintOne(task).then((messages) => parentPort!.postMessage({id: task.id, messages} satisfies WorkerResult))
})
