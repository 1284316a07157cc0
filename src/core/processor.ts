/**
 * The copydesk processor: one parser for every format, the knowledge base on
 * each file, then the rules, each at its configured severity.
 */
import {unified, type Processor} from 'unified'
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {copydeskParse, type Format} from './parse.js'
import type {Knowledge} from '../knowledge/base.js'
import type {CopydeskContext} from '../extract/index.js'
import {rules, type RuleId} from './rules.js'
import {copydeskControl, type Allowed} from './control.js'
import {docsUrl} from './rule.js'

export type Severity = 'off' | 'warn' | 'error'
export type RuleSetting = Severity | [Severity, Record<string, unknown>?]

export interface ProcessorOptions {
  /** The knowledge base; without one, the built-in knowledge (loaded on first use). */
  knowledge?: Knowledge
  /** Story date (YYYY-MM-DD); else the dateline, else today. */
  date?: string
  /** Today (YYYY-MM-DD), for tests. */
  today?: string
  /** Format for files whose extension does not say. */
  format?: Format
  /** Severity and options per rule id; rules not named are on at `warn`. */
  rules?: Partial<Record<RuleId, RuleSetting>>
  /** Accepted phrases: no message inside them. */
  allow?: Allowed[]
  /** Largest story, in characters (default 16 MiB); a larger one is refused. */
  maxSize?: number
  /** Base of the documentation links on messages (`url`); default DEFAULT_DOCS in rule.ts. */
  docs?: string
  /**
   * Keep the nlcst tree, its nodes placed in the file (default true), for
   * plugins added to the processor that read it. The lint path, which adds
   * none, turns it off: its tree is then a root without children, and
   * copydesk's rules read the prose and its sentence spans.
   */
  keepTree?: boolean
}

/** Point each rule's messages at its documentation under the configured base. */
function copydeskDocs(base: string) {
  return function (_tree: Root, file: VFile) {
    for (const message of file.messages) {
      if (message.source === 'copydesk' && message.ruleId && message.ruleId in rules && message.url)
        message.url = docsUrl(message.ruleId, base)
    }
  }
}

/** Put the knowledge base and dates on every file before the rules run. */
function copydeskContext(options: CopydeskContext) {
  return function (_tree: Root, file: VFile) {
    file.data.copydesk = options
  }
}

export function createProcessor(options: ProcessorOptions): Processor<Root, Root, Root, undefined, undefined> {
  const processor = unified()
    .use(copydeskParse, {format: options.format, maxSize: options.maxSize, keepTree: options.keepTree ?? true})
    .use(copydeskContext, {
      knowledge: options.knowledge,
      date: options.date,
      today: options.today
    }) as unknown as Processor<Root, Root, Root, undefined, undefined>
  for (const [id, plugin] of Object.entries(rules) as Array<[RuleId, (typeof rules)[RuleId]]>) {
    const setting = options.rules?.[id] ?? 'warn'
    const [severity, ruleOptions] = Array.isArray(setting) ? setting : [setting, undefined]
    if (severity === 'off') continue
    processor.use(plugin as never, [severity, ruleOptions] as never)
  }
  // Suppression comments and accepted phrases, after every rule has spoken.
  processor.use(copydeskControl as never, {allow: options.allow} as never)
  if (options.docs !== undefined) processor.use(copydeskDocs as never, options.docs as never)
  return processor
}
