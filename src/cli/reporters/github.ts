/**
 * GitHub Actions workflow commands: one `::error`, `::warning` or `::notice`
 * line per message, which the runner turns into annotations on the file.
 *
 *   ::warning file=story.txt,line=1,endLine=1,col=109,endColumn=119,title=copydesk impossible-figure::reason%0Anote%0ASuggestion: `2.1 billion`
 *
 * Columns are 1-based with an exclusive end, as in vfile. They are left out
 * when a message spans lines: GitHub takes columns only on a one-line range.
 * Messages without a known rule id (a file that could not be read) become
 * `::error file=…::reason`.
 */
import path from 'node:path'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {fatalReason} from '../../core/messages.js'
import {rules} from '../../core/rules.js'

export interface GithubOptions {
  /** Folder that file paths are made relative to (default: `process.cwd()`). */
  cwd?: string
}

export function formatGithub(files: VFile[], options: GithubOptions = {}): string {
  const cwd = path.resolve(options.cwd ?? process.cwd())
  const lines: string[] = []
  for (const file of files) {
    const filePath = file.path
      ? path.relative(cwd, path.resolve(file.cwd, file.path)).split(path.sep).join('/')
      : undefined
    for (const message of file.messages) lines.push(command(message, filePath))
  }
  return lines.join('\n')
}

function command(message: VFileMessage, filePath: string | undefined): string {
  const name = message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'notice'
  const known = typeof message.ruleId === 'string' && Object.hasOwn(rules, message.ruleId)
  const properties: Array<[string, string | number]> = []
  if (filePath !== undefined) properties.push(['file', filePath])

  if (!known) {
    // The one-line reason of the error, never a system error's own message (it names the absolute path).
    const reason = !message.ruleId && message.cause instanceof Error ? fatalReason(message.cause) : message.reason
    return `::${name}${formatProperties(properties)}::${escapeData(reason)}`
  }

  const place = message.place
  const start = place && 'start' in place ? place.start : place
  const end = place && 'start' in place ? place.end : undefined
  if (start?.line) {
    properties.push(['line', start.line])
    if (end?.line) properties.push(['endLine', end.line])
    const oneLine = !end || end.line === start.line
    if (oneLine && start.column) {
      properties.push(['col', start.column])
      if (end?.column) properties.push(['endColumn', end.column])
    }
  }
  properties.push(['title', `copydesk ${message.ruleId}`])

  const body = [message.reason]
  if (message.note) body.push(message.note)
  const expected = message.expected ?? []
  if (expected.length > 0) {
    body.push(
      `${expected.length === 1 ? 'Suggestion' : 'Suggestions'}: ${expected.map((e) => '`' + e + '`').join(', ')}`
    )
  }
  return `::${name}${formatProperties(properties)}::${body.map(escapeData).join('%0A')}`
}

function formatProperties(properties: Array<[string, string | number]>): string {
  if (properties.length === 0) return ''
  return ' ' + properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',')
}

/** Escaping of a command's message, as @actions/core does it. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escaping of a command's property values: as data, plus `:` and `,`. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
