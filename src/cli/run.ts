/**
 * Linting what the command line was given: standard input and a few files
 * through unified-engine, or an archive (16 files or more) on worker threads,
 * or with `--jobs 0` in the main thread one file at a time. Files are
 * found once (src/config/discover.ts) for both; named paths that are missing or
 * ignored come back as files with a fatal message, as unified-engine reports them.
 */
import process from 'node:process'
import {VFile} from 'vfile'
import {findFiles, IGNORE_NAME, type FoundFiles, type Unlintable} from '../config/discover.js'
import type {SettingsResolver} from '../config/settings.js'
import {lintArchive} from './archive/pool.js'
import {lintOnEngine} from './engine.js'
import type {CliOptions} from './options.js'

/** From this many files on, a run lints as an archive: on worker threads, or one file at a time in the main thread with `--jobs 0`. */
export const ARCHIVE_THRESHOLD = 16

/** Extensions searched for in folders. */
export const EXTENSIONS = ['txt', 'text', 'md', 'markdown', 'html', 'htm']

export interface RunIo {
  stdin: NodeJS.ReadableStream
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream & {isTTY?: boolean}
  cwd: string
}

export type RunOutcome = {files: VFile[]} | {interrupted: {linted: number; total: number}}

/** Find the files named on the command line. Throws a DataError for an unreadable ignore file. */
export function findInputs(options: CliOptions, cwd: string): Promise<FoundFiles> {
  return findFiles({
    cwd,
    inputs: options.inputs,
    extensions: EXTENSIONS,
    ignoreName: options.ignore ? IGNORE_NAME : undefined,
    ignorePath: options.ignore ? options.ignorePath : undefined
  })
}

/** Lint the files found (or standard input, when `found` is undefined); sorted by path. */
export async function lintInputs(
  options: CliOptions,
  resolver: SettingsResolver,
  found: FoundFiles | undefined,
  io: RunIo
): Promise<RunOutcome> {
  let files: VFile[]
  if (found && found.files.length >= ARCHIVE_THRESHOLD) {
    const outcome = await lintOnWorkers(found.files, options, resolver, io)
    if ('interrupted' in outcome) return outcome
    files = outcome.files
  } else {
    files = await lintOnEngine({
      cwd: io.cwd,
      resolver,
      files: found?.files,
      stdin: io.stdin,
      stdinFilename: options.stdinFilename,
      stdout: io.stdout,
      stderr: io.stderr
    })
  }
  for (const entry of found?.unlintable ?? []) files.push(unlintableFile(entry, io.cwd))
  return {files: files.sort((a, b) => (a.path ?? '').localeCompare(b.path ?? ''))}
}

/** A named path that cannot be linted, as a file with its fatal message (as unified-engine records it). */
export function unlintableFile({path, reason, cause}: Unlintable, cwd: string): VFile {
  const file = new VFile({cwd, path})
  file.data.unifiedEngineGiven = true
  file.message(reason, {cause}).fatal = true
  return file
}

/** The archive path: worker threads (or the main thread), a progress line on a terminal, Ctrl-C to stop. */
async function lintOnWorkers(
  paths: string[],
  options: CliOptions,
  resolver: SettingsResolver,
  io: RunIo
): Promise<RunOutcome> {
  const {signal, progress, stop} = watchRun(options, io)
  let files: VFile[]
  try {
    files = await lintArchive(paths, {
      cwd: io.cwd,
      overrides: resolver.overridesForWorkers(),
      jobs: options.jobs,
      signal,
      progress
    })
  } finally {
    stop()
  }
  if (signal.aborted) return {interrupted: {linted: files.length, total: paths.length}}
  return {files}
}

export interface RunWatch {
  /** Set by a first Ctrl-C: hand out no more files. */
  signal: {aborted: boolean}
  /** The progress line on a terminal (undefined elsewhere, or with --quiet or --silent). */
  progress?: (done: number, total: number, messages: number) => void
  /** Stop listening for Ctrl-C (and end the progress line). */
  stop: () => void
}

/** A progress line on a terminal, and Ctrl-C: a first one stops handing out files, a second one stops at once. */
export function watchRun(options: CliOptions, io: Pick<RunIo, 'stderr'>): RunWatch {
  const signal = {aborted: false}
  const showProgress = Boolean(io.stderr.isTTY) && !options.quiet && !options.silent
  let last = 0
  const progress = (done: number, total: number, messages: number) => {
    const now = Date.now()
    if (now - last < 100 && done < total) return
    last = now
    const count = (n: number) => n.toLocaleString('en-US')
    io.stderr.write(`\rcopydesk: ${count(done)}/${count(total)} files, ${count(messages)} messages`)
    if (done === total) io.stderr.write('\n')
  }
  const onInterrupt = () => {
    if (signal.aborted) process.exit(130)
    signal.aborted = true
  }
  process.on('SIGINT', onInterrupt)
  return {
    signal,
    progress: showProgress ? progress : undefined,
    stop: () => {
      process.off('SIGINT', onInterrupt)
      if (signal.aborted && showProgress) io.stderr.write('\n')
    }
  }
}
