/**
 * copydesk's rules as retext plugins, for any unified pipeline that gives an
 * nlcst tree: plain text through `retext-english`, Markdown through
 * `remark-retext`, HTML through `rehype-retext`.
 *
 * ```js
 * import {unified} from 'unified'
 * import retextEnglish from 'retext-english'
 * import retextStringify from 'retext-stringify'
 * import copydesk, {garbledNumeral} from 'copydesk/retext'
 *
 * unified().use(retextEnglish).use(copydesk).use(retextStringify)
 * unified().use(retextEnglish).use(garbledNumeral).use(retextStringify)
 * ```
 *
 * Each rule builds what it needs from the tree and the file when copydesk's own
 * parser did not run (src/extract/index.ts), and reads the built-in knowledge
 * base, loaded on first use. The preset takes what a `.copydeskrc` takes for
 * rules, the story date and house knowledge files.
 */
import path from 'node:path'
import type {Root} from 'nlcst'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {checkRuleId, checkSetting, isDate} from './config/config.js'
import type {RuleSetting} from './core/processor.js'
import {rules, ruleIds, type RuleId} from './core/rules.js'
import {Knowledge, loadKnowledge} from './knowledge/base.js'

export {rules, ruleIds, type RuleId, type RuleSetting, Knowledge, loadKnowledge}

/** Each rule on its own, by its id in camel case (`garbled-numeral` is `garbledNumeral`). */
export const garbledNumeral = rules['garbled-numeral']
export const impossibleFigure = rules['impossible-figure']
export const malformedOrdinal = rules['malformed-ordinal']
export const nameMismatch = rules['name-mismatch']
export const sourceMismatch = rules['source-mismatch']
export const figureArithmetic = rules['figure-arithmetic']
export const figureConsistency = rules['figure-consistency']
export const dateConsistency = rules['date-consistency']

export interface Options {
  /** Severity and options per rule id, as in `.copydeskrc`; rules not named are on at `warn`. */
  rules?: Partial<Record<RuleId, RuleSetting>>
  /** The story date (YYYY-MM-DD); else the dateline, else today. */
  date?: string
  /** Today (YYYY-MM-DD), for reproducible runs; else the clock. */
  today?: string
  /**
   * House knowledge: files (YAML or JSON, paths from the working folder) merged
   * over the built-in knowledge base, or a knowledge base from `loadKnowledge`.
   */
  knowledge?: string[] | Knowledge
}

type Next = (error?: Error) => void
type RuleTransformer = (tree: Root, file: VFile, next: Next) => void

const OPTION_KEYS = new Set(['rules', 'date', 'today', 'knowledge'])

/**
 * All of copydesk's rules in one plugin. Options are checked when the pipeline
 * is built (an unknown rule, severity or option is an error naming it); the
 * knowledge base is read when the first file is checked.
 */
export default function copydesk(this: Processor, options: Options = {}) {
  const settings = checkPresetOptions(options)
  const transformers: RuleTransformer[] = []
  for (const id of ruleIds) {
    const setting = settings.rules[id] ?? 'warn'
    const [severity, ruleOptions] = Array.isArray(setting) ? setting : [setting, undefined]
    if (severity === 'off') continue
    const transformer = (rules[id] as unknown as (config: unknown) => RuleTransformer | undefined).call(this, [
      severity,
      ruleOptions
    ])
    if (transformer) transformers.push(transformer)
  }
  let knowledge = options.knowledge instanceof Knowledge ? options.knowledge : undefined
  const houseFiles = Array.isArray(options.knowledge) ? options.knowledge : []

  return function (tree: Root, file: VFile, next: Next) {
    knowledge ??= loadKnowledge(houseFiles.map((file) => ({path: path.resolve(file), display: file})))
    file.data.copydesk = {knowledge, date: settings.date, today: settings.today}
    let index = 0
    const step: Next = (error) => {
      if (error || index === transformers.length) next(error)
      else transformers[index++](tree, file, step)
    }
    step()
  }
}

function checkPresetOptions(options: Options): {
  rules: Partial<Record<RuleId, RuleSetting>>
  date?: string
  today?: string
} {
  const fail = (message: string): never => {
    throw new Error(`copydesk: ${message}`)
  }
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    fail(`options must be an object (rules, date, today, knowledge), not \`${JSON.stringify(options)}\``)
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.has(key)) fail(`unknown option \`${key}\` (expected rules, date, today or knowledge)`)
  }
  const checked: Partial<Record<RuleId, RuleSetting>> = {}
  if (options.rules !== undefined) {
    if (options.rules === null || typeof options.rules !== 'object' || Array.isArray(options.rules)) {
      fail('`rules` must map rule ids to a severity or [severity, options]')
    }
    for (const [id, setting] of Object.entries(options.rules)) {
      const ruleId = checkRuleId(id, fail)
      checked[ruleId] = checkSetting(ruleId, setting, fail)
    }
  }
  for (const key of ['date', 'today'] as const) {
    const value = options[key]
    if (value !== undefined && (typeof value !== 'string' || !isDate(value))) {
      fail(`\`${key}\` must be a date as YYYY-MM-DD, not \`${JSON.stringify(value)}\``)
    }
  }
  const knowledge = options.knowledge
  if (
    knowledge !== undefined &&
    !(knowledge instanceof Knowledge) &&
    !(Array.isArray(knowledge) && knowledge.every((file) => typeof file === 'string'))
  ) {
    fail('`knowledge` must be a list of house knowledge files or a knowledge base from `loadKnowledge`')
  }
  return {rules: checked, date: options.date, today: options.today}
}
