import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {lint, loadKnowledge, type LintOptions} from '../src/index.js'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const knowledge = loadKnowledge()

/** Lint with the built-in knowledge and a fixed "today", so results do not change with the clock. */
export async function lintText(text: string, options: LintOptions = {}) {
  return lint(text, {knowledge, today: '2026-11-29', ...options})
}

/** Messages as `line:col-line:col: reason` lines, as the rule docs write them. */
export function outputLines(file: Awaited<ReturnType<typeof lintText>>, ruleId?: string): string[] {
  return file.messages
    .filter((m) => !ruleId || m.ruleId === ruleId)
    .map((m) => {
      const place = m.place && 'start' in m.place ? m.place : undefined
      return `${place?.start.line}:${place?.start.column}-${place?.end.line}:${place?.end.column}: ${m.reason}`
    })
}

export function read(relative: string): string {
  return fs.readFileSync(path.join(root, relative), 'utf8')
}
