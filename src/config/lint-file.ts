/**
 * The one lint path on Node: a file with the settings of its own config (and
 * its Chinese source, when one is named or found), through the lint function
 * every entry point shares. The command line's engine plugin, the archive
 * workers and the language server call these; only how the text arrives differs
 * (read here, or the editor's buffer).
 */
import path from 'node:path'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {lint, type StorySource} from '../core/lint.js'
import {fatalMessage} from '../core/messages.js'
import {DEFAULT_MAX_SIZE, InputError} from '../core/parse.js'
import {megabytes, readTextFile, UnreadableFileError} from '../knowledge/read-text-file.js'
import type {SettingsResolver} from './settings.js'

/**
 * Lint a file that has its text, with the settings that apply to its path. A bad
 * config or house file, or an unreadable source, becomes the file's fatal message.
 */
export async function lintWithSettings(file: VFile, resolver: SettingsResolver): Promise<VFileMessage[]> {
  let settings
  let source: StorySource | undefined
  try {
    settings = resolver.forFile(file.path).settings
    source = file.data.source ? undefined : readSource(file, resolver)
  } catch (error) {
    fatalMessage(file, error)
    return file.messages
  }
  return lint(file, settings, {source})
}

/**
 * Read a story from disk as unified-engine reads it (UTF-8, a byte-order mark
 * kept, since offsets count it) and lint it. Never rejects: a file that cannot
 * be read gets its fatal message.
 */
export async function lintPath(filePath: string, resolver: SettingsResolver): Promise<VFile> {
  const file = readStory(filePath, resolver.cwd, resolver.maxSize)
  if (file.messages.length === 0) await lintWithSettings(file, resolver)
  return file
}

/**
 * A story from disk, with its text; or, when it cannot be read (missing, not a
 * regular file, over the size limit), without text and with its fatal message.
 */
export function readStory(filePath: string, cwd: string, maxSize = DEFAULT_MAX_SIZE): VFile {
  const file = new VFile({cwd, path: filePath})
  try {
    file.value = readStoryText(path.resolve(cwd, filePath), maxSize)
  } catch (error) {
    fatalMessage(file, error)
  }
  return file
}

/**
 * The text of a story, read as {@link readTextFile} reads (regular files only,
 * the size checked before reading and the read bounded). On disk the limit is
 * the file's size in bytes; the parser checks an editor's buffer by characters.
 * Throws an InputError, or a system error (fatalReason words it).
 */
function readStoryText(filePath: string, maxSize: number): string {
  try {
    return readTextFile(filePath, maxSize)
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error
    if (error.kind) throw new InputError(`Cannot lint ${error.kind}: only regular files are read`)
    throw new InputError(
      `Cannot lint a story of ${megabytes(error.size ?? 0)} MB: the limit is ${megabytes(maxSize)} MB (split it, or raise --max-size)`
    )
  }
}

/**
 * A story's Chinese source (named with `--source`, or found by the config's
 * `source`): a regular text file within the size limit for stories, not
 * binary. Throws an
 * InputError naming the source as `display`.
 */
export function readSourceFile(sourcePath: string, display: string, maxSize = DEFAULT_MAX_SIZE): StorySource {
  const fail = (reason: string): never => {
    throw new InputError(`Cannot read the source ${display}: ${reason}`)
  }
  let text: string
  try {
    text = readTextFile(sourcePath, maxSize)
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) {
      const code = (error as NodeJS.ErrnoException).code
      return fail(code === 'ENOENT' ? 'file not found' : `cannot read it (${code ?? 'error'})`)
    }
    return fail(error.kind ? `${error.kind}, not a regular file` : tooLargeReason(error.size ?? 0, maxSize))
  }
  if (text.includes('\u0000')) fail('a binary file (it contains NUL bytes)')
  return {path: sourcePath, text}
}

function tooLargeReason(size: number, maxSize: number): string {
  return `${megabytes(size)} MB, over the limit of ${megabytes(maxSize)} MB (raise --max-size)`
}

function readSource(file: VFile, resolver: SettingsResolver): StorySource | undefined {
  const sourcePath = resolver.sourceFor(file.path)
  if (!sourcePath) return undefined
  return readSourceFile(sourcePath, path.relative(resolver.cwd, sourcePath) || sourcePath, resolver.maxSize)
}
