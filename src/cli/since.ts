/**
 * Changed-lines mode (`--since <ref>`): which lines of which files differ from
 * a git revision (committed, staged or not, and untracked files), so that a
 * pull request is judged on what it changes, not on an old story's known issues.
 */
import {execFileSync} from 'node:child_process'
import path from 'node:path'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

export class GitError extends Error {}

export interface Changes {
  /** Absolute path -> changed line numbers (1-based), or 'all' for a new file. */
  files: Map<string, Set<number> | 'all'>
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', ['-c', 'core.quotepath=off', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'pipe']
  })
}

export function changedLines(cwd: string, ref: string): Changes {
  let root: string
  try {
    root = git(cwd, ['rev-parse', '--show-toplevel']).trim()
  } catch {
    throw new GitError(`--since needs a git repository, and ${cwd} is not in one`)
  }
  if (ref.startsWith('-')) throw new GitError(`--since: \`${ref}\` is not a revision`)
  try {
    git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
  } catch {
    throw new GitError(`--since: unknown revision \`${ref}\``)
  }
  const files = new Map<string, Set<number> | 'all'>()
  // Explicit prefixes: a user's diff.noprefix or diff.mnemonicPrefix must not change the headers.
  const diff = git(root, [
    'diff',
    '--no-color',
    '--no-ext-diff',
    '--unified=0',
    '--no-renames',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    ref,
    '--'
  ])
  let current: Set<number> | undefined
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = diffHeaderPath(line.slice(4))
      if (target === undefined) {
        current = undefined
        continue
      }
      current = new Set()
      files.set(path.join(root, target), current)
    } else if (line.startsWith('@@') && current) {
      const match = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line)
      if (!match) continue
      const start = Number(match[1])
      const count = match[2] === undefined ? 1 : Number(match[2])
      for (let n = start; n < start + count; n++) current.add(n)
    }
  }
  for (const name of git(root, ['ls-files', '--others', '--exclude-standard', '-z']).split('\0')) {
    if (name) files.set(path.join(root, name), 'all')
  }
  return {files}
}

/**
 * The path in a `+++ b/<path>` header, as git writes it: a name with a space
 * ends with a tab; a name with a quote, a backslash or a control character is
 * C-quoted (`"b/quo\\"te.txt"`, octal escapes for raw bytes). Undefined for
 * `/dev/null` (a deleted file).
 */
export function diffHeaderPath(header: string): string | undefined {
  if (header === '/dev/null') return undefined
  const name = header.startsWith('"') ? unquoteC(header) : header.replace(/\t$/, '')
  return name.replace(/^b\//, '')
}

const ESCAPES: Record<string, number> = {a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92}

/** Undo git's C-style quoting of a path; escaped bytes are decoded as UTF-8. */
function unquoteC(quoted: string): string {
  const bytes: number[] = []
  const end = quoted.endsWith('"') && quoted.length > 1 ? quoted.length - 1 : quoted.length
  for (let i = 1; i < end; i++) {
    const char = quoted[i]
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'))
      continue
    }
    const next = quoted[i + 1] ?? ''
    if (/[0-7]/.test(next)) {
      const octal = /^[0-7]{1,3}/.exec(quoted.slice(i + 1, i + 4))![0]
      bytes.push(parseInt(octal, 8))
      i += octal.length
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0))
      i++
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

/** Whether a message on lines [start, end] of `file` touches a changed line. */
export function touchesChange(changes: Changes, file: string, start: number, end: number): boolean {
  const lines = changes.files.get(path.resolve(file))
  if (!lines) return false
  if (lines === 'all') return true
  for (let n = start; n <= end; n++) if (lines.has(n)) return true
  return false
}

/**
 * Keep only the messages on lines changed against `ref` (`--since`); messages
 * that are not about the copy (`keep`: a file that could not be read) stay.
 * Throws a GitError outside a repository or for an unknown revision.
 */
export function keepChangedLines(
  files: VFile[],
  cwd: string,
  ref: string,
  keep: (message: VFileMessage) => boolean
): void {
  const changes = changedLines(cwd, ref)
  for (const file of files) keepChangedLinesOf(file, changes, cwd, keep)
}

/** `keepChangedLines` for one file, with the changes already read (a run that reports each file as it is done). */
export function keepChangedLinesOf(
  file: VFile,
  changes: Changes,
  cwd: string,
  keep: (message: VFileMessage) => boolean
): void {
  const filePath = path.resolve(cwd, file.path ?? '')
  file.messages = file.messages.filter((message) => {
    if (keep(message)) return true
    const place = message.place && 'start' in message.place ? message.place : undefined
    const start = place?.start.line ?? message.line ?? 1
    return touchesChange(changes, filePath, start, place?.end.line ?? start)
  })
}
