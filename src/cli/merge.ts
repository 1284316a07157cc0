/**
 * `copydesk merge`: `--report jsonl` outputs (one per shard, or concatenated)
 * into one SARIF log with one run per shard, each run with its own category
 * (`automationDetails.id` `<category>/shard-<i>-of-<n>/`, which GitHub code
 * scanning reads as the category `<category>/shard-<i>-of-<n>`), and the exit
 * code the whole archive would have given in one run: 1 when any shard found an
 * error-level message (or a warning, with --frail), 2 when a file could not be
 * linted or a line is not a copydesk record.
 *
 * The SARIF is built by the same reporter as `--report sarif` (sarif.ts) from
 * the messages the lines carry, fingerprints included, so a result is the same
 * whichever way it was made. Only files with messages are kept in memory, and
 * only they are listed as the run's artifacts.
 */
import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import {parseArgs} from 'node:util'
import {VFile} from 'vfile'
import {SettingsResolver} from '../config/settings.js'
import {fromTransferable, type TransferableMessage} from '../core/messages.js'
import {docsBaseProblem} from '../core/rule.js'
import {DataError} from '../knowledge/parse-data.js'
import {EXIT_OK, EXIT_USAGE} from './exit-codes.js'
import {buildSarif} from './reporters/sarif.js'
import {formatShard, MAX_SHARDS, parseShard, type Shard} from './shard.js'
import {Verdict} from './verdict.js'

export interface MergeIo {
  stdin: NodeJS.ReadableStream & {isTTY?: boolean}
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
  cwd: string
}

/** Code scanning's limits (SARIF support for code scanning): past them it rejects or truncates an upload. */
const MAX_RUNS_PER_FILE = 20
const MAX_RESULTS_PER_RUN = 25_000

export const MERGE_HELP = `Usage: copydesk merge [options] [files.jsonl ... | -]

Turn --report jsonl outputs (one per --shard run, or concatenated) into one
SARIF 2.1.0 log on standard output: one run per shard, with the category
<category>/shard-<i>-of-<n>. Reads standard input when no file is given.

Options:
      --shards <n>        expect shards 1 to n: each gets a run, an empty one
                          too (so that code scanning closes its old alerts)
      --shard <i/n>       the input is shard i of n: one run, empty or not
      --category <name>   the runs' category prefix (default: copydesk)
      --docs <url>        base of the rules' help links (default: the working
                          folder's .copydeskrc \`docs\`, else copydesk's default)
      --frail             exit 1 on warnings too
  -h, --help              show this help

Exit codes: 0 no error-level message; 1 an error-level message (or a warning
with --frail) in any shard; 2 a file that could not be linted, or input that
is not copydesk jsonl.`

class MergeError extends Error {}

interface Run {
  shard?: Shard
  files: VFile[]
  results: number
}

interface RecordMessage extends TransferableMessage {
  fingerprint?: unknown
}

export async function merge(argv: string[], io: MergeIo): Promise<number> {
  let options
  try {
    options = parseMergeOptions(argv, io.cwd)
  } catch (error) {
    if (error instanceof MergeError || error instanceof DataError) {
      io.stderr.write(`copydesk: merge: ${error.message}\n`)
      return EXIT_USAGE
    }
    throw error
  }
  if (options.help) {
    io.stdout.write(MERGE_HELP + '\n')
    return EXIT_OK
  }
  if (options.inputs.length === 0 && io.stdin.isTTY) {
    io.stderr.write('copydesk: merge: no files given and nothing on standard input (see copydesk merge --help)\n')
    return EXIT_USAGE
  }

  const runs = new Map<string, Run>()
  const expected: Shard[] = options.shard
    ? [options.shard]
    : options.shards
      ? Array.from({length: options.shards}, (_, index) => ({index: index + 1, count: options.shards!}))
      : []
  for (const shard of expected) runs.set(formatShard(shard), {shard, files: [], results: 0})
  const verdict = new Verdict()
  const seen = new Map<string, string>()
  let count: number | undefined

  try {
    for (const input of options.inputs.length === 0 ? ['-'] : options.inputs) {
      const name = input === '-' ? 'standard input' : input
      let stream: NodeJS.ReadableStream
      try {
        // Opened here, so that a missing file is one clear line rather than a stream error.
        stream = input === '-' ? io.stdin : fs.createReadStream('', {fd: fs.openSync(path.resolve(io.cwd, input), 'r')})
      } catch (error) {
        throw new MergeError(`cannot read ${name} (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
      }
      let lineNumber = 0
      try {
        for await (const line of readline.createInterface({input: stream, crlfDelay: Infinity})) {
          lineNumber++
          if (line.trim() === '') continue
          const where = `${name}:${lineNumber}`
          const record = parseRecord(line, where)
          const shardText = record.shard ?? ''
          let run = runs.get(shardText)
          if (!run) {
            const shard = record.shard === undefined ? undefined : parseShard(record.shard)
            if (typeof shard === 'string') throw new MergeError(`${where}: \`shard\` ${shard}`)
            if (expected.length > 0) {
              const wanted = options.shard
                ? `shard ${formatShard(options.shard)}`
                : `shards 1 to ${options.shards} of ${options.shards}`
              throw new MergeError(
                `${where}: a line of ${shard ? `shard ${shardText}` : 'a run without --shard'}, not of ${wanted}`
              )
            }
            if (shard && count !== undefined && shard.count !== count)
              throw new MergeError(`${where}: shard ${shardText} is from another split than shards of ${count}`)
            count = shard?.count
            run = {shard, files: [], results: 0}
            runs.set(shardText, run)
          }
          const other = seen.get(record.path)
          if (other !== undefined)
            throw new MergeError(
              `${where}: \`${record.path}\` is reported twice (${other === shardText ? 'in the same input' : `in shards ${other || 'none'} and ${shardText || 'none'}`})`
            )
          seen.set(record.path, shardText)
          verdict.add(record.path, record.messages)
          if (record.messages.length > 0) {
            run.files.push(toFile(record, io.cwd))
            run.results += record.messages.length
          }
        }
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (typeof code === 'string') throw new MergeError(`cannot read ${name} (${code})`)
        throw error
      }
    }
    if (runs.size > 1 && runs.has(''))
      throw new MergeError('lines of --shard runs mixed with lines of a run without --shard')
  } catch (error) {
    if (error instanceof MergeError) {
      io.stderr.write(`copydesk: merge: ${error.message}\n`)
      return EXIT_USAGE
    }
    throw error
  }

  const ordered = [...runs.values()].sort((a, b) => (a.shard?.index ?? 0) - (b.shard?.index ?? 0))
  let log: ReturnType<typeof buildSarif> | undefined
  for (const run of ordered) {
    const sarif = buildSarif(run.files, {cwd: io.cwd, docs: options.docs})
    const [sarifRun] = sarif.runs
    const id = run.shard
      ? `${options.category}/shard-${run.shard.index}-of-${run.shard.count}/`
      : options.categoryGiven
        ? `${options.category}/`
        : undefined
    if (id) sarifRun.automationDetails = {id}
    if (log) log.runs.push(sarifRun)
    else log = sarif
    if (run.results > MAX_RESULTS_PER_RUN)
      io.stderr.write(
        `copydesk: merge: ${run.shard ? `shard ${formatShard(run.shard)}` : 'the run'} has ${run.results} results; code scanning keeps at most ${MAX_RESULTS_PER_RUN} per run (use more shards)\n`
      )
  }
  log ??= buildSarif([], {cwd: io.cwd, docs: options.docs})
  if (log.runs.length > MAX_RUNS_PER_FILE)
    io.stderr.write(
      `copydesk: merge: ${log.runs.length} runs; code scanning takes at most ${MAX_RUNS_PER_FILE} per file (upload each shard's SARIF on its own)\n`
    )
  io.stdout.write(JSON.stringify(log, null, 2) + '\n')
  return verdict.exitCode(options.frail, io.stderr)
}

interface MergeOptions {
  help: boolean
  inputs: string[]
  shards?: number
  shard?: Shard
  category: string
  categoryGiven: boolean
  docs?: string
  frail: boolean
}

function parseMergeOptions(argv: string[], cwd: string): MergeOptions {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        shards: {type: 'string'},
        shard: {type: 'string'},
        category: {type: 'string'},
        docs: {type: 'string'},
        frail: {type: 'boolean'},
        help: {type: 'boolean', short: 'h'}
      }
    } as const)
  } catch (error) {
    throw new MergeError(`${(error as Error).message.split('\n')[0]} (see copydesk merge --help)`)
  }
  const {values, positionals} = parsed
  const options: MergeOptions = {
    help: Boolean(values.help),
    inputs: positionals,
    category: values.category ?? 'copydesk',
    categoryGiven: values.category !== undefined,
    frail: Boolean(values.frail)
  }
  if (options.help) return options
  if (values.shards !== undefined && values.shard !== undefined)
    throw new MergeError('--shards and --shard: give one (all n shards, or the one shard i/n)')
  if (values.shards !== undefined) {
    const shards = Number(values.shards)
    if (!Number.isInteger(shards) || shards < 1 || shards > MAX_SHARDS)
      throw new MergeError(`--shards must be the number of shards (1 to ${MAX_SHARDS}), not \`${values.shards}\``)
    options.shards = shards
  }
  if (values.shard !== undefined) {
    const shard = parseShard(values.shard)
    if (typeof shard === 'string') throw new MergeError(`--shard ${shard}`)
    options.shard = shard
  }
  if (!/^[\w.-]+(?:\/[\w.-]+)*$/.test(options.category))
    throw new MergeError(
      `--category must be letters, digits, ., _ or -, in parts separated by /, not \`${options.category}\``
    )
  if (values.docs !== undefined) {
    const problem = docsBaseProblem(values.docs)
    if (problem) throw new MergeError(`--docs ${problem}`)
    options.docs = values.docs
  } else {
    // As the lint run in this folder: the working folder's config (a bad one is a DataError).
    options.docs = new SettingsResolver(cwd).forFile(undefined).settings.docs
  }
  return options
}

interface JsonlRecord {
  path: string
  shard?: string
  messages: RecordMessage[]
}

function parseRecord(line: string, where: string): JsonlRecord {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    throw new MergeError(`${where}: not JSON (copydesk merge reads the lines of --report jsonl)`)
  }
  const record = value as Partial<JsonlRecord> | null
  if (
    !record ||
    typeof record !== 'object' ||
    typeof record.path !== 'string' ||
    record.path === '' ||
    !Array.isArray(record.messages) ||
    (record.shard !== undefined && typeof record.shard !== 'string') ||
    record.messages.some((message) => !message || typeof message !== 'object' || typeof message.reason !== 'string')
  )
    throw new MergeError(`${where}: not a line of --report jsonl (a file's \`path\` and \`messages\`)`)
  return record as JsonlRecord
}

/** The file again, with its messages as the lint run had them (and their fingerprints). */
function toFile(record: JsonlRecord, cwd: string): VFile {
  const file = new VFile({cwd, path: record.path})
  for (const data of record.messages) {
    const message = fromTransferable(file, {...data, fatal: data.fatal ?? undefined})
    if (typeof data.fingerprint === 'string') message.fingerprint = data.fingerprint
  }
  return file
}
