/**
 * The main-thread path (`--jobs 0`, a few files, standard input), on the
 * unified collective's engine: copydesk's engine plugin lints each file
 * through the one lint path (src/config/lint-file.ts -> src/core/lint.ts).
 * Files are found beforehand by src/config/discover.ts, as for the archive
 * workers, so the engine's own search and ignore files are off; and they are
 * read beforehand, as the workers read them (regular files only, bounded:
 * the engine's own reading has no limit and blocks on a named pipe), as is
 * standard input, up to the same limit.
 */
import path from 'node:path'
import {Readable} from 'node:stream'
import type {Root} from 'nlcst'
import {unified, type Processor} from 'unified'
import {engine} from 'unified-engine'
import {VFile} from 'vfile'
import {lintWithSettings, readStory} from '../config/lint-file.js'
import type {SettingsResolver} from '../config/settings.js'
import {settleFatalMessage} from '../core/messages.js'
import {DEFAULT_MAX_SIZE} from '../core/parse.js'
import {megabytes} from '../knowledge/read-text-file.js'

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

/** Standard input that cannot be read, or is too large: the run stops with one line. */
export class StandardInputError extends Error {}

/** Lint files (or standard input) in this thread; rejects only when the engine itself fails. */
export async function lintOnEngine(input: EngineInput): Promise<VFile[]> {
  const maxSize = input.resolver.maxSize ?? DEFAULT_MAX_SIZE
  const unread: VFile[] = []
  const given: VFile[] = []
  for (const filePath of input.files ?? []) {
    const file = readStory(filePath, input.cwd, maxSize)
    if (file.messages.length > 0) {
      file.data.unifiedEngineGiven = true
      unread.push(file)
    } else {
      // Absolute, since the engine resolves a file's path from the process's folder.
      given.push(new VFile({path: path.resolve(input.cwd, filePath), value: file.value}))
    }
  }
  const stdin = input.files ? undefined : await readStandardInput(input.stdin, maxSize)
  if (input.files && given.length === 0) return unread
  const files = await new Promise<VFile[]>((resolve, reject) => {
    engine(
      {
        processor: unified().use(copydeskEngine, input.resolver) as never,
        cwd: input.cwd,
        // Files with their text, so that the engine neither reads them nor reads a path as a glob.
        files: given,
        extensions: [],
        streamIn: Readable.from(stdin === undefined ? [] : [stdin]),
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
  // A file the engine could not process: its one-line reason, as for a worker.
  for (const file of files) for (const message of file.messages) settleFatalMessage(message)
  return [...files.filter((file) => file.data.unifiedEngineGiven), ...unread]
}

/**
 * Standard input as text, read up to `limit` bytes: `copydesk < /dev/zero`
 * stops there with one line instead of filling memory.
 */
async function readStandardInput(stream: NodeJS.ReadableStream, limit: number): Promise<string> {
  const chunks: Buffer[] = []
  let total = 0
  try {
    for await (const chunk of stream as AsyncIterable<Buffer | string>) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
      total += bytes.length
      if (total > limit) {
        throw new StandardInputError(
          `standard input: Cannot lint a story of more than ${megabytes(limit)} MB (split it, or raise --max-size)`
        )
      }
      chunks.push(bytes)
    }
  } catch (error) {
    if (error instanceof StandardInputError) throw error
    const code = (error as NodeJS.ErrnoException).code
    throw new StandardInputError(`cannot read standard input (${code ?? (error as Error).message})`)
  }
  return Buffer.concat(chunks, total).toString('utf8')
}
