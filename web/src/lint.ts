/**
 * The linter, as the page loads it (a chunk of its own, fetched in parallel with the
 * editor after the first paint): the same rules and knowledge base as the command line.
 * `lintStory` is the page's one call into copydesk's core.
 */
import {lint, loadKnowledge, rules, ruleIds, type Knowledge} from '../../src/index.js'
import {registerHouseFile} from './shims/files.js'
import type {Level, RuleInfo, Warning} from './warning.js'
import type {VFileMessage} from 'vfile-message'

export type Format = 'text' | 'markdown' | 'html'

export interface StoryOptions {
  format: Format
  knowledge: Knowledge
  rules: Record<string, Level>
  /** The story date (YYYY-MM-DD); today when absent. */
  date?: string
  /** The Chinese source, for source-mismatch. */
  source?: string
}

/** Lint a story: its warnings that have a place, in the core's deterministic order. */
export async function lintStory(text: string, options: StoryOptions): Promise<Warning[]> {
  const file = await lint(text, {
    path: options.format === 'markdown' ? 'story.md' : options.format === 'html' ? 'story.html' : 'story.txt',
    knowledge: options.knowledge,
    rules: options.rules,
    date: options.date,
    source: options.source
  })
  return file.messages.filter((message) => message.place && 'start' in message.place).map(toWarning)
}

function toWarning(message: VFileMessage): Warning {
  const place = message.place as {
    start: {line: number; column: number; offset?: number}
    end?: {line: number; column: number; offset?: number}
  }
  const end = place.end ?? place.start
  const from = place.start.offset ?? 0
  // source-mismatch names the source figure's offsets in its message data.
  const range = (message.data as {source?: {start?: unknown; end?: unknown}} | undefined)?.source
  return {
    ruleId: String(message.ruleId),
    reason: message.reason,
    fatal: Boolean(message.fatal),
    from,
    to: Math.max(from, end.offset ?? from),
    line: place.start.line,
    column: place.start.column,
    endLine: end.line,
    endColumn: end.column,
    actual: message.actual,
    expected: message.expected,
    note: message.note,
    source:
      typeof range?.start === 'number' && typeof range.end === 'number'
        ? {start: range.start, end: range.end}
        : undefined
  }
}

/** The knowledge base with the house list on top; a bad house list is reported, not used. */
export function buildKnowledge(house: string): {knowledge: Knowledge; error?: string} {
  if (!house.trim()) return {knowledge: loadKnowledge()}
  try {
    registerHouseFile('/house/house.yaml', house)
    return {knowledge: loadKnowledge([{path: '/house/house.yaml', display: 'house list'}])}
  } catch (error) {
    return {knowledge: loadKnowledge(), error: `The house list was not used: ${(error as Error).message}`}
  }
}

/** Every rule, in the registry's order, with the one-line description its settings row shows. */
export const ruleList: RuleInfo[] = ruleIds.map((id) => ({id, description: rules[id].meta.description}))
