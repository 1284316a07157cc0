/**
 * ## source-mismatch
 *
 * Checks a translation against its Chinese source: every figure, ordinal, date
 * and decade in the source must appear in the English with the same value
 * (3800亿美元 = US$380 billion, 18亿 = 1.8 billion, 近2000家 = nearly 2,000,
 * 第20届 = 20th, 9月9日 = September 9, 20世纪80年代 = the 1980s), and the English
 * must have no figure the source lacks. It runs only when a story has a source:
 * `copydesk --source story.zh.txt story.en.txt`, or `source` in `.copydeskrc`.
 *
 * Why: a translation pipeline that loses its figures writes "US$7 billion" for
 * US$380 billion; no check of the English alone can see that.
 *
 * Alignment is paragraph by paragraph when both texts have the same number of
 * paragraphs, else the whole story. A figure repeated in one language but not
 * in the other is not an error. Silent on: spelled-out small numbers in the
 * English ("the two sides" for 双方), years the English adds for 今年, figures the
 * garbled-numeral rule already reports.
 *
 * ### Examples
 *
 * The examples run with this source:
 * 截至今年7月，中国与东盟双向投资累计超3800亿美元，在东盟设立直接投资企业超6500家。
 *
 * ```text valid
 * As of July, two-way investment exceeded US$380 billion, and more than 6,500 direct investment enterprises had been set up in ASEAN.
 * ```
 *
 * ```text invalid
 * As of July this year, the cumulative two-way investment between China and ASEAN countries exceeded US$7 billion, and more than 3800,6500 direct investment enterprises had been established in ASEAN.
 * ```
 *
 * ```text output
 * 1:100-1:112: Unexpected `US$7 billion`: the source has `3800亿美元` (US$380 billion)
 * ```
 *
 * ```text invalid
 * As of July, two-way investment exceeded US$380 billion, and more than 5,600 enterprises had been set up.
 * ```
 *
 * ```text output
 * 1:71-1:76: Unexpected `5,600`: the source has `6500家` (6,500)
 * ```
 */
import {code, defineRule, type Report, type RuleMeta} from '../src/core/rule.js'
import type {Extraction} from '../src/extract/index.js'
import {extractChineseFigures, type ZhFigure} from '../src/zh/figures.js'
import {formatEnglish} from '../src/zh/numerals.js'
import {ordinalSuffix} from '../src/extract/figures.js'

export const meta: RuleMeta = {
  id: 'source-mismatch',
  description: 'Figures, ordinals, dates and decades that differ between a translation and its Chinese source',
  suggestions: true,
  options: {}
}

declare module 'vfile' {
  interface DataMap {
    /** The story's source text (Chinese), when linted against one. */
    source: {path: string; text: string}
  }
}

const CURRENCY_PREFIX: Record<string, string> = {
  USD: 'US$',
  CNY: '',
  MYR: 'RM',
  EUR: '€',
  GBP: '£',
  JPY: '¥',
  HKD: 'HK$',
  SGD: 'S$'
}
const CURRENCY_SUFFIX: Record<string, string> = {
  CNY: ' yuan',
  MYR: ' ringgit',
  THB: ' baht',
  VND: ' dong',
  IDR: ' rupiah',
  PHP: ' pesos',
  INR: ' rupees',
  KRW: ' won',
  RUB: ' rubles'
}
const MONTHS = [
  '',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december'
]

interface EnglishFigure {
  start: number
  end: number
  value: number
  kind: 'cardinal' | 'percent' | 'ordinal' | 'year'
  currency?: string
  /** Reported by no other rule and worth checking in this direction. */
  checkable: boolean
}

interface Span {
  start: number
  end: number
}

const sourceMismatch = defineRule<Record<string, never>>(meta, (x, _options, report, file) => {
  const source = file.data.source
  if (!source) return
  const year = Number(x.storyDate.date.slice(0, 4))
  const zhAll = extractChineseFigures(source.text, {referenceYear: year})
  const zhParas = paragraphs(source.text)
  const enParas = paragraphs(x.text)
  const pairs: Array<[Span, Span]> =
    zhParas.length === enParas.length
      ? zhParas.map((p, i) => [p, enParas[i]])
      : [
          [
            {start: 0, end: source.text.length},
            {start: 0, end: x.text.length}
          ]
        ]
  for (const [zhSpan, enSpan] of pairs) {
    const zh = zhAll.filter((f) => f.start >= zhSpan.start && f.end <= zhSpan.end)
    checkPair(x, zh, enSpan, report)
  }
})

export default sourceMismatch

/** Paragraphs split at blank lines (or at line breaks when there are no blank lines). */
function paragraphs(text: string): Span[] {
  const separator = /\n[ \t\u3000]*\n/.test(text) ? /\n[ \t\u3000]*\n/g : /\n/g
  const spans: Span[] = []
  let start = 0
  for (const match of text.matchAll(separator)) {
    if (text.slice(start, match.index).trim()) spans.push({start, end: match.index})
    start = match.index + match[0].length
  }
  if (text.slice(start).trim()) spans.push({start, end: text.length})
  return spans
}

function close(a: number, b: number): boolean {
  if (a === b) return true
  const max = Math.max(Math.abs(a), Math.abs(b))
  // Rounding as a translator writes it: 1% for large figures, exact for small counts.
  return max >= 1000 && Math.abs(a - b) <= max * 0.01
}

function checkPair(x: Extraction, zh: ZhFigure[], en: Span, report: Report): void {
  const inside = (start: number) => start >= en.start && start < en.end
  const figures: EnglishFigure[] = []
  const fuzzy: number[] = []
  const dates = x.dates.filter((d) => inside(d.start))
  // The day of a date ("February 10", "10th September") is read as the date, not as a figure.
  const dayTokens = new Set(dates.map((d) => d.dayToken))
  // Every digit group of the English (times "13:09", ISO dates "2023-02-11", garbled
  // numerals) can answer a source figure written the same way.
  for (const t of x.tokens) {
    if (!inside(t.start)) continue
    if (t.kind === 'number' && /[.,:]/.test(t.digits ?? '')) {
      for (const group of (t.digits ?? '').split(/[.,:]/)) if (group) fuzzy.push(Number(group))
    } else if (t.kind === 'word' && /\d/.test(t.text)) {
      // "post-90s", "COVID-19"
      for (const run of t.text.match(/\d+/g) ?? []) fuzzy.push(Number(run))
    }
  }
  // Month and day numbers of English dates and month names ("November 13, 1989").
  for (const d of dates) fuzzy.push(d.month, d.day, ...(d.year ? [d.year] : []))
  for (const f of x.figures) {
    if (!inside(f.start) || f.placeholder || dayTokens.has(f.first)) continue
    if (f.spelled) {
      // "seven products" for 7只: a spelled number answers a source figure, never raises one.
      if (f.value !== null)
        figures.push({start: f.start, end: f.exprEnd, value: f.value, kind: 'cardinal', checkable: false})
      continue
    }
    if (f.value === null) {
      // A garbled numeral ("3800,6500"): its digit groups may still carry source figures.
      for (const group of f.raw.split(/[.,]/)) if (group) fuzzy.push(Number(group))
      continue
    }
    const isYear = !f.percent && !f.currency && !f.magnitude && f.grouping === 'none' && /^[12]\d{3}$/.test(f.raw)
    figures.push({
      start: f.currency ? f.exprStart : f.start,
      end: f.exprEnd,
      value: f.value,
      kind: f.percent ? 'percent' : isYear ? 'year' : 'cardinal',
      currency: f.currency,
      checkable: !isYear && !f.suffixed && (f.value >= 10 || Boolean(f.percent || f.currency || f.magnitude))
    })
  }
  for (const o of x.ordinals)
    if (inside(o.start) && !dayTokens.has(o.token))
      figures.push({start: o.start, end: o.end, value: o.value, kind: 'ordinal', checkable: true})
  const decades = x.decades.filter((d) => inside(d.start))
  const months = new Set<number>()
  for (const t of x.tokens)
    if (inside(t.start) && t.kind === 'word') {
      const m = MONTHS.indexOf(t.lower.replace(/\.$/, ''))
      if (m > 0) months.add(m)
    }
  for (const m of months) fuzzy.push(m)

  const matched = new Set<EnglishFigure>()
  const unmatched: ZhFigure[] = []
  for (const z of zh) {
    // Financial numerals (壹贰叁…) outside formal amounts are words (队伍日益 is not "5th").
    if (/[壹贰貳叁參叄肆伍陆陸柒捌玖拾佰仟]/u.test(z.raw) && z.raw.length < 3) continue
    let hit: EnglishFigure | undefined
    let ok = false
    switch (z.kind) {
      case 'cardinal':
        hit = figures.find(
          (f) => (f.kind === 'cardinal' || f.kind === 'year' || f.kind === 'ordinal') && close(f.value, z.value)
        )
        // "post-90s" for 90后: a decade written from the number.
        // "37 %" with a space reads as a count in the source: an English 37% answers it.
        hit ??= figures.find((f) => f.kind === 'percent' && f.value === z.value)
        ok = Boolean(hit) || fuzzy.includes(z.value) || Boolean(z.word) || decades.some((d) => d.value === z.value)
        break
      case 'percent':
        hit = figures.find((f) => f.kind === 'percent' && close(f.value, z.value))
        ok = Boolean(hit)
        break
      case 'ordinal':
        hit = figures.find((f) => (f.kind === 'ordinal' || f.kind === 'cardinal') && f.value === z.value)
        // A century (20世纪) is written "20th century" or as part of a decade.
        ok = Boolean(hit) || Boolean(z.word) || (z.unit === '世纪' && decades.length > 0)
        break
      case 'year':
        hit = figures.find((f) => f.value === z.value)
        ok = Boolean(hit)
        break
      case 'date':
        if (z.month !== undefined && z.day !== undefined) ok = dates.some((d) => d.month === z.month && d.day === z.day)
        else if (z.month !== undefined) ok = months.has(z.month) || dates.some((d) => d.month === z.month)
        else if (z.day !== undefined) ok = dates.some((d) => d.day === z.day) || figures.some((f) => f.value === z.day)
        else ok = true
        if (!ok && z.year !== undefined) hit = undefined
        break
      case 'decade':
        ok = decades.some((d) => d.value === z.value || d.value % 100 === z.value % 100)
        break
    }
    if (hit) matched.add(hit)
    if (!ok) unmatched.push(z)
  }

  // English figures the source does not have; point each at a lost source figure of its kind.
  const explained = new Set<ZhFigure>()
  for (const f of figures) {
    if (!f.checkable || matched.has(f) || f.kind === 'year') continue
    if (
      zh.some((z) => (z.kind === 'cardinal' || z.kind === 'percent' || z.kind === 'ordinal') && close(z.value, f.value))
    )
      continue
    // "on the 11th" for 11日: a day of the month.
    if (zh.some((z) => z.kind === 'date' && (z.day === f.value || z.month === f.value || z.year === f.value))) continue
    const actual = x.text.slice(f.start, f.end)
    const candidate = unmatched.find((z) => !explained.has(z) && sameKind(z, f))
    if (candidate) {
      explained.add(candidate)
      const expected = englishForms(candidate)
      report(f.start, f.end, `Unexpected ${code(actual)}: the source has ${code(candidate.raw)} (${expected[0]})`, {
        actual,
        expected,
        note: `The Chinese source gives ${candidate.raw}${candidate.approx ? ` (${candidate.approx})` : ''}, which is ${expected[0]} in English; the translation has ${actual}.`,
        data: {source: {start: candidate.start, end: candidate.end}}
      })
    } else {
      report(f.start, f.end, `Unexpected ${code(actual)}: the source has no such figure`, {
        actual,
        note: 'No figure of this value stands in the matching part of the Chinese source; check the translation against it.'
      })
    }
  }
  // Source figures the translation lost.
  const anchor = x.tokens.find((t) => t.start >= en.start && t.kind !== 'barrier')
  if (!anchor) return
  for (const z of unmatched) {
    // Small counts are often words or articles in English ("a", "both", "the first").
    if (explained.has(z) || z.word || (z.kind === 'cardinal' && z.value < 10 && !z.currency)) continue
    const forms = englishForms(z)
    report(
      anchor.start,
      anchor.end,
      `Missing figure: the source's ${code(z.raw)} (${forms[0]}) is not in the translation`,
      {
        note: `The Chinese source gives ${z.raw}; no figure of that value stands in the matching English${forms.length > 1 ? ` (it may be written ${forms.slice(0, 3).join(', ')})` : ''}.`,
        data: {source: {start: z.start, end: z.end}}
      }
    )
  }
}

function sameKind(z: ZhFigure, f: EnglishFigure): boolean {
  if (z.kind === 'percent') return f.kind === 'percent'
  if (z.kind === 'ordinal') return f.kind === 'ordinal'
  if (z.kind !== 'cardinal' || f.kind !== 'cardinal') return false
  // A currency figure stands for a currency figure.
  if (z.currency || f.currency) return Boolean(z.currency && f.currency)
  return true
}

/** How the source figure reads in English: "US$380 billion", "6,500", "18%", "20th". */
function englishForms(z: ZhFigure): string[] {
  if (z.kind === 'percent') return [`${z.value}${z.points ? ' percentage points' : '%'}`]
  if (z.kind === 'ordinal') return [`${z.value}${ordinalSuffix(z.value)}`]
  if (z.kind === 'decade') return [`the ${z.value}s`]
  if (z.kind === 'date' || z.kind === 'year') return [z.raw]
  const forms = formatEnglish(z.value)
  const prefix = z.currency ? (CURRENCY_PREFIX[z.currency] ?? '') : ''
  const after = z.currency ? (CURRENCY_SUFFIX[z.currency] ?? '') : ''
  return forms.map((f) => `${prefix}${f}${prefix ? '' : after}`)
}
