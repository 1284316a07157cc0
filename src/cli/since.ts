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
  const diff = git(root, ['diff', '--no-color', '--no-ext-diff', '--unified=0', '--no-renames', ref, '--'])
  let current: Set<number> | undefined
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = line.slice(4)
      if (target === '/dev/null') {
        current = undefined
        continue
      }
      current = new Set()
      files.set(path.join(root, target.replace(/^b\//, '')), current)
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
  for (const file of files) {
    const filePath = path.resolve(cwd, file.path ?? '')
    file.messages = file.messages.filter((message) => {
      if (keep(message)) return true
      const place = message.place && 'start' in message.place ? message.place : undefined
      const start = place?.start.line ?? message.line ?? 1
      return touchesChange(changes, filePath, start, place?.end.line ?? start)
    })
  }
}
