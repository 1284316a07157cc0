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
import {DataError} from './knowledge/files.js'
import {checkRuleId, checkSetting, isDate} from './config.js'
import {createEngineProcessor, SettingsResolver, type Overrides} from './settings.js'
import {rules, ruleIds} from './rules.js'
import {sortMessages} from './index.js'
import {changedLines, GitError, touchesChange} from './changed.js'
import {formatReport, REPORTERS, type ReporterName} from './reporters.js'

export const EXIT_OK = 0
export const EXIT_LINT = 1
export const EXIT_USAGE = 2

const EXTENSIONS = ['txt', 'text', 'md', 'markdown', 'html', 'htm']

const HELP = `Usage: copydesk [options] [files, folders or globs ...]

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
      --since <ref>         report only lines changed against a git revision
                            (e.g. origin/main in a pull request)
      --stdin-filename <p>  path to give standard input (its extension picks the format)
      --ignore-path <file>  ignore file to use instead of .copydeskignore
      --no-ignore           use no ignore file
      --color / --no-color  colour the pretty report (default: on a terminal)
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

export async function main(argv: string[], io: Io = {stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd()}): Promise<number> {
  const fail = (message: string): number => {
    io.stderr.write(`copydesk: ${message}\n`)
    return EXIT_USAGE
  }
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
      if (!fs.existsSync(path.resolve(io.cwd, values.config))) throw new UsageError(`config file not found: ${values.config}`)
      overrides.configPath = values.config
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

  const processor = createEngineProcessor(resolver)
  const files = await new Promise<VFile[]>((resolve, reject) => {
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
  }).catch((error: Error) => error)
  if (files instanceof Error) return fail(files.message.split('\n')[0])

  const given = files
    .filter((f) => f.data.unifiedEngineGiven && !f.data.unifiedEngineIgnored)
    .sort((a, b) => (a.path ?? '').localeCompare(b.path ?? ''))
  if (given.length === 0 && !useStdin) return fail(`no files to lint in ${positionals.map((p) => `\`${p}\``).join(', ')}`)
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
  const output = formatReport(report, given, {color, quiet: Boolean(values.quiet), silent: Boolean(values.silent), cwd: io.cwd})
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

/** A message about the copy (a rule, or a suppression comment), not about reading the file. */
function isLintMessage(message: {ruleId?: string | null; source?: string | null}): boolean {
  return Boolean(message.ruleId && (message.ruleId in rules || (message.source === 'copydesk' && message.ruleId === 'comment')))
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
  const pkg = new URL('../../package.json', import.meta.url)
  try {
    return JSON.parse(fs.readFileSync(pkg, 'utf8')).version
  } catch {
    return 'unknown'
  }
}
