/**
 * The linter, as the page loads it (a chunk of its own, fetched in parallel with the
 * editor after the first paint): the same rules and knowledge base as the command line.
 * `lintStory` is the page's one call into copydesk's core.
 */
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {lint, type LintSettings} from '../../src/core/lint.js'
import {rules, ruleIds} from '../../src/core/rules.js'
import {loadKnowledge, type Knowledge} from '../../src/knowledge/base.js'
import {registerHouseFile} from './shims/files.js'
import type {Level, RuleInfo, Warning} from './warning.js'

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

/**
 * The page's one call into copydesk's core: the same `lint` as the command line,
 * the archive workers and the language server, on a story named by `path` (its
 * extension picks the format).
 */
export async function lintText(
  text: string,
  path: string,
  settings: LintSettings,
  source?: string
): Promise<VFileMessage[]> {
  const file = new VFile({path, value: text})
  return lint(file, settings, {source: source === undefined ? undefined : {path: 'source', text: source}})
}

/**
 * The settings of the page's options, the same object while they do not change:
 * the core builds a processor per settings object, so a new object on every
 * keystroke would build the whole pipeline again each time.
 */
let lastSettings: {knowledge: Knowledge; rules: string; date?: string; settings: LintSettings} | undefined
function settingsFor(options: StoryOptions): LintSettings {
  const rules = JSON.stringify(options.rules)
  if (
    !lastSettings ||
    lastSettings.knowledge !== options.knowledge ||
    lastSettings.rules !== rules ||
    lastSettings.date !== options.date
  ) {
    const settings = {knowledge: options.knowledge, rules: {...options.rules}, date: options.date}
    lastSettings = {knowledge: options.knowledge, rules, date: options.date, settings}
  }
  return lastSettings.settings
}

/** Lint a story: its warnings that have a place, in the core's deterministic order. */
export async function lintStory(text: string, options: StoryOptions): Promise<Warning[]> {
  const path = options.format === 'markdown' ? 'story.md' : options.format === 'html' ? 'story.html' : 'story.txt'
  const messages = await lintText(text, path, settingsFor(options), options.source)
  return messages.filter((message) => message.place && 'start' in message.place).map(toWarning)
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
