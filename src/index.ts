/**
 * copydesk's programmatic interface: lint a story and get vfile messages.
 */
import {VFile} from 'vfile'
import type {ProcessorOptions} from './core/processor.js'
import {lint as lintFile, type LintSettings} from './core/lint.js'
import {isFatalInputMessage} from './core/messages.js'
import {loadKnowledge} from './knowledge/base.js'

export {createProcessor, type ProcessorOptions, type RuleSetting, type Severity} from './core/processor.js'
export {loadKnowledge, Knowledge} from './knowledge/base.js'
export {rules, ruleIds, type RuleId} from './core/rules.js'
export {sortMessages} from './core/messages.js'
export {lint as lintFile, type LintSettings} from './core/lint.js'

export interface LintOptions extends Partial<ProcessorOptions> {
  /** File path (its extension picks the format: .md, .html, else plain text). */
  path?: string
  /** The story's Chinese source, for the source-mismatch rule. */
  source?: string
}

/**
 * Lint one story; resolves to the file with its messages, sorted by place.
 * Rejects with the error when the story cannot be linted (binary, too large).
 */
/**
 * The settings of an options object, made again only when one of its fields
 * changed: the processor is cached by settings (src/core/lint.ts), so a caller
 * linting many stories with one options object builds it once.
 */
const settingsByOptions = new WeakMap<LintOptions, {fields: unknown[]; settings: LintSettings}>()
function settingsOf(options: LintOptions): LintSettings {
  const keys = Object.keys(options).filter((key) => key !== 'path' && key !== 'source') as Array<keyof LintOptions>
  const fields = keys.flatMap((key) => [key, options[key]])
  const cached = settingsByOptions.get(options)
  if (cached && cached.fields.length === fields.length && cached.fields.every((field, i) => field === fields[i])) {
    return cached.settings
  }
  const rest: Partial<LintSettings> = {}
  for (const key of keys) (rest as Record<string, unknown>)[key] = options[key]
  const settings = {...rest, knowledge: rest.knowledge ?? loadKnowledge()} as LintSettings
  settingsByOptions.set(options, {fields, settings})
  return settings
}

export async function lint(value: string, options: LintOptions = {}): Promise<VFile> {
  const {path, source} = options
  const file = new VFile({value, path: path ?? 'story.txt'})
  await lintFile(file, settingsOf(options), {
    source: source === undefined ? undefined : {path: 'source', text: source}
  })
  const failure = file.messages.find(isFatalInputMessage)
  if (failure) throw failure.cause ?? new Error(failure.reason)
  return file
}
