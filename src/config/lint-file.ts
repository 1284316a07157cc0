/**
 * The one lint path on Node: a file with the settings of its own config (and
 * its Chinese source, when one is named or found), through the lint function
 * every entry point shares. The command line's engine plugin, the archive
 * workers and the language server call these; only how the text arrives differs
 * (read by unified-engine, read here, or the editor's buffer).
 */
import fs from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {lint, type StorySource} from '../core/lint.js'
import {fatalMessage} from '../core/messages.js'
import {InputError} from '../core/parse.js'
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
  const file = new VFile({cwd: resolver.cwd, path: filePath})
  try {
    file.value = fs.readFileSync(path.resolve(resolver.cwd, filePath), 'utf8')
  } catch (error) {
    fatalMessage(file, error)
    return file
  }
  await lintWithSettings(file, resolver)
  return file
}

function readSource(file: VFile, resolver: SettingsResolver): StorySource | undefined {
  const sourcePath = resolver.sourceFor(file.path)
  if (!sourcePath) return undefined
  try {
    return {path: sourcePath, text: fs.readFileSync(sourcePath, 'utf8')}
  } catch (error) {
    throw new InputError(
      `Cannot read the source ${path.relative(resolver.cwd, sourcePath)} (${(error as NodeJS.ErrnoException).code ?? 'error'})`
    )
  }
}
