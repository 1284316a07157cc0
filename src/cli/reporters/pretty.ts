/**
 * The pretty report (vfile-reporter, for people), with one addition: a file
 * with more than {@link SUMMARY_THRESHOLD} messages is summarised per rule.
 * Hundreds of identical lines help no editor, and vfile-reporter, which lays
 * every message of a run out as one table, overflows the stack past some
 * 50,000 rows and measures every cell (0.4 ms a message on this machine).
 *
 * A summarised file shows, for each rule with more than
 * {@link EXAMPLES_PER_RULE} messages, one line with the rule's count (first,
 * as it has no place) and its first {@link EXAMPLES_PER_RULE} messages; rules
 * with fewer show all of theirs. The closing line counts every message.
 * `--report json`, `sarif` and `github` always list every message.
 */
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {reporter} from 'vfile-reporter'

/** More messages than this in one file, and the pretty report summarises it per rule. */
export const SUMMARY_THRESHOLD = 200

/** Messages shown for each rule of a summarised file. */
export const EXAMPLES_PER_RULE = 3

export interface PrettyOptions {
  color?: boolean
  quiet?: boolean
  silent?: boolean
}

/**
 * Messages laid out in one table: up to this many, the whole report is one
 * vfile-reporter table (as vfile-reporter alone prints it); past it, each
 * batch of files is its own table, written as it is made.
 */
export const TABLE_ROWS = 10_000

export function formatPretty(files: VFile[], options: PrettyOptions = {}): string {
  return [...prettyPieces(files, options)].join('')
}

/** The pretty report in pieces: one table per batch of files, then the closing line. */
function* prettyPieces(files: VFile[], options: PrettyOptions = {}): Generator<string> {
  const visible = (file: VFile) => (options.silent ? file.messages.filter((message) => message.fatal) : file.messages)
  const shown = files.map((file) => {
    const messages = visible(file)
    return messages.length <= SUMMARY_THRESHOLD ? file : summary(file, messages)
  })
  // vfile-reporter sorts files by path (vfile-sort's compareFile); so do the batches.
  const sorted = shown
    .map((file, index) => ({file, index}))
    .sort((a, b) => String(a.file.path ?? '').localeCompare(String(b.file.path ?? '')) || a.index - b.index)
  const batches: VFile[][] = [[]]
  let rows = 0
  for (const {file} of sorted) {
    const count = visible(file).length
    if (rows > 0 && rows + count > TABLE_ROWS) {
      batches.push([])
      rows = 0
    }
    batches.at(-1)!.push(file)
    rows += count
  }
  const summarised = shown.some((file, index) => file !== files[index])
  if (batches.length === 1 && !summarised) {
    yield table(batches[0], options)
    return
  }
  // Each table without its closing line; one closing line, counting every message, at the end.
  let first = true
  let lastHadMessages = false
  for (const batch of batches) {
    const shownMessages = batch.flatMap(visible)
    let output = table(batch, options)
    if (shownMessages.some((message) => message.fatal !== undefined && message.fatal !== null)) {
      output = output.slice(0, output.lastIndexOf('\n\n'))
    }
    if (!output) continue
    // Between files, a blank line after a file with messages (as vfile-reporter sets them).
    if (!first) yield lastHadMessages ? '\n\n' : '\n'
    yield output
    first = false
    const printed = batch.filter((file) => (!options.quiet && !options.silent) || visible(file).length > 0)
    lastHadMessages = visible(printed.at(-1)!).length > 0
  }
  const all = files.flatMap(visible)
  const closing = byline(all, Boolean(options.color))
  if (closing) yield (first ? '' : '\n\n') + closing
}

/** One vfile-reporter table. */
function table(files: VFile[], options: PrettyOptions): string {
  // The pretty report shows the evidence (note) but not the documentation link,
  // and a file that could not be linted by its one-line reason, not the stack of its cause.
  const hidden = files.flatMap((file) => file.messages.map((m) => [m, m.url, m.cause] as const))
  for (const [message] of hidden) {
    message.url = undefined
    if (!message.ruleId) message.cause = undefined
  }
  try {
    return reporter(files, {color: options.color, quiet: options.quiet, silent: options.silent, verbose: true})
  } finally {
    for (const [message, url, cause] of hidden) {
      message.url = url
      message.cause = cause
    }
  }
}

/** A copy of `file` for display: per rule, a count and the first few messages. */
function summary(file: VFile, messages: VFileMessage[]): VFile {
  const byRule = new Map<string, VFileMessage[]>()
  const kept: VFileMessage[] = []
  for (const message of messages) {
    // A message without a rule (the file could not be read) is always shown.
    if (!message.ruleId) {
      kept.push(message)
      continue
    }
    let list = byRule.get(message.ruleId)
    if (!list) byRule.set(message.ruleId, (list = []))
    list.push(message)
  }
  for (const [ruleId, list] of byRule) {
    kept.push(...list.slice(0, EXAMPLES_PER_RULE))
    if (list.length <= EXAMPLES_PER_RULE) continue
    const line = new VFileMessage(
      `${count(list)} in this file, too many to list: the first ${EXAMPLES_PER_RULE} follow (\`--report json\` lists every one)`,
      {ruleId, source: list[0].source ?? undefined}
    )
    kept.push(line)
  }
  const shown = new VFile({cwd: file.cwd, path: file.path})
  shown.history = file.history
  shown.messages = kept
  return shown
}

/** "49,998 warnings and 2 errors" */
function count(messages: VFileMessage[]): string {
  let errors = 0
  let warnings = 0
  for (const message of messages) {
    if (message.fatal) errors++
    else if (message.fatal === false) warnings++
  }
  const infos = messages.length - errors - warnings
  const parts = [
    [errors, 'error'],
    [warnings, 'warning'],
    [infos, 'message']
  ] as const
  return parts
    .filter(([n]) => n > 0)
    .map(([n, label]) => `${n.toLocaleString('en-US')} ${label}${n === 1 ? '' : 's'}`)
    .join(' and ')
}

/** vfile-reporter's closing line ("✖ 2 errors, ⚠ 49,998 warnings"), for every message of the run. */
function byline(messages: VFileMessage[], color: boolean): string {
  const red = color ? '\u001B[31m' : ''
  const yellow = color ? '\u001B[33m' : ''
  const plain = color ? '\u001B[39m' : ''
  let errors = 0
  let warnings = 0
  for (const message of messages) {
    if (message.fatal) errors++
    else if (message.fatal === false) warnings++
  }
  if (!errors && !warnings) return ''
  const parts: string[] = []
  if (errors) parts.push(`${red}✖${plain} ${errors} error${errors === 1 ? '' : 's'}`)
  if (warnings) parts.push(`${yellow}⚠${plain} ${warnings} warning${warnings === 1 ? '' : 's'}`)
  const result = parts.join(', ')
  return messages.length !== errors && messages.length !== warnings ? `${messages.length} messages (${result})` : result
}
