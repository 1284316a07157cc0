/**
 * What the cross-checks (figure-arithmetic, figure-consistency, date-consistency)
 * read off the one extraction: the values a figure as written allows (its
 * rounding and its approximator), whether a figure is a year or part of a date,
 * the token range of each sentence, and phrase matching on tokens.
 *
 * Everything here is computed from the tokens and figures already extracted
 * (once per file, cached beside the extraction); nothing reads the text for
 * numbers a second time.
 */
import type {Extraction} from './index.js'
import type {DateMention, Figure} from './figures.js'
import type {NameChain} from './names.js'

/** A closed range of values; `hi` may be Infinity ("more than 2,000"). */
export interface Range {
  lo: number
  hi: number
}

/** What an approximator before a figure says about the true value. */
export type Bound = 'exact' | 'at-least' | 'nearly' | 'at-most' | 'about'

/**
 * How a figure is read:
 * - `written`: to its last written digit ("200 million" is 199.5 to 200.5 million),
 *   as an editor checks the arithmetic of the copy's own figures;
 * - `rounded`: a round figure may stand for a rounded value ("2,000" for 1,600 to 2,400),
 *   as when two statements of one count are compared.
 */
export type Reading = 'written' | 'rounded'

export interface Quantities {
  /** Usable figures (a value, not a placeholder, not part of a date), in order. */
  figures: Figure[]
  /** Figures by the token that starts them, approximator words included. */
  byLead: Map<number, Figure>
  /** Figures by their last expression token. */
  byLast: Map<number, Figure>
  /** The first token of each figure, approximator words included. */
  leadOf: Map<Figure, number>
  /** Tokens that belong to a date ("September 9, 2023"). */
  dateTokens: Set<number>
  /** First and last token of the sentence of each token. */
  sentenceFirst: Int32Array
  sentenceLast: Int32Array
  /** The usable figures, dates and name chains of the sentence of token `i`, in order. */
  figuresIn(i: number): Figure[]
  datesIn(i: number): DateMention[]
  chainsIn(i: number): NameChain[]
  /** The chain starting at token `i`, and the chain holding token `i`. */
  chainAt: Map<number, NameChain>
  chainHolding(i: number): NameChain | undefined
  /** Whether token `i` belongs to a person mention. */
  inPerson(i: number): boolean
}

const cache = new WeakMap<Extraction, Quantities>()

export function quantities(x: Extraction): Quantities {
  const cached = cache.get(x)
  if (cached) return cached
  const {tokens} = x
  const dateTokens = new Set<number>()
  for (const date of x.dates) {
    const first = x.tokenAt(date.start)
    for (let i = first; i < tokens.length && tokens[i].start < date.end; i++) dateTokens.add(i)
  }
  const figures: Figure[] = []
  const byLead = new Map<number, Figure>()
  const byLast = new Map<number, Figure>()
  const leadOf = new Map<Figure, number>()
  for (const figure of x.figures) {
    if (figure.value === null || figure.placeholder || figure.suffixed) continue
    if (dateTokens.has(figure.first)) continue
    const lead = figure.exprFirst - (figure.approx ? figure.approx.split(' ').length : 0)
    figures.push(figure)
    byLead.set(lead, figure)
    byLast.set(figure.exprLast, figure)
    leadOf.set(figure, lead)
  }
  const n = tokens.length
  const sentenceFirst = new Int32Array(n)
  const sentenceLast = new Int32Array(n)
  let from = 0
  for (let i = 0; i <= n; i++) {
    if (i === n || (i > from && x.tokenSentence[i] !== x.tokenSentence[from])) {
      for (let k = from; k < i; k++) {
        sentenceFirst[k] = from
        sentenceLast[k] = i - 1
      }
      from = i
    }
  }
  const group = <T>(items: T[], tokenOf: (item: T) => number): Map<number, T[]> => {
    const out = new Map<number, T[]>()
    for (const item of items) {
      const s = x.tokenSentence[tokenOf(item)]
      const list = out.get(s)
      if (list) list.push(item)
      else out.set(s, [item])
    }
    return out
  }
  const figuresBySentence = group(figures, (f) => f.first)
  const datesBySentence = group(x.dates, (d) => d.monthToken)
  const chainsBySentence = group(x.chains, (c) => c.first)
  const chainOfToken = new Int32Array(n).fill(-1)
  x.chains.forEach((c, k) => {
    for (let i = c.first; i <= c.last; i++) chainOfToken[i] = k
  })
  const personToken = new Uint8Array(n)
  for (const p of x.persons) for (let i = p.titleFirst ?? p.first; i <= p.last; i++) personToken[i] = 1
  const result: Quantities = {
    figures,
    byLead,
    byLast,
    leadOf,
    dateTokens,
    sentenceFirst,
    sentenceLast,
    figuresIn: (i) => figuresBySentence.get(x.tokenSentence[i]) ?? [],
    datesIn: (i) => datesBySentence.get(x.tokenSentence[i]) ?? [],
    chainsIn: (i) => chainsBySentence.get(x.tokenSentence[i]) ?? [],
    chainAt: x.chainAt,
    chainHolding: (i) => (chainOfToken[i] >= 0 ? x.chains[chainOfToken[i]] : undefined),
    inPerson: (i) => personToken[i] === 1
  }
  cache.set(x, result)
  return result
}

/** The bound an approximator states ("more than": at least). */
export function boundOf(x: Extraction, figure: Figure): Bound {
  const approx = figure.approx
  if (!approx) return 'exact'
  const lex = x.lexicon
  if (lex.approxAtLeast.has(approx)) return 'at-least'
  if (lex.approxNearly.has(approx)) return 'nearly'
  if (lex.approxAtMost.has(approx)) return 'at-most'
  return 'about'
}

/** A year written as a bare number ("2023"), not a count. */
export function isYear(figure: Figure): boolean {
  return (
    !figure.spelled &&
    !figure.percent &&
    !figure.currency &&
    !figure.magnitude &&
    figure.grouping === 'none' &&
    figure.decimalPoints === 0 &&
    figure.raw.length === 4 &&
    figure.value !== null &&
    figure.value >= 1800 &&
    figure.value <= 2199
  )
}

/** The place of the last written digit, in the figure's value ("1.5 billion": 0.1 billion). */
export function writtenUnit(figure: Figure): number {
  if (figure.spelled) return figure.multiplier
  const digits = figure.raw.replaceAll(',', '')
  const dot = digits.indexOf('.')
  const decimals = dot < 0 ? 0 : digits.length - dot - 1
  return 10 ** -decimals * figure.multiplier
}

/** The place of the last digit that is not zero ("2,000": 1,000; "1,800": 100; "1.5": 0.1). */
export function roundingStep(figure: Figure): number {
  if (figure.base === null || figure.base === 0) return writtenUnit(figure)
  let digits = figure.spelled ? String(figure.base) : figure.raw.replaceAll(',', '')
  let dot = digits.indexOf('.')
  if (dot < 0) {
    digits += '.'
    dot = digits.length - 1
  }
  let last = -1
  for (let i = 0; i < digits.length; i++) if (digits[i] !== '.' && digits[i] !== '0') last = i
  if (last < 0) return writtenUnit(figure)
  const place = last < dot ? dot - last - 1 : -(last - dot)
  return 10 ** place * figure.multiplier
}

/** The values a figure allows, as written and with its approximator. */
export function rangeOf(x: Extraction, figure: Figure, reading: Reading = 'written', scale = 1): Range {
  const v = figure.value! * scale
  const unit = writtenUnit(figure) * scale
  const step = roundingStep(figure) * scale
  switch (boundOf(x, figure)) {
    case 'at-least':
      return {lo: v - unit / 2, hi: Infinity}
    case 'at-most':
      return {lo: 0, hi: v + unit / 2}
    case 'nearly':
      return {lo: v - step, hi: v + unit / 2}
    case 'about':
      return {lo: v - step, hi: v + step}
    default:
      if (reading === 'rounded' && step > unit) return {lo: v - step / 2, hi: v + step / 2}
      return {lo: v - unit / 2, hi: v + unit / 2}
  }
}

export function overlaps(a: Range, b: Range): boolean {
  return a.lo <= b.hi && b.lo <= a.hi
}

/** The phrase of `phrases` whose words start at token `i`, if any (longest first). */
const phraseIndexes = new WeakMap<string[][], Map<string, string[][]>>()

/** Phrases by their first word, built once per list (phraseAt runs at every token). */
function phraseIndex(phrases: string[][]): Map<string, string[][]> {
  let index = phraseIndexes.get(phrases)
  if (!index) {
    index = new Map()
    for (const words of phrases) {
      const list = index.get(words[0]) ?? []
      list.push(words)
      index.set(words[0], list)
    }
    phraseIndexes.set(phrases, index)
  }
  return index
}

export function phraseAt(x: Extraction, i: number, phrases: string[][]): string[] | undefined {
  const first = x.tokens[i]
  if (!first || first.kind !== 'word') return undefined
  const candidates = phraseIndex(phrases).get(first.lower)
  if (!candidates) return undefined
  let best: string[] | undefined
  for (const words of candidates) {
    if (best && words.length <= best.length) continue
    let ok = true
    for (let w = 0; w < words.length; w++) {
      const t = x.tokens[i + w]
      if (!t || t.kind !== 'word' || t.lower !== words[w]) {
        ok = false
        break
      }
    }
    if (ok) best = words
  }
  return best
}

/** Whether some phrase of `phrases` occurs in tokens first..last. */
export function hasPhrase(x: Extraction, first: number, last: number, phrases: string[][]): boolean {
  for (let i = first; i <= last; i++) if (phraseAt(x, i, phrases)) return true
  return false
}

/** A number for a message: grouped, with at most `decimals` decimals. */
export function formatNumber(value: number, decimals = 1): string {
  const rounded = Number(value.toFixed(decimals))
  return rounded.toLocaleString('en-US', {maximumFractionDigits: decimals})
}

/** How a figure reads in a note: its numeral and magnitude ("200 million"), or its value. */
export function figureWords(figure: Figure, multiplier = figure.multiplier, magnitude = figure.magnitude): string {
  const base = figure.value! / multiplier
  const decimals = Math.max(0, -Math.floor(Math.log10(writtenUnit(figure) / multiplier) + 1e-9))
  const number = formatNumber(base, decimals)
  const word = magnitude ? (magnitude.length <= 2 ? magnitude : ` ${magnitude}`) : ''
  return `${number}${word}${figure.percent ? '%' : ''}`
}
