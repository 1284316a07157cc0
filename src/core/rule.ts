/**
 * What every rule shares: metadata beside the logic (as in ESLint), option
 * checking before a rule runs, and one way to emit a message on a prose range.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {lintRule} from 'unified-lint-rule'
import {extraction, type Extraction} from '../extract/index.js'

/**
 * Where the rules' documentation is when nothing else is configured:
 * docs/rules.md of the published package, through jsDelivr's mirror of the npm
 * registry. A report names the same page on every machine (never a path on the
 * machine that linted), and it works for anyone who reads the report, which a
 * `file://` link to the installed package does not. There is no public home for
 * the project yet; when there is one, its rules page belongs here. `docs` in
 * `.copydeskrc` or `--docs` replaces it (see README, "Documentation links").
 */
export const DEFAULT_DOCS = 'https://cdn.jsdelivr.net/npm/copydesk/docs/rules.md'

/**
 * A rule's documentation under a base: `{id}` in the base is replaced by the
 * rule id (a page per rule), otherwise the id is the fragment (one page).
 */
export function docsUrl(id: string, base: string = DEFAULT_DOCS): string {
  if (base.includes('{id}')) return base.replaceAll('{id}', id)
  const hash = base.indexOf('#')
  return (hash === -1 ? base : base.slice(0, hash)) + '#' + id
}

/**
 * What is wrong with a documentation base, if anything: it must be an absolute
 * http(s) or file URL (SARIF's `helpUri` must be absolute, and a relative path
 * would mean something different on every machine that opens the report).
 */
export function docsBaseProblem(base: unknown): string | undefined {
  const example = 'such as https://example.org/copydesk/rules.md or https://example.org/rules/{id}.html'
  if (typeof base !== 'string' || base === '') return `must be an absolute URL, ${example}`
  let url: URL
  try {
    url = new URL(base.replaceAll('{id}', 'id'))
  } catch {
    return `must be an absolute URL, ${example}, not \`${base}\``
  }
  if (!['https:', 'http:', 'file:'].includes(url.protocol))
    return `must be an http, https or file URL, ${example}, not \`${base}\``
  return undefined
}

export type OptionType = 'boolean' | 'number' | 'string' | 'string[]'

export interface OptionSpec {
  type: OptionType
  description: string
  default: unknown
  /** For numbers: the smallest allowed value. */
  min?: number
}

export interface RuleMeta {
  id: string
  description: string
  /** Whether messages carry `expected` replacements (quick fixes). */
  suggestions: boolean
  options: Record<string, OptionSpec>
}

export interface Related {
  start: {line: number; column: number; offset: number}
  end: {line: number; column: number; offset: number}
  message: string
}

declare module 'vfile-message' {
  interface VFileMessage {
    /** Earlier mentions a message points back to (Vale's `cause`, with places). */
    related?: Related[]
    /** Rule-specific facts for tools (as LSP's `Diagnostic.data`), e.g. source-mismatch's source offsets. */
    data?: Record<string, unknown>
  }
}

export class OptionError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'OptionError'
  }
}

/** Check options against a rule's schema; unknown keys and wrong types are errors. */
export function checkOptions(meta: RuleMeta, options: unknown, where = `rule \`${meta.id}\``): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const [key, spec] of Object.entries(meta.options)) result[key] = spec.default
  if (options === undefined || options === null) return result
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new OptionError(`${where}: options must be a mapping, not \`${JSON.stringify(options)}\``)
  }
  for (const [key, value] of Object.entries(options as Record<string, unknown>)) {
    const spec = meta.options[key]
    if (!spec) {
      const known = Object.keys(meta.options)
      throw new OptionError(
        `${where}: unknown option \`${key}\`` +
          (known.length ? ` (expected one of ${known.map((k) => `\`${k}\``).join(', ')})` : ' (it takes no options)')
      )
    }
    const ok =
      spec.type === 'string[]'
        ? Array.isArray(value) && value.every((v) => typeof v === 'string')
        : typeof value === spec.type && (spec.type !== 'number' || Number.isFinite(value))
    if (!ok)
      throw new OptionError(
        `${where}: option \`${key}\` must be a ${spec.type === 'string[]' ? 'list of strings' : spec.type}, not \`${JSON.stringify(value)}\``
      )
    if (spec.type === 'number' && spec.min !== undefined && (value as number) < spec.min) {
      throw new OptionError(`${where}: option \`${key}\` must be at least ${spec.min}, not ${value as number}`)
    }
    result[key] = value
  }
  return result
}

/**
 * Options checked once per options object, not once per file: a run over an
 * archive hands every file the same (frozen) settings. The result is not
 * shared with callers that could change it: rules only read their options.
 */
const checkedByOptions = new WeakMap<RuleMeta, WeakMap<object, Record<string, unknown>>>()
const defaultsByRule = new WeakMap<RuleMeta, Record<string, unknown>>()
function checkedOptions(meta: RuleMeta, options: unknown): Record<string, unknown> {
  if (options === undefined || options === null) {
    let defaults = defaultsByRule.get(meta)
    if (!defaults) defaultsByRule.set(meta, (defaults = checkOptions(meta, options)))
    return defaults
  }
  if (typeof options !== 'object') return checkOptions(meta, options)
  let byOptions = checkedByOptions.get(meta)
  if (!byOptions) checkedByOptions.set(meta, (byOptions = new WeakMap()))
  let checked = byOptions.get(options)
  if (!checked) byOptions.set(options, (checked = checkOptions(meta, options)))
  return checked
}

export interface ReportExtra {
  actual?: string
  expected?: string[]
  note?: string
  related?: Array<{start: number; end: number; message: string}>
  data?: Record<string, unknown>
}

export type Report = (start: number, end: number, reason: string, extra?: ReportExtra) => void

/** Build a unified-lint-rule plugin from a rule's metadata and check function. */
export function defineRule<Options extends Record<string, unknown>>(
  meta: RuleMeta,
  check: (x: Extraction, options: Options, report: Report, file: VFile) => void
) {
  const plugin = lintRule<Root, Options | undefined>(
    {origin: `copydesk:${meta.id}`, url: docsUrl(meta.id)},
    (tree, file, rawOptions) => {
      const options = checkedOptions(meta, rawOptions) as Options
      const x = extraction(file, tree)
      const report: Report = (start, end, reason, extra = {}) => {
        const place = x.place(start, end)
        const message = file.message(readable(reason), {place})
        // A long note is shortened as the reason is; `actual` and `expected` stay exact (a quick fix replaces the span).
        if (extra.note) extra = {...extra, note: readable(extra.note)}
        if (extra.actual !== undefined) message.actual = extra.actual
        if (extra.expected) message.expected = extra.expected
        if (extra.note) message.note = extra.note
        if (extra.data) message.data = extra.data
        if (extra.related)
          message.related = extra.related.map((r) => ({...x.place(r.start, r.end), message: r.message}))
      }
      check(x, options, report, file)
    }
  )
  return Object.assign(plugin, {meta})
}

/**
 * The longest quotation of the copy a message gives whole, in characters. Past
 * it, a quotation keeps its start and end around an ellipsis: an editor reads
 * it at a glance, and a message about a 400 KB run of `1,1,1,…` stays a line
 * (the span itself is the message's range and its `actual`).
 */
export const QUOTE_LIMIT = 80

/** Characters kept from the end of a shortened quotation. */
const QUOTE_TAIL = 20

/** The longest reason or note, in characters, once its quotations are shortened. */
export const REASON_LIMIT = 1000

/** `value` in backticks, as messages quote the copy: white space as single spaces, long runs shortened. */
export function code(value: string): string {
  return '`' + quote(value) + '`'
}

/** Copy as a message quotes it: white space as single spaces; past {@link QUOTE_LIMIT}, start…end. */
export function quote(value: string): string {
  if (value.length <= QUOTE_LIMIT * 4) {
    const collapsed = collapse(value)
    return collapsed.length <= QUOTE_LIMIT ? collapsed : cut(collapsed, collapsed)
  }
  // Only the ends are read: a long span costs no more than a short one.
  return cut(collapse(value.slice(0, QUOTE_LIMIT * 2)), collapse(value.slice(-QUOTE_LIMIT * 2)))
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ')
}

/** The start of `head` and the end of `tail`, around an ellipsis, never splitting a surrogate pair. */
function cut(head: string, tail: string): string {
  let start = head.slice(0, QUOTE_LIMIT - QUOTE_TAIL - 1)
  let end = tail.slice(-QUOTE_TAIL)
  if (/[\uD800-\uDBFF]$/.test(start)) start = start.slice(0, -1)
  if (/^[\uDC00-\uDFFF]/.test(end)) end = end.slice(1)
  return start.trimEnd() + '…' + end.trimStart()
}

/**
 * A reason or note as a report shows it: any quotation longer than
 * {@link QUOTE_LIMIT} shortened (for a rule that quotes without `code`), and
 * the whole at most {@link REASON_LIMIT} characters.
 */
export function readable(text: string): string {
  if (text.length <= QUOTE_LIMIT + 2) return text
  let result = ''
  let from = 0
  for (;;) {
    const open = text.indexOf('`', from)
    const close = open === -1 ? -1 : text.indexOf('`', open + 1)
    if (close === -1) break
    const inner = text.slice(open + 1, close)
    result += text.slice(from, open) + (inner.length > QUOTE_LIMIT ? code(inner) : '`' + inner + '`')
    from = close + 1
  }
  result += text.slice(from)
  if (result.length <= REASON_LIMIT) return result
  return result.slice(0, REASON_LIMIT - 1).replace(/[\uD800-\uDBFF]$/, '') + '…'
}
