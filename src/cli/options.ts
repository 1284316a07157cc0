/**
 * The command line, parsed into a typed options object. Everything that can be
 * checked without the disk is checked here; a mistake is a UsageError with one
 * line naming it.
 */
import {parseArgs} from 'node:util'
import {checkRuleId, checkSetting, isDate} from '../config/config.js'
import {docsBaseProblem} from '../core/rule.js'
import type {RuleSetting} from '../core/processor.js'
import type {RuleId} from '../core/rules.js'
import {defaultJobs} from './archive/pool.js'
import {REPORTERS, type ReporterName} from './reporters/index.js'
import {parseShard, type Shard} from './shard.js'

export class UsageError extends Error {}

export interface CliOptions {
  help: boolean
  version: boolean
  /** Files, folders and globs; none: standard input. */
  inputs: string[]
  report: ReporterName
  frail: boolean
  quiet: boolean
  silent: boolean
  /** `--config <file>`; `false` for `--no-config`; undefined: the nearest `.copydeskrc`. */
  config?: string | false
  rules: Partial<Record<RuleId, RuleSetting>>
  date?: string
  /** The Chinese source of the one story given. */
  source?: string
  /** A git revision: report only changed lines. */
  since?: string
  stdinFilename?: string
  /** `--ignore-path <file>`: this ignore file instead of `.copydeskignore`. */
  ignorePath?: string
  /** False for `--no-ignore`. */
  ignore: boolean
  /** Undefined: colour on a terminal. */
  color?: boolean
  /** Worker threads; 0 lints in the main thread. */
  jobs: number
  /** Largest story, in characters. */
  maxSize?: number
  /** `--shard i/n`: lint only part i of n of the files found (src/cli/shard.ts). */
  shard?: Shard
  /** `--docs <url>`: base of the documentation links, over the config's `docs`. */
  docs?: string
}

/** Parse `argv` (after `copydesk`); throws a UsageError. */
export function parseOptions(argv: string[]): CliOptions {
  let parsed
  try {
    parsed = parseArgs({
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
        shard: {type: 'string'},
        docs: {type: 'string'},
        'stdin-filename': {type: 'string'},
        'ignore-path': {type: 'string'},
        ignore: {type: 'boolean'},
        color: {type: 'boolean'},
        help: {type: 'boolean', short: 'h'},
        version: {type: 'boolean', short: 'v'}
      }
    } as const)
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (see copydesk --help)`)
  }
  const {values, positionals} = parsed
  const report = (values.report ?? 'pretty') as ReporterName
  const options: CliOptions = {
    help: Boolean(values.help),
    version: Boolean(values.version),
    inputs: positionals,
    report,
    frail: Boolean(values.frail),
    quiet: Boolean(values.quiet),
    silent: Boolean(values.silent),
    config: values.config as string | false | undefined,
    rules: {},
    since: values.since,
    stdinFilename: values['stdin-filename'],
    ignorePath: values['ignore-path'],
    ignore: values.ignore !== false,
    color: values.color,
    jobs: defaultJobs()
  }
  if (options.help || options.version) return options
  if (!REPORTERS.includes(report))
    throw new UsageError(`unknown report \`${report}\` (expected ${REPORTERS.join(', ')})`)
  for (const rule of values.rule ?? []) {
    const [id, level] = rule.split('=')
    const fail = (message: string): never => {
      throw new UsageError(`--rule: ${message}`)
    }
    const ruleId = checkRuleId(id, fail)
    options.rules[ruleId] = checkSetting(ruleId, level, fail)
  }
  if (values.date !== undefined) {
    if (!isDate(values.date)) throw new UsageError(`--date must be a date as YYYY-MM-DD, not \`${values.date}\``)
    options.date = values.date
  }
  if (values.source !== undefined) {
    // One story and its source: `copydesk --source story.zh.txt story.en.txt`.
    if (positionals.length !== 1) throw new UsageError('--source takes exactly one story to check against it')
    options.source = values.source
  }
  if (values['max-size'] !== undefined) {
    const megabytes = Number(values['max-size'])
    if (!Number.isFinite(megabytes) || megabytes <= 0)
      throw new UsageError(`--max-size must be a number of megabytes, not \`${values['max-size']}\``)
    options.maxSize = Math.round(megabytes * 1024 * 1024)
  }
  if (values.shard !== undefined) {
    const shard = parseShard(values.shard)
    if (typeof shard === 'string') throw new UsageError(`--shard ${shard}`)
    if (positionals.length === 0) throw new UsageError('--shard splits the files named, not standard input')
    options.shard = shard
  }
  if (values.docs !== undefined) {
    const problem = docsBaseProblem(values.docs)
    if (problem) throw new UsageError(`--docs ${problem}`)
    options.docs = values.docs
  }
  if (values.jobs !== undefined) {
    const jobs = Number(values.jobs)
    if (!Number.isInteger(jobs) || jobs < 0)
      throw new UsageError(
        `--jobs must be a whole number of workers (0 lints in the main thread), not \`${values.jobs}\``
      )
    options.jobs = jobs
  }
  return options
}
