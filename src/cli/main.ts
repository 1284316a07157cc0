/**
 * The `copydesk` command: options, settings, the files to lint, the lint
 * itself (main thread or worker threads), `--since`, and the report. Each step
 * is its own module; this one puts them in order and turns a usage or config
 * mistake into one line and exit code 2. Exit codes: see exit-codes.ts.
 */
import fs from 'node:fs'
import process from 'node:process'
import type {FoundFiles} from '../config/discover.js'
import type {SettingsResolver} from '../config/settings.js'
import {DataError} from '../knowledge/parse-data.js'
import {EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE} from './exit-codes.js'
import {helpText} from './help.js'
import {guardOutput} from './output.js'
import {parseOptions, UsageError, type CliOptions} from './options.js'
import {configErrorIn, isLintMessage, report} from './report.js'
import {findInputs, lintInputs} from './run.js'
import {serve} from './serve.js'
// For bin/archive-worker.js: the archive workers start from the same bundle as the command.
export {serveArchiveTasks} from './archive/worker-loop.js'
import {createResolver} from './settings.js'
import {GitError, keepChangedLines} from './since.js'
import {merge} from './merge.js'
import {formatShard, selectShard} from './shard.js'
import {ConfigStop, streamJsonl} from './stream.js'

export {EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_LINT, EXIT_OK, EXIT_USAGE} from './exit-codes.js'
export {UsageError} from './options.js'

export interface Io {
  stdin: NodeJS.ReadableStream & {isTTY?: boolean}
  stdout: NodeJS.WritableStream & {isTTY?: boolean}
  stderr: NodeJS.WritableStream & {isTTY?: boolean}
  cwd: string
}

export async function main(
  argv: string[],
  io: Io = {stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd()}
): Promise<number> {
  const fail = (message: string): number => {
    io.stderr.write(`copydesk: ${message}\n`)
    return EXIT_USAGE
  }
  // A reader that goes away (`| head`) ends the run quietly.
  guardOutput([io.stdout, io.stderr])
  if (argv[0] === 'serve') return serve(argv.slice(1), io)
  if (argv[0] === 'merge') return merge(argv.slice(1), io)

  let options: CliOptions
  let resolver: SettingsResolver
  let found: FoundFiles | undefined
  try {
    options = parseOptions(argv)
    if (options.help || options.version) {
      io.stdout.write((options.help ? helpText() : version()) + '\n')
      return EXIT_OK
    }
    resolver = createResolver(options, io.cwd)
    // The run's documentation base (SARIF's help links): --docs, else the working folder's config.
    options.docs = resolver.forFile(undefined).settings.docs
    found = await findWhatToLint(options, io)
    if (found && options.shard) found = selectShard(found, options.shard)
  } catch (error) {
    if (error instanceof UsageError || error instanceof DataError) return fail(error.message)
    throw error
  }

  if (options.report === 'jsonl' && found) {
    try {
      return await streamJsonl(options, resolver, found, io, {
        cwd: io.cwd,
        quiet: options.quiet,
        silent: options.silent,
        shard: options.shard && formatShard(options.shard)
      })
    } catch (error) {
      if (error instanceof GitError) return fail(error.message)
      if (error instanceof ConfigStop) return fail(error.message)
      throw error
    }
  }

  let outcome
  try {
    outcome = await lintInputs(options, resolver, found, io)
  } catch (error) {
    // The engine itself failed (standard input could not be read, say).
    return fail((error as Error).message.split('\n')[0])
  }
  if ('interrupted' in outcome) {
    const {linted, total} = outcome.interrupted
    io.stderr.write(`copydesk: interrupted: linted ${linted} of ${total} files; nothing reported\n`)
    return EXIT_INTERRUPTED
  }
  const {files} = outcome

  if (options.since !== undefined) {
    try {
      // Messages that are not about the copy (unreadable input) are always kept.
      keepChangedLines(files, io.cwd, options.since, (message) => !isLintMessage(message))
    } catch (error) {
      if (error instanceof GitError) return fail(error.message)
      throw error
    }
  }
  const configError = configErrorIn(files)
  if (configError) return fail(configError.message)
  return report(files, options, io)
}

/** The files named on the command line (undefined: standard input); throws a UsageError when there are none. */
async function findWhatToLint(options: CliOptions, io: Io): Promise<FoundFiles | undefined> {
  if (options.inputs.length === 0) {
    if (io.stdin.isTTY) throw new UsageError('no files given and nothing on standard input (see copydesk --help)')
    return undefined
  }
  const found = await findInputs(options, io.cwd)
  if (found.files.length === 0 && found.unlintable.length === 0)
    throw new UsageError(`no files to lint in ${options.inputs.map((input) => `\`${input}\``).join(', ')}`)
  return found
}

function version(): string {
  const pkg = new URL('../../../package.json', import.meta.url)
  try {
    return JSON.parse(fs.readFileSync(pkg, 'utf8')).version
  } catch {
    return 'unknown'
  }
}
