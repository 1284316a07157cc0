/**
 * The end of a run: the report on standard output and the exit code. A bad
 * config or house file met on the way stops the run with one line instead;
 * a file that could not be linted, or met a bug, is named on standard error
 * (with the stack behind a bug only when COPYDESK_DEBUG is set).
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {debugging} from '../config/debug.js'
import {isInternalError} from '../core/messages.js'
import {rules} from '../core/rules.js'
import {DataError} from '../knowledge/parse-data.js'
import {EXIT_INTERNAL, EXIT_LINT, EXIT_OK, EXIT_USAGE} from './exit-codes.js'
import type {CliOptions} from './options.js'
import {formatReport} from './reporters/index.js'

/** A message about the copy (a rule, or a suppression comment), not about reading the file. */
export function isLintMessage(message: Pick<VFileMessage, 'ruleId' | 'source'>): boolean {
  return Boolean(
    message.ruleId && (message.ruleId in rules || (message.source === 'copydesk' && message.ruleId === 'comment'))
  )
}

/** The bad config or house file a run met, if any: the run stops on it. */
export function configErrorIn(files: VFile[]): DataError | undefined {
  for (const file of files) {
    for (const message of file.messages) if (message.cause instanceof DataError) return message.cause
  }
  return undefined
}

export interface ReportIo {
  stdout: NodeJS.WritableStream & {isTTY?: boolean}
  stderr: NodeJS.WritableStream
  cwd: string
}

/** Write the report; returns the exit code. */
export function report(files: VFile[], options: CliOptions, io: ReportIo): number {
  const output = formatReport(options.report, files, {
    color: options.color ?? Boolean(io.stdout.isTTY),
    quiet: options.quiet,
    silent: options.silent,
    cwd: io.cwd,
    docs: options.docs
  })
  if (output) io.stdout.write(output.endsWith('\n') ? output : output + '\n')
  return exitCode(files, options, io)
}

function exitCode(files: VFile[], options: CliOptions, io: ReportIo): number {
  let errors = 0
  let warnings = 0
  let unreadable: string | undefined
  let internal: string | undefined
  for (const file of files) {
    for (const message of file.messages) {
      if (isLintMessage(message)) {
        if (message.fatal) errors++
        else warnings++
      } else if (isInternalError(message)) {
        internal ??= `${file.path ?? '<stdin>'}: ${message.reason}`
        if (debugging()) io.stderr.write(`copydesk: ${file.path ?? '<stdin>'}: ${stackBehind(message)}\n`)
      } else if (message.fatal) unreadable ??= `${file.path ?? '<stdin>'}: ${message.reason}`
    }
  }
  if (internal) {
    io.stderr.write(`copydesk: ${internal}\n`)
    return EXIT_INTERNAL
  }
  if (unreadable) {
    io.stderr.write(`copydesk: ${unreadable}\n`)
    return EXIT_USAGE
  }
  return errors > 0 || (options.frail && warnings > 0) ? EXIT_LINT : EXIT_OK
}

/** The stack of the error behind an internal error (COPYDESK_DEBUG). */
function stackBehind(message: VFileMessage): string {
  const cause = (message.cause as Error).cause
  return cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)
}
