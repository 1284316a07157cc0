/**
 * The main-thread path (`--jobs 0`, a few files, standard input), on the
 * unified collective's engine: it reads each file and hands it to copydesk's
 * engine plugin, which lints it through the one lint path
 * (src/config/lint-file.ts -> src/core/lint.ts). Files are found beforehand by
 * src/config/discover.ts, as for the archive workers, so the engine's own
 * search and ignore files are off.
 */
import path from 'node:path'
import type {Root} from 'nlcst'
import {unified, type Processor} from 'unified'
import {engine} from 'unified-engine'
import {VFile} from 'vfile'
import {lintWithSettings} from '../config/lint-file.js'
import type {SettingsResolver} from '../config/settings.js'
import {fatalReason, isFatalInputMessage} from '../core/messages.js'

/**
 * unified plugin for the engine: the lint function parses the file itself (so
 * that every entry point parses, and records failures, the same way); the
 * engine's parse step gets an empty tree, and its compile step the text as it
 * was (copydesk never changes a story).
 */
export function copydeskEngine(this: Processor, resolver: SettingsResolver) {
  const self = this as unknown as {parser: () => Root; compiler: (tree: unknown, file: VFile) => string}
  self.parser = () => ({type: 'RootNode', children: []})
  self.compiler = (_tree, file) => String(file.value ?? '')
  return async function (_tree: Root, file: VFile) {
    await lintWithSettings(file, resolver)
  }
}

export interface EngineInput {
  cwd: string
  resolver: SettingsResolver
  /** Files to lint, relative to `cwd`; undefined: standard input. */
  files?: string[]
  stdin: NodeJS.ReadableStream
  stdinFilename?: string
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
}

/** Lint files (or standard input) in this thread; rejects only when the engine itself fails. */
export async function lintOnEngine(input: EngineInput): Promise<VFile[]> {
  const files = await new Promise<VFile[]>((resolve, reject) => {
    engine(
      {
        processor: unified().use(copydeskEngine, input.resolver) as never,
        cwd: input.cwd,
        // Files, not paths, so that a path is never read as a glob a second time;
        // absolute, since the engine resolves a file's path from the process's folder.
        files: input.files?.map((file) => new VFile({path: path.resolve(input.cwd, file)})) ?? [],
        extensions: [],
        streamIn: input.stdin,
        filePath: input.stdinFilename,
        streamOut: input.stdout,
        streamError: input.stderr,
        out: false,
        output: false,
        detectConfig: false,
        detectIgnore: false,
        // copydesk reports itself (to stdout, sorted); the engine stays quiet.
        reporter: () => '',
        silentlyIgnore: false
      },
      (error, _code, context) => {
        if (error) reject(error)
        else resolve(context?.files ?? [])
      }
    )
  })
  // A file the engine could not read: its one-line reason, as for a worker.
  for (const file of files) {
    for (const message of file.messages) {
      if (isFatalInputMessage(message) && message.cause) message.reason = fatalReason(message.cause)
    }
  }
  return files.filter((file) => file.data.unifiedEngineGiven)
}
