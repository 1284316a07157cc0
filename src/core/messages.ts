/**
 * What every entry point does with messages, in one place: the order they are
 * reported in, the fatal message a failed file gets (a one-line reason, never a
 * stack trace), a rule that threw turned into one line naming the rule, and
 * the plain form a message takes to cross from a worker thread to the main
 * thread. No file system here: the page uses it too.
 */
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {InputError} from './parse.js'
import {DataError} from '../knowledge/parse-data.js'

/** Deterministic order: by place, then rule id, then reason. */
export function sortMessages(file: VFile): void {
  file.messages.sort((a, b) => {
    const la = a.place && 'start' in a.place ? a.place.start : a.place
    const lb = b.place && 'start' in b.place ? b.place.start : b.place
    return (
      (la?.line ?? 0) - (lb?.line ?? 0) ||
      (la?.column ?? 0) - (lb?.column ?? 0) ||
      String(a.ruleId).localeCompare(String(b.ruleId)) ||
      a.reason.localeCompare(b.reason)
    )
  })
}

/** Reasons for the file-system errors a story can meet, by `code`. */
const SYSTEM_REASONS: Record<string, string> = {
  ENOENT: 'No such file or folder',
  EISDIR: 'Cannot lint a folder as a story',
  EACCES: 'Cannot read file: permission denied',
  EPERM: 'Cannot read file: permission denied'
}

/**
 * A bug in copydesk met while linting a file: a rule that threw, or a failure
 * in the parser. Its message is one line (the rule, the error's first line);
 * the original error, with its stack, is its `cause`, for COPYDESK_DEBUG. The
 * command line exits 3 when a file has one.
 */
export class InternalError extends Error {
  /** The rule that threw, if it was a rule. */
  readonly ruleId?: string
  constructor(message: string, options: {ruleId?: string; cause?: unknown} = {}) {
    super(message, {cause: options.cause})
    this.name = 'InternalError'
    this.ruleId = options.ruleId
  }
}

/** Whether an error is one of the expected kinds: unreadable input, bad data, a system error. */
function isExpected(error: unknown): boolean {
  if (error instanceof InputError || error instanceof DataError) return true
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return typeof code === 'string' && /^E[A-Z]+$/.test(code)
}

/**
 * The one-line reason for an error that stopped a file: copydesk's own errors
 * (unreadable input, a bad config or house file) say it themselves; a system
 * error says what went wrong by its code; anything else (a bug) gives the first
 * line of its message, never the stack.
 */
export function fatalReason(error: unknown): string {
  if (error instanceof InputError || error instanceof DataError || error instanceof InternalError)
    return firstLine(error.message)
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return SYSTEM_REASONS[code] ?? `Cannot read file (${code})`
  const message = error instanceof Error ? error.message : String(error)
  return `Cannot process file: ${firstLine(message)}`
}

/**
 * Record an error that stopped a file as its fatal message (as unified-engine
 * records a failed file: no rule, `fatal: true`, the error as `cause`, so the
 * command line can tell a bad config from unreadable copy, and both from a bug:
 * an unexpected error becomes an InternalError).
 */
export function fatalMessage(file: VFile, error: unknown): VFileMessage {
  // unified-engine and vfile's `fail` throw the message itself: it is already on the file.
  const existing = file.messages.find((message) => message === error)
  if (existing) {
    existing.fatal = true
    return existing
  }
  const reason = fatalReason(error)
  const cause =
    isExpected(error) || error instanceof InternalError ? (error as Error) : new InternalError(reason, {cause: error})
  const message = file.message(reason, {cause})
  message.fatal = true
  return message
}

/**
 * A rule that throws does not stop the file: unified-lint-rule records the
 * exception as a message of that rule (its reason the error's message, its
 * `stack` the error's stack, which reporters print, and a warning when the rule
 * warns) and runs the other rules. Each such message becomes one error line
 * naming the rule, without a rule id (it is not a finding about the copy) and
 * with an InternalError as its cause, so that no stack reaches a report and
 * the command line exits 3. Call after the rules ran.
 */
export function settleRuleFailures(file: VFile): void {
  for (const message of file.messages) {
    const error = message.cause
    if (!message.ruleId || !(error instanceof Error) || error instanceof VFileMessage) continue
    if (error instanceof InternalError) continue
    const ruleId = message.ruleId
    const reason = `Internal error in rule \`${ruleId}\`: ${firstLine(error.message) || error.name}; the other rules ran (please report this with the story)`
    message.reason = reason
    message.message = reason
    message.stack = ''
    message.fatal = true
    message.ruleId = undefined
    message.source = 'copydesk'
    message.url = undefined
    message.cause = new InternalError(reason, {ruleId, cause: error})
  }
}

/** Whether a message records a bug in copydesk (a rule that threw, a parser failure). */
export function isInternalError(message: VFileMessage): boolean {
  return message.cause instanceof Error && message.cause.name === 'InternalError'
}

/**
 * A fatal message another library recorded (unified-engine's "Cannot process
 * file", with the error as `cause`): the one-line reason of its cause, no
 * stack, and an unexpected error marked as internal, as fatalMessage does.
 */
export function settleFatalMessage(message: VFileMessage): void {
  const error = message.cause
  if (!isFatalInputMessage(message) || !error) return
  const reason = fatalReason(error)
  message.reason = reason
  message.message = reason
  message.stack = ''
  if (!isExpected(error) && !(error instanceof InternalError)) message.cause = new InternalError(reason, {cause: error})
}

/**
 * A message without a rule that stopped its file (unreadable, too large, a bad
 * config, a failure in the parser); not a rule that threw, after which the
 * other rules ran.
 */
export function isFatalInputMessage(message: VFileMessage): boolean {
  return message.fatal === true && !message.ruleId && !(message.cause instanceof InternalError && message.cause.ruleId)
}

/** A message in a form that crosses threads (structured clone) and comes back the same. */
export interface TransferableMessage {
  reason: string
  ruleId?: string
  source?: string
  fatal?: boolean | null
  place?: VFileMessage['place']
  actual?: string
  expected?: string[]
  note?: string
  url?: string
  related?: VFileMessage['related']
  cause?: {name: string; message: string; file?: string; line?: number; code?: string; stack?: string; rule?: string}
}

export function toTransferable(message: VFileMessage): TransferableMessage {
  const cause = message.cause
  return {
    reason: message.reason,
    ruleId: message.ruleId ?? undefined,
    source: message.source ?? undefined,
    fatal: message.fatal,
    place: message.place,
    actual: message.actual,
    expected: message.expected,
    note: message.note,
    url: message.url,
    related: message.related,
    cause:
      cause instanceof Error
        ? {
            name: cause instanceof DataError ? 'DataError' : cause.name,
            message: cause.message,
            file: cause instanceof DataError ? cause.file : undefined,
            line: cause instanceof DataError ? cause.line : undefined,
            code:
              typeof (cause as NodeJS.ErrnoException).code === 'string'
                ? (cause as NodeJS.ErrnoException).code
                : undefined,
            // For COPYDESK_DEBUG: the stack of the error behind an internal error.
            stack: cause instanceof InternalError ? stackOf(cause.cause) : undefined,
            rule: cause instanceof InternalError ? cause.ruleId : undefined
          }
        : undefined
  }
}

/** Put a transferred message back on a file, as it was on the worker's copy. */
export function fromTransferable(file: VFile, data: TransferableMessage): VFileMessage {
  const message = file.message(data.reason, {
    place: data.place ?? undefined,
    ruleId: data.ruleId,
    source: data.source,
    cause: data.cause ? causeFrom(data.cause) : undefined
  })
  message.fatal = data.fatal ?? undefined
  if (data.actual !== undefined) message.actual = data.actual
  if (data.expected !== undefined) message.expected = data.expected
  if (data.note !== undefined) message.note = data.note
  if (data.url !== undefined) message.url = data.url
  if (data.related !== undefined) message.related = data.related
  return message
}

/** The error again, as the class the main thread tests for (a bad config stops the run). */
function causeFrom(cause: NonNullable<TransferableMessage['cause']>): Error {
  if (cause.name === 'DataError') {
    const error = new DataError(cause.file ?? '', '', cause.line)
    error.message = cause.message
    return error
  }
  if (cause.name === 'InternalError') {
    const original = new Error(cause.message)
    original.stack = cause.stack
    return new InternalError(cause.message, {ruleId: cause.rule, cause: original})
  }
  const error = cause.name === 'InputError' ? new InputError(cause.message) : new Error(cause.message)
  error.name = cause.name
  if (cause.code) (error as NodeJS.ErrnoException).code = cause.code
  return error
}

function stackOf(error: unknown): string | undefined {
  return error instanceof Error ? error.stack : undefined
}

function firstLine(text: string): string {
  const end = text.indexOf('\n')
  return (end === -1 ? text : text.slice(0, end)).trim()
}
