/**
 * The `copydesk` command, on the unified collective's engine (files, folders,
 * globs, `.copydeskignore`, standard input).
 *
 * Exit codes: 0 no error-level message; 1 an error-level message (or a warning
 * with --frail); 2 a usage error, invalid config or knowledge file, or input
 * that cannot be read as text.
 */
import fs from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import {parseArgs} from 'node:util'
import {engine} from 'unified-engine'
import type {VFile} from 'vfile'
import {DataError} from '../knowledge/files.js'
import {checkRuleId, checkSetting, isDate} from '../config/config.js'
import {createEngineProcessor, SettingsResolver, type Overrides} from '../config/settings.js'
import {rules, ruleIds} from '../core/rules.js'
import {sortMessages} from '../index.js'
import {changedLines, GitError, touchesChange} from './since.js'
import {defaultJobs, findFiles, lintArchive} from './archive/pool.js'
import {formatReport, REPORTERS, type ReporterName} from './reporters/index.js'

export const EXIT_OK = 0
export const EXIT_LINT = 1
export const EXIT_USAGE = 2
export const EXIT_INTERRUPTED = 130

/** From this many files on, a run uses worker threads (when there is more than one core). */
const ARCHIVE_THRESHOLD = 16

const EXTENSIONS = ['txt', 'text', 'md', 'markdown', 'html', 'htm']

const HELP = `Usage: copydesk [options] [files, folders or globs ...]
       copydesk serve [--port 8080]     the page for editors, on this machine

Lint news copy for garbled numerals, impossible figures, malformed ordinals and
name mismatches. With no files, reads the story from standard input.

Options:
  -r, --report <name>       report format: ${REPORTERS.join(', ')} (default: pretty)
      --frail               exit 1 on warnings too
  -q, --quiet               report only files with messages
  -s, --silent              report only error-level messages
  -c, --config <file>       use this config instead of the nearest .copydeskrc
      --no-config           use no config file
      --rule <id>=<level>   set a rule to off, warn or error (repeatable)
      --date <YYYY-MM-DD>   the story date (decides who held an office)
      --source <file>       the Chinese source of the one story given: check that
                            every figure survived translation (source-mismatch)
      --since <ref>         report only lines changed against a git revision
                            (e.g. origin/main in a pull request)
      --stdin-filename <p>  path to give standard input (its extension picks the format)
      --ignore-path <file>  ignore file to use instead of .copydeskignore
      --no-ignore           use no ignore file
      --color / --no-color  colour the pretty report (default: on a terminal)
  -j, --jobs <n>            worker threads for 16 files or more (default: one per
                            core; 0 lints every file in the main thread)
      --max-size <MB>       refuse stories larger than this (default: 16)
  -h, --help                show this help
  -v, --version             show the version

Rules: ${ruleIds.join(', ')}
Exit codes: 0 clean or warnings only, 1 errors (or warnings with --frail),
2 usage, config or input errors.`

export class UsageError extends Error {}

interface Io {
  stdin: NodeJS.ReadableStream & {isTTY?: boolean}
  stdout: NodeJS.WritableStream & {isTTY?: boolean}
  stderr: NodeJS.WritableStream
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
  if (argv[0] === 'serve') return serve(argv.slice(1), io, fail)
  let args: ReturnType<typeof parse>
  try {
    args = parse(argv)
  } catch (error) {
    return fail(`${(error as Error).message.split('\n')[0]} (see copydesk --help)`)
  }
  const {values, positionals} = args
  if (values.help) {
    io.stdout.write(HELP + '\n')
    return EXIT_OK
  }
  if (values.version) {
    io.stdout.write(version() + '\n')
    return EXIT_OK
  }
  const report = (values.report ?? 'pretty') as ReporterName
  if (!REPORTERS.includes(report)) return fail(`unknown report \`${report}\` (expected ${REPORTERS.join(', ')})`)

  let resolver: SettingsResolver
  try {
    const overrides: Overrides = {rules: {}}
    for (const rule of values.rule ?? []) {
      const [id, level] = rule.split('=')
      const ruleId = checkRuleId(id, (m) => {
        throw new UsageError(`--rule: ${m}`)
      })
      overrides.rules![ruleId] = checkSetting(ruleId, level, (m) => {
        throw new UsageError(`--rule: ${m}`)
      })
    }
    if (values.date !== undefined) {
      if (!isDate(values.date)) throw new UsageError(`--date must be a date as YYYY-MM-DD, not \`${values.date}\``)
      overrides.date = values.date
    }
    // `--no-config` arrives as `config: false` (parseArgs negation).
    if ((values.config as unknown) === false) overrides.noConfig = true
    else if (values.config !== undefined) {
      if (!fs.existsSync(path.resolve(io.cwd, values.config)))
        throw new UsageError(`config file not found: ${values.config}`)
      overrides.configPath = values.config
    }
    if (values.source !== undefined) {
      // One story and its source: `copydesk --source story.zh.txt story.en.txt`.
      if (positionals.length !== 1) throw new UsageError('--source takes exactly one story to check against it')
      const sourcePath = path.resolve(io.cwd, values.source)
      if (!fs.existsSync(sourcePath)) throw new UsageError(`source file not found: ${values.source}`)
      overrides.sources = {[path.resolve(io.cwd, positionals[0])]: sourcePath}
    }
    resolver = new SettingsResolver(io.cwd, overrides)
    // Check the config that applies here before linting anything; configs nearer
    // to the files are checked as they are met.
    resolver.forFile(undefined)
  } catch (error) {
    if (error instanceof DataError || error instanceof UsageError) return fail(error.message)
    throw error
  }

  const useStdin = positionals.length === 0
  if (useStdin && io.stdin.isTTY) return fail('no files given and nothing on standard input (see copydesk --help)')

  let maxSize: number | undefined
  if (values['max-size'] !== undefined) {
    const mb = Number(values['max-size'])
    if (!Number.isFinite(mb) || mb <= 0)
      return fail(`--max-size must be a number of megabytes, not \`${values['max-size']}\``)
    maxSize = Math.round(mb * 1024 * 1024)
  }
  let jobs = defaultJobs()
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs)
    if (!Number.isInteger(jobs) || jobs < 0)
      return fail(`--jobs must be a whole number of workers (0 lints in the main thread), not \`${values.jobs}\``)
  }

  // Many files: lint them on worker threads, a few at a time (bounded memory).
  let archive: VFile[] | undefined
  if (!useStdin && jobs >= 1) {
    const found = await findFiles({
      cwd: io.cwd,
      inputs: positionals,
      extensions: EXTENSIONS,
      ignoreName: values.ignore === false ? undefined : '.copydeskignore',
      ignorePath: values['ignore-path']
    })
    if (found.files.length >= ARCHIVE_THRESHOLD && found.missing.length === 0) {
      const signal = {aborted: false}
      const showProgress = Boolean((io.stderr as {isTTY?: boolean}).isTTY) && !values.quiet && !values.silent
      let last = 0
      const onInterrupt = () => {
        if (signal.aborted) process.exit(130)
        signal.aborted = true
      }
      process.on('SIGINT', onInterrupt)
      try {
        archive = await lintArchive(found.files, {
          cwd: io.cwd,
          inputs: positionals,
          extensions: EXTENSIONS,
          overrides: resolver.overridesForWorkers(),
          maxSize,
          jobs,
          signal,
          progress: showProgress
            ? (done, total, messages) => {
                const now = Date.now()
                if (now - last < 100 && done < total) return
                last = now
                io.stderr.write(
                  `\rcopydesk: ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} files, ${messages.toLocaleString('en-US')} messages`
                )
                if (done === total) io.stderr.write('\n')
              }
            : undefined
        })
      } finally {
        process.off('SIGINT', onInterrupt)
      }
      if (signal.aborted) {
        if (showProgress) io.stderr.write('\n')
        io.stderr.write(
          `copydesk: interrupted: linted ${archive.length} of ${found.files.length} files; nothing reported\n`
        )
        return EXIT_INTERRUPTED
      }
    }
  }

  const processor = createEngineProcessor(resolver, undefined, maxSize)
  const files =
    archive ??
    (await new Promise<VFile[]>((resolve, reject) => {
      engine(
        {
          processor: processor as never,
          cwd: io.cwd,
          files: positionals,
          extensions: EXTENSIONS,
          streamIn: io.stdin,
          filePath: values['stdin-filename'],
          streamOut: io.stdout,
          streamError: io.stderr,
          out: false,
          output: false,
          detectConfig: false,
          ignoreName: values.ignore === false ? undefined : '.copydeskignore',
          detectIgnore: values.ignore !== false,
          ignorePath: values['ignore-path'],
          ignorePathResolveFrom: 'cwd',
          // copydesk reports itself (to stdout, sorted); the engine stays quiet.
          reporter: () => '',
          silentlyIgnore: false
        },
        (error, _code, context) => {
          if (error) reject(error)
          else resolve(context?.files ?? [])
        }
      )
    }).catch((error: Error) => error))
  if (files instanceof Error) return fail(files.message.split('\n')[0])

  const given = files
    .filter((f) => f.data.unifiedEngineGiven && !f.data.unifiedEngineIgnored)
    .sort((a, b) => (a.path ?? '').localeCompare(b.path ?? ''))
  if (given.length === 0 && !useStdin)
    return fail(`no files to lint in ${positionals.map((p) => `\`${p}\``).join(', ')}`)
  for (const file of given) sortMessages(file)

  // --since: only messages on lines changed against the revision (input errors always).
  if (values.since !== undefined) {
    let changes
    try {
      changes = changedLines(io.cwd, values.since)
    } catch (error) {
      if (error instanceof GitError) return fail(error.message)
      throw error
    }
    for (const file of given) {
      const filePath = path.resolve(io.cwd, file.path ?? '')
      file.messages = file.messages.filter((m) => {
        if (!isLintMessage(m)) return true
        const place = m.place && 'start' in m.place ? m.place : undefined
        const start = place?.start.line ?? m.line ?? 1
        return touchesChange(changes, filePath, start, place?.end.line ?? start)
      })
    }
  }

  // A bad config or house file met on the way: one line, nothing else.
  for (const file of given) {
    for (const message of file.messages) {
      if (message.cause instanceof DataError) return fail(message.cause.message)
    }
  }

  const color = values.color ?? Boolean(io.stdout.isTTY)
  const output = formatReport(report, given, {
    color,
    quiet: Boolean(values.quiet),
    silent: Boolean(values.silent),
    cwd: io.cwd
  })
  if (output) io.stdout.write(output.endsWith('\n') ? output : output + '\n')

  let inputError = false
  let errors = 0
  let warnings = 0
  for (const file of given) {
    for (const message of file.messages) {
      if (!isLintMessage(message)) {
        if (message.fatal) inputError = true
        continue
      }
      if (message.fatal) errors++
      else warnings++
    }
  }
  if (inputError) {
    const first = given.flatMap((f) =>
      f.messages
        .filter((m) => m.fatal && !isLintMessage(m))
        .map((m) => `${f.path}: ${m.cause instanceof Error ? m.cause.message : m.reason}`)
    )[0]
    io.stderr.write(`copydesk: ${first}\n`)
    return EXIT_USAGE
  }
  return errors > 0 || (values.frail && warnings > 0) ? EXIT_LINT : EXIT_OK
}

/** `copydesk serve [--port N] [--host H]`: the page for editors, on this machine. */
async function serve(argv: string[], io: Io, fail: (message: string) => number): Promise<number> {
  let values: {port?: string; host?: string; help?: boolean}
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      options: {port: {type: 'string', short: 'p'}, host: {type: 'string'}, help: {type: 'boolean', short: 'h'}}
    }).values
  } catch (error) {
    return fail(`${(error as Error).message.split('\n')[0]} (see copydesk serve --help)`)
  }
  if (values.help) {
    io.stdout.write(
      'Usage: copydesk serve [--port 8080] [--host 127.0.0.1]\n\nServes the copydesk page on this machine; stories are linted in the browser and never uploaded.\n'
    )
    return EXIT_OK
  }
  const port = values.port === undefined ? 8080 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    return fail(`--port must be a port number, not \`${values.port}\``)
  const {startServer, pageUrl} = await import('../page-server/server.js')
  let server
  try {
    server = await startServer({port, host: values.host ?? '127.0.0.1'})
  } catch (error) {
    return fail((error as Error).message)
  }
  io.stdout.write(`copydesk page: ${pageUrl(server)} (Ctrl-C to stop)\n`)
  await new Promise<void>((resolve) => {
    const stop = () => void server.stop().then(resolve)
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  return EXIT_OK
}

/** A message about the copy (a rule, or a suppression comment), not about reading the file. */
function isLintMessage(message: {ruleId?: string | null; source?: string | null}): boolean {
  return Boolean(
    message.ruleId && (message.ruleId in rules || (message.source === 'copydesk' && message.ruleId === 'comment'))
  )
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    allowNegative: true,
    options: {
      report: {type: 'string', short: 'r'},
      frail: {type: 'boolean'},
      quiet: {type: 'boolean', short: 'q'},
      silent: {type: 'boolean', short: 's'},
      config: {type: 'string', short: 'c'},
      // Declared so parseArgs accepts it; it arrives as `config: false`.
      'no-config': {type: 'boolean'},
      rule: {type: 'string', multiple: true},
      date: {type: 'string'},
      since: {type: 'string'},
      source: {type: 'string'},
      jobs: {type: 'string', short: 'j'},
      'max-size': {type: 'string'},
      'stdin-filename': {type: 'string'},
      'ignore-path': {type: 'string'},
      ignore: {type: 'boolean'},
      color: {type: 'boolean'},
      help: {type: 'boolean', short: 'h'},
      version: {type: 'boolean', short: 'v'}
    }
  } as const)
}

function version(): string {
  const pkg = new URL('../../../package.json', import.meta.url)
  try {
    return JSON.parse(fs.readFileSync(pkg, 'utf8')).version
  } catch {
    return 'unknown'
  }
}
