/**
 * What every entry point does with messages, in one place: the order they are
 * reported in, the fatal message a failed file gets (a one-line reason, never a
 * stack trace), and the plain form a message takes to cross from a worker
 * thread to the main thread. No file system here: the page uses it too.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
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
 * The one-line reason for an error that stopped a file: copydesk's own errors
 * (unreadable input, a bad config or house file) say it themselves; a system
 * error says what went wrong by its code; anything else (a bug) gives the first
 * line of its message, never the stack.
 */
export function fatalReason(error: unknown): string {
  if (error instanceof InputError || error instanceof DataError) return firstLine(error.message)
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return SYSTEM_REASONS[code] ?? `Cannot read file (${code})`
  const message = error instanceof Error ? error.message : String(error)
  return `Cannot process file: ${firstLine(message)}`
}

/**
 * Record an error that stopped a file as its fatal message (as unified-engine
 * records a failed file: no rule, `fatal: true`, the error as `cause`, so the
 * command line can tell a bad config from unreadable copy).
 */
export function fatalMessage(file: VFile, error: unknown): VFileMessage {
  // unified-engine and vfile's `fail` throw the message itself: it is already on the file.
  const existing = file.messages.find((message) => message === error)
  if (existing) {
    existing.fatal = true
    return existing
  }
  const cause = error instanceof Error ? error : new Error(String(error))
  const message = file.message(fatalReason(error), {cause})
  message.fatal = true
  return message
}

/** A message without a rule that stopped its file (unreadable, too large, a bad config). */
export function isFatalInputMessage(message: VFileMessage): boolean {
  return message.fatal === true && !message.ruleId
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
  cause?: {name: string; message: string; file?: string; line?: number}
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
            line: cause instanceof DataError ? cause.line : undefined
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
  const error = cause.name === 'InputError' ? new InputError(cause.message) : new Error(cause.message)
  error.name = cause.name
  return error
}

function firstLine(text: string): string {
  const end = text.indexOf('\n')
  return (end === -1 ? text : text.slice(0, end)).trim()
}
