/**
 * `--report jsonl` over files: each file's line is written as soon as the file
 * and every file before it are done, and the file is then dropped, so a run
 * over any number of stories keeps memory flat. Files are linted in the main
 * thread one after another (`--jobs 0`, or fewer than ARCHIVE_THRESHOLD files)
 * or on the worker pool, which hands them back in order; both read each file
 * and lint it through config/lint-file.ts, so they give the same lines. The
 * lines come in the order of every other report (by path), the named paths
 * that cannot be linted among them; the exit code is counted as the lines go
 * (verdict.ts), as a whole run would decide it.
 */
import type {VFile} from 'vfile'
import type {FoundFiles} from '../config/discover.js'
import {lintPath} from '../config/lint-file.js'
import type {SettingsResolver} from '../config/settings.js'
import {DataError} from '../knowledge/parse-data.js'
import {lintArchiveInOrder} from './archive/pool.js'
import {EXIT_INTERRUPTED} from './exit-codes.js'
import type {CliOptions} from './options.js'
import {isLintMessage} from './report.js'
import {formatReport, type ReportOptions} from './reporters/index.js'
import {ARCHIVE_THRESHOLD, unlintableFile, watchRun, type RunIo} from './run.js'
import {changedLines, keepChangedLinesOf} from './since.js'
import {Verdict} from './verdict.js'

/** A bad config or house file met on the way: the run stops on it (exit 2, one line). */
export class ConfigStop extends Error {
  constructor(readonly error: DataError) {
    super(error.message)
  }
}

/**
 * Lint `found` and write one jsonl line per file to `io.stdout` as each is
 * done; resolves with the exit code. Throws a GitError (`--since`) before
 * anything is written, and a ConfigStop when a config met on the way is bad.
 */
export async function streamJsonl(
  options: CliOptions,
  resolver: SettingsResolver,
  found: FoundFiles,
  io: RunIo,
  reportOptions: ReportOptions
): Promise<number> {
  const changes = options.since === undefined ? undefined : changedLines(io.cwd, options.since)
  const verdict = new Verdict()
  const unlintable = found.unlintable.map((entry) => unlintableFile(entry, io.cwd))
  let written = 0
  // Standard output closed early (`| head`): stop linting, as `git log | head` does.
  let outputError: NodeJS.ErrnoException | undefined
  const watch = watchRun(options, io)
  const onOutputError = (error: NodeJS.ErrnoException) => {
    outputError ??= error
    watch.signal.aborted = true
  }
  io.stdout.on('error', onOutputError)

  const write = (file: VFile): void | Promise<void> => {
    if (outputError) return
    for (const message of file.messages) if (message.cause instanceof DataError) throw new ConfigStop(message.cause)
    if (changes) keepChangedLinesOf(file, changes, io.cwd, (message) => !isLintMessage(message))
    verdict.add(file.path, file.messages)
    written++
    const line = formatReport('jsonl', [file], reportOptions)
    if (line === '') return
    // A consumer slower than the lint (a pipe): wait for it rather than buffer the archive.
    if (!io.stdout.write(line + '\n'))
      return new Promise((resolve) => {
        const done = () => {
          io.stdout.off('drain', done)
          io.stdout.off('error', done)
          resolve()
        }
        io.stdout.on('drain', done)
        io.stdout.on('error', done)
      })
  }
  // The named paths that cannot be linted go where their path sorts among the files.
  const writeUpTo = async (filePath: string | undefined) => {
    while (unlintable.length > 0 && (filePath === undefined || unlintable[0].path!.localeCompare(filePath) < 0))
      await write(unlintable.shift()!)
  }
  const writeInOrder = async (file: VFile) => {
    await writeUpTo(file.path)
    await write(file)
  }

  const files = found.files
  let linted = 0
  try {
    if (files.length >= ARCHIVE_THRESHOLD) {
      linted = await lintArchiveInOrder(
        files,
        {
          cwd: io.cwd,
          overrides: resolver.overridesForWorkers(),
          jobs: options.jobs,
          signal: watch.signal,
          progress: watch.progress
        },
        writeInOrder
      )
    } else {
      let messages = 0
      for (const filePath of files) {
        if (watch.signal.aborted) break
        const file = await lintPath(filePath, resolver)
        linted++
        messages += file.messages.length
        watch.progress?.(linted, files.length, messages)
        await writeInOrder(file)
      }
    }
  } finally {
    watch.stop()
    io.stdout.off('error', onOutputError)
  }
  if (outputError) {
    if (outputError.code !== 'EPIPE') throw outputError
    io.stderr.write(`copydesk: standard output closed: stopped after ${written} files\n`)
    return EXIT_INTERRUPTED
  }
  if (watch.signal.aborted) {
    io.stderr.write(
      `copydesk: interrupted: linted ${linted} of ${files.length} files; the report stops after ${written} files\n`
    )
    return EXIT_INTERRUPTED
  }
  await writeUpTo(undefined)
  return verdict.exitCode(options.frail, io.stderr)
}
