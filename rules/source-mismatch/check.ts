/**
 * The check of one translation against its source: align the two, match the
 * figures of each aligned stretch, explain what does not match (a figure
 * repeated or moved, a conversion, a date resolved from 当天), and turn the
 * rest into findings.
 */
import {code} from '../../src/core/rule.js'
import type {Extraction} from '../../src/extract/index.js'
import type {ZhData} from '../../src/zh/data.js'
import type {ZhFigure, ZhReading} from '../../src/zh/figures.js'
import {alignSentences, chineseSentences, paragraphs, type Alignment, type Span, type Unit} from './alignment.js'
import {
  answered,
  answering,
  currencyAgrees,
  numberOfName,
  ValueIndex,
  zhKeys,
  englishKeys,
  type MatchContext
} from './matching.js'
import {englishForms, monthName, required} from './messages.js'
import {currenciesOf, readEnglish, type EnglishReading} from './reading.js'

export interface Finding {
  start: number
  end: number
  reason: string
  actual?: string
  expected?: string[]
  note?: string
  /** Where the source figure the finding names stands in the Chinese source (the page marks it; measurement reads it). */
  source?: {start: number; end: number}
}

/** Unrendered source figures of one unit that a wrong English figure is compared with. */
const MAX_CANDIDATES = 64

/** English readings that never stand for a figure on their own. */
const ANSWER_ONLY = new Set(['digits', 'vague', 'month', 'weekday', 'relative', 'whole', 'fraction', 'decade'])

/** Words between a figure and a currency conversion beside it ("US$7.5 billion (about £6.2 billion)"). */
const CONVERSION_WORDS = new Set([
  'about',
  'approximately',
  'around',
  'roughly',
  'or',
  'some',
  'nearly',
  'almost',
  'equivalent',
  'to',
  'at',
  'approx'
])

/** Financial numerals (壹贰叁) outside formal amounts are words (队伍日益 is not "5th"). */
const FINANCIAL = /[壹贰貳叁參叄肆伍陆陸柒捌玖拾佰仟]/u

export interface CheckOptions {
  /** Which lost source figures are reported (default: `required`, see messages.ts); measurement tries others. */
  required?: (z: ZhFigure) => boolean
}

export function checkTranslation(
  x: Extraction,
  sourceText: string,
  reading: ZhReading,
  data: ZhData,
  options: CheckOptions = {}
): Finding[] {
  const reportLost = options.required ?? required
  const zhAll = reading.figures.filter((z) => !(FINANCIAL.test(z.raw) && z.raw.length < 3))
  const enAll = readEnglish(x, data.english)
  const context: MatchContext = {data, tokens: x.tokens}
  const alignment = align(x, sourceText, zhAll, enAll, context)
  const units = alignment.units
  const zhOf = spread(
    units.map((u) => u.zh),
    zhAll,
    (z) => z.start
  )
  const enOf = spread(
    units.map((u) => u.en),
    enAll,
    (e) => e.start
  )
  const unitOfZ = new Map<ZhFigure, number>()
  const unitOfE = new Map<EnglishReading, number>()
  zhOf.forEach((list, u) => list.forEach((z) => unitOfZ.set(z, u)))
  enOf.forEach((list, u) => list.forEach((e) => unitOfE.set(e, u)))

  // Pass 1: what each stretch renders of its own source.
  const answeredInUnit = new Set<ZhFigure>()
  const explainedBy = new Map<EnglishReading, ZhFigure[]>()
  units.forEach((_, u) => {
    const zhIndex = new ValueIndex(zhOf[u], (z) => zhKeys(z, data), rangeOfZ)
    const enIndex = new ValueIndex(enOf[u], englishKeys, rangeOfE)
    for (const z of zhOf[u]) if (answering(z, enIndex, context).length > 0) answeredInUnit.add(z)
    for (const e of enOf[u]) {
      const zs = answered(e, zhIndex, context)
      if (zs.length > 0) explainedBy.set(e, zs)
    }
  })
  const zhIndex = new ValueIndex(zhAll, (z) => zhKeys(z, data), rangeOfZ)
  const enIndex = new ValueIndex(enAll, englishKeys, rangeOfE)
  const neighbours = (a: number, b: number) => alignment.mode === 'sentences' && Math.abs(a - b) === 1

  const storyYear = Number(x.storyDate.date.slice(0, 4))
  const storyMonth = Number(x.storyDate.date.slice(5, 7))
  const storyDay = Number(x.storyDate.date.slice(8, 10))
  const datelineKnown = x.storyDate.from !== 'today'
  const sourceMonths = new Set<number>()
  for (const z of zhAll)
    if (z.kind === 'date' && z.month !== undefined && z.form === undefined) sourceMonths.add(z.month)
  if (datelineKnown) sourceMonths.add(storyMonth)

  /** An English figure rendered by a source figure one sentence off (sentence alignment only). */
  const explainedNearby = (e: EnglishReading, u: number): boolean =>
    alignment.mode === 'sentences' && answered(e, zhIndex, context).some((z) => neighbours(unitOfZ.get(z)!, u))

  /** An English figure not rendered in its stretch, but accounted for elsewhere. */
  const explainedElsewhere = (e: EnglishReading, u: number): boolean => {
    for (const z of answered(e, zhIndex, context)) {
      const zu = unitOfZ.get(z)!
      // Moved by a sentence, or repeated from a figure the English renders where the source has it.
      if (neighbours(zu, u) || answeredInUnit.has(z)) return true
      // Full dates and years move freely (into the dateline, or to the first mention).
      if ((z.kind === 'date' || z.kind === 'year') && distinctive(z)) return true
    }
    if (e.kind === 'year') {
      if (reading.relativeYears.length > 0 && (!datelineKnown || Math.abs(e.value - storyYear) <= 2)) return true
      if (datelineKnown && e.value === storyYear) return true
    }
    if (e.kind === 'date') {
      if (reading.relativeDays.length > 0) return true
      if (datelineKnown && e.month === storyMonth && e.day === storyDay) return true
    }
    return conversion(e, u)
  }

  /** Where each English reading stands in its unit's list (for its neighbours). */
  const positionInUnit = new Map<EnglishReading, number>()
  enOf.forEach((list) => list.forEach((e, k) => positionInUnit.set(e, k)))

  /** A figure in another currency beside one the English renders: a conversion it adds. */
  const conversion = (e: EnglishReading, u: number): boolean => {
    if (!e.currencies || e.percent) return false
    const list = enOf[u]
    const at = positionInUnit.get(e) ?? 0
    // Only the readings next to it can be what it converts (a few tokens away).
    for (const f of list.slice(Math.max(0, at - 3), at + 4)) {
      if (f === e || !f.currencies || f.currencies.some((c) => e.currencies!.includes(c))) continue
      const gapStart = f.last < e.first ? f.last + 1 : e.last + 1
      const gapEnd = f.last < e.first ? e.first : f.first
      if (gapEnd < gapStart || gapEnd - gapStart > 4) continue
      let linked = false
      for (let t = gapStart; t < gapEnd; t++) {
        const token = x.tokens[t]
        if (
          token.text === '(' ||
          token.text === '（' ||
          token.text === ',' ||
          token.text === '/' ||
          CONVERSION_WORDS.has(token.lower)
        )
          linked = true
        else if (token.kind === 'word') {
          linked = false
          break
        }
      }
      const ratio = e.value / f.value
      if (linked && ratio > 2e-5 && ratio < 5e4 && explainedBy.has(f)) return true
    }
    return false
  }

  /** A source figure the stretch does not render, rendered elsewhere (moved or repeated). */
  const elsewhere = new Map<ZhFigure, boolean>()
  const answeredElsewhere = (z: ZhFigure, u: number): boolean => {
    const known = elsewhere.get(z)
    if (known !== undefined) return known
    const anywhere = distinctive(z)
    let found = false
    for (const e of answering(z, enIndex, context)) {
      const eu = unitOfE.get(e)!
      if (eu !== u && (anywhere || neighbours(eu, u))) found = true
    }
    elsewhere.set(z, found)
    return found
  }

  const findings: Finding[] = []
  const unanswered = units.map((_, u) => zhOf[u].filter((z) => !answeredInUnit.has(z)))
  /** Source figures already named as what a wrong English figure renders. */
  const used = new Set<ZhFigure>()
  /** The source figures of a unit a wrong English figure may stand for (computed once per unit). */
  const pools = new Map<number, ZhFigure[]>()
  const poolOf = (u: number): ZhFigure[] => {
    if (u < 0 || u >= units.length) return []
    let pool = pools.get(u)
    if (!pool) {
      // A bounded number of candidates per unit keeps a hostile one-paragraph story linear.
      pool = unanswered[u].filter((z) => !answeredElsewhere(z, u)).slice(0, MAX_CANDIDATES)
      pools.set(u, pool)
    }
    return pool.filter((z) => !used.has(z))
  }
  units.forEach((_, u) => {
    for (const e of enOf[u]) {
      if (ANSWER_ONLY.has(e.kind)) {
        // "Mars-17" for 火星-17: digits inside a word that render a numbered name without its name.
        if (e.kind === 'digits' && !explainedBy.has(e)) misnamed(e, u)
        continue
      }
      const by = explainedBy.get(e)
      if (by) {
        if (e.kind === 'date') monthCheck(e, by)
        // "10 found" is rendered by 10年 only weakly (no word of its unit follows): a day of this
        // stretch given as a bare number (记者15日) is the better reading.
        const weak =
          e.kind === 'number' &&
          e.next !== undefined &&
          !data.enUnitClass.has(e.next) &&
          by.every((z) => z.unit !== undefined && data.zhUnitClass.has(z.unit))
        const day = weak ? special(e, poolOf(u)) : undefined
        if (day && day.kind === 'date') {
          used.add(day)
          findings.push(paired(e, day))
        }
        continue
      }
      if (misnamed(e, u)) continue
      // A wrong rendering of a figure of this stretch comes first; then what accounts for
      // the figure elsewhere (a conversion, a sentence aligned one off, a repetition, a moved
      // date, 今年).
      const pool = poolOf(u)
      // An amount in a currency the source uses here is that amount, not a conversion.
      let candidate =
        special(e, pool) ??
        (e.currencies
          ? pool.find((z) => z.kind === 'cardinal' && !z.form && z.currency && currencyAgrees(z, e) && sameKind(z, e))
          : undefined)
      if (!candidate && conversion(e, u)) continue
      // A figure of this stretch that must be rendered beats a match one sentence off; a weak one
      // (a bare number, a word) does not.
      const strong = sameKindCandidate(
        e,
        pool.filter((z) => reportLost(z))
      )
      if (!candidate && !strong && explainedNearby(e, u)) continue
      candidate ??= strong ?? sameKindCandidate(e, pool)
      if (!candidate && alignment.mode === 'sentences' && e.raises) {
        const nearby = [...poolOf(u - 1), ...poolOf(u + 1)]
        candidate = special(e, nearby) ?? sameKindCandidate(e, nearby)
      }
      if (!candidate && explainedElsewhere(e, u)) continue
      if (candidate) {
        used.add(candidate)
        findings.push(paired(e, candidate))
      } else if (e.raises) {
        findings.push(unsourced(e))
      }
    }
  })
  units.forEach((unit, u) => {
    for (const z of unanswered[u]) {
      if (used.has(z) || !reportLost(z) || answeredElsewhere(z, u)) continue
      findings.push(missing(z, unit))
    }
  })
  return findings.sort((a, b) => a.start - b.start || a.end - b.end)

  /**
   * A numbered name of this stretch whose number the English gives without the name ("Mars
   * 17" for 火星17): reported, once per source name. When the stretch renders that name
   * elsewhere with its name, the number is left alone.
   */
  function misnamed(e: EnglishReading, u: number): boolean {
    const named = zhOf[u].filter((z) => z.series && numberOfName(z, e))
    if (named.length === 0) return false
    const z = named.find((z) => !answeredInUnit.has(z) && !used.has(z) && !answeredElsewhere(z, u))
    // Rendered with its name here or in the next sentence: the number is that name's, and right.
    if (!z) return true
    used.add(z)
    findings.push(paired(e, z))
    return true
  }

  /** A month the English adds to a day the source gives alone (12日 as "June 12"). */
  function monthCheck(e: EnglishReading, by: ZhFigure[]): void {
    if (e.month === undefined || by.some((z) => z.kind !== 'date' || z.month !== undefined || z.form !== undefined))
      return
    // Only where the source and the dateline name no month at all: a translator resolves 12日 to the story's month.
    if (sourceMonths.size > 0) return
    if (reading.relativeDays.length > 0) return
    const z = by[0]
    const actual = x.text.slice(e.start, e.end)
    findings.push({
      start: e.start,
      end: e.end,
      reason: `Unexpected month in ${code(actual)}: the source has ${code(z.raw)} (${englishForms(z, data.unitWords)[0]}) and no month`,
      actual,
      source: {start: z.start, end: z.end},
      note: `The Chinese source gives only the day (${z.raw}) and names no month anywhere; the translation adds ${monthName(e.month)}. Check the month against the story's date.`
    })
  }

  /** The end of a currency word or code written after the figure ("yuan", "euros", "USD", "US dollars"). */
  function currencyWordEnd(e: EnglishReading): number | undefined {
    const first = x.tokens[e.last + 1]
    if (first?.kind !== 'word' || first.lower !== e.next) return undefined
    const second = x.tokens[e.last + 2]
    if (second?.kind === 'word' && /^\s+$/u.test(x.text.slice(first.end, second.start))) {
      if (currenciesOf(`${first.lower} ${second.lower}`)) return second.end
    }
    return currenciesOf(first.text) ? first.end : undefined
  }

  function paired(e: EnglishReading, z: ZhFigure): Finding {
    if (z.series && numberOfName(z, e)) return withoutName(e, z, z.series)
    const expected = englishForms(z, data.unitWords)
    // "10 pounds" for 10公斤: the unit word belongs to the range the fix ("10 kg") replaces.
    const unitToken = x.tokens[e.last + 1]
    const withUnit =
      !z.currency &&
      z.unit !== undefined &&
      data.unitWords.has(z.unit) &&
      unitToken?.lower === e.next &&
      data.enUnitClass.has(e.next ?? '')
    const sameValue = z.kind === 'ordinal' && z.term && e.value === z.value && e.kind === 'ordinal'
    const currency = z.kind === 'cardinal' && e.kind === 'number' && !currencyAgrees(z, e)
    // "1 billion yuan" or "10 billion euros" for 100亿元: the currency word after the figure
    // belongs to the range, as the expected forms name the currency ("10 billion yuan").
    const currencyEnd = z.currency && z.kind === 'cardinal' && e.kind === 'number' ? currencyWordEnd(e) : undefined
    const end = withUnit ? unitToken.end : (currencyEnd ?? e.end)
    const actual = x.text.slice(e.start, end)
    const reason = sameValue
      ? `Unexpected ${code(actual)} without ${code(capitalised(z.term!.keyword))}: the source has ${code(z.raw)} (${expected[0]})`
      : `Unexpected ${code(actual)}: the source has ${code(z.raw)} (${expected[0]})`
    const why = sameValue
      ? `${z.raw} is the ${expected[0]}; the translation gives the number without naming the ${z.term!.keyword}.`
      : currency
        ? `The currency differs: the Chinese source gives ${z.raw}, which is ${expected[0]} in English; the translation has ${actual}.`
        : `The Chinese source gives ${z.raw}${z.approx ? ` (${z.approx})` : ''}, which is ${expected[0]} in English; the translation has ${actual}.`
    return {
      start: e.start,
      end,
      reason,
      actual,
      expected: sameValue ? undefined : expected,
      note: why,
      source: {start: z.start, end: z.end}
    }
  }

  /** "Mars 17" for 火星17: the range takes the words written as the name, for the editor to replace. */
  function withoutName(e: EnglishReading, z: ZhFigure, series: NonNullable<ZhFigure['series']>): Finding {
    let start = e.start
    for (let t = e.first - 1, words = 0; t >= 0 && words < 3; t--, words++) {
      const token = x.tokens[t]
      const gap = x.text.slice(token.end, start)
      if (token.kind !== 'word' || !/^\p{Lu}/u.test(token.text)) break
      // Not "Two", "The", "Korea's": a number word, a word never part of a name, a possessive.
      if (
        x.lexicon.notNames.has(token.lower) ||
        data.english.numberWords.has(token.lower) ||
        x.lexicon.units.has(token.lower) ||
        x.lexicon.tens.has(token.lower) ||
        /['’]s$/u.test(token.lower)
      )
        break
      if (gap !== ' ' && gap !== '-' && gap !== '') break
      start = token.start
    }
    const actual = x.text.slice(start, e.end)
    return {
      start,
      end: e.end,
      reason: `Unexpected ${code(actual)}: the source's ${code(z.raw)} is the ${series.english}`,
      actual,
      expected: [series.english],
      note: `${z.raw} is the ${series.english}, ${series.what}; the translation gives its number without the name.`,
      source: {start: z.start, end: z.end}
    }
  }

  function unsourced(e: EnglishReading): Finding {
    const actual = x.text.slice(e.start, e.end)
    return {
      start: e.start,
      end: e.end,
      reason: `Unexpected ${code(actual)}: the source has no such figure`,
      actual,
      note: 'No figure of this value stands in the matching part of the Chinese source; check the translation against it.'
    }
  }

  function missing(z: ZhFigure, unit: Unit): Finding {
    const forms = englishForms(z, data.unitWords)
    const anchor = anchorFor(z, unit)
    return {
      start: anchor.start,
      end: anchor.end,
      source: {start: z.start, end: z.end},
      reason: `Missing figure: the source's ${code(z.raw)} (${forms[0]}) is not in the translation`,
      note: `The Chinese source gives ${z.raw}; no figure of that value stands in the matching English${forms.length > 1 ? ` (it may be written ${forms.slice(0, 3).join(', ')})` : ''}.`
    }
  }

  /** The first word of the English sentence at the same relative place as the source figure. */
  function anchorFor(z: ZhFigure, unit: Unit): Span {
    const all = x.prose.sentences
    const first = lowerBound(all, unit.en.start)
    let last = first
    while (last < all.length && all[last].start < Math.max(unit.en.end, unit.en.start + 1)) last++
    const sentences = all.slice(first, last)
    const share = (z.start - unit.zh.start) / Math.max(1, unit.zh.end - unit.zh.start)
    const sentence = sentences[Math.min(sentences.length - 1, Math.floor(share * sentences.length))]
    const from = sentence ? sentence.start : unit.en.start
    for (let t = x.tokenAt(from); t < x.tokens.length; t++) {
      if (x.tokens[t].kind === 'word' || x.tokens[t].kind === 'number')
        return {start: x.tokens[t].start, end: x.tokens[t].end}
    }
    return {start: from, end: from}
  }
}

/** The first span starting at or after `offset` (spans sorted by start). */
function lowerBound(spans: Span[], offset: number): number {
  let lo = 0
  let hi = spans.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (spans[mid].start < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * A figure unlikely to recur by chance, so that the same value elsewhere in the
 * story is the same figure: an amount, a value of 100 or more or with decimals,
 * a year, a full date. A day alone (10日) or a small count is not.
 */
function distinctive(z: ZhFigure): boolean {
  switch (z.kind) {
    case 'cardinal':
    case 'percent':
      return Boolean(z.currency) || z.value >= 100 || !Number.isInteger(z.value)
    case 'year':
    case 'decade':
      return true
    case 'date':
      return z.month !== undefined && z.day !== undefined
    default:
      return z.value >= 100
  }
}

function capitalised(word: string): string {
  return word
    .split(' ')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ')
}

function rangeOfZ(z: ZhFigure): {lo: number; hi: number} | undefined {
  return z.form === 'vague' && z.lo !== undefined && z.hi !== undefined ? {lo: z.lo, hi: z.hi} : undefined
}

function rangeOfE(e: EnglishReading): {lo: number; hi: number} | undefined {
  return e.kind === 'vague' && e.lo !== undefined && e.hi !== undefined ? {lo: e.lo, hi: e.hi} : undefined
}

/**
 * A source figure the English gives with the same number but the wrong kind or
 * currency: 6000元 as "$6,000", the date 15日 as "15" or "15 days", 80后 as
 * "80", 二十大 as "20" or a "20th" with no "Congress", 3个百分点 as "3 percent".
 */
function special(e: EnglishReading, pool: ZhFigure[]): ZhFigure | undefined {
  for (const z of pool) {
    if (z.kind === 'cardinal' && !z.form && e.kind === 'number' && !e.percent && !currencyAgrees(z, e)) {
      if (
        Math.abs(e.value - z.value) <= Math.max(z.value, e.value) * 0.01 ||
        (z.lo !== undefined && e.value >= z.lo && e.value <= (z.hi ?? z.lo))
      ) {
        return z
      }
    }
    if (
      z.kind === 'date' &&
      z.day !== undefined &&
      !z.form &&
      (e.kind === 'number' || e.kind === 'multiple') &&
      !e.percent &&
      !e.currencies &&
      e.value === z.day
    ) {
      return z
    }
    if (z.form === 'generation' && e.kind === 'number' && !e.percent && e.value === z.value % 100) return z
    if (z.kind === 'percent' && !z.form && e.kind === 'number' && e.percent && e.value === z.value) return z
    if (z.term && z.kind === 'ordinal' && (e.kind === 'number' || e.kind === 'ordinal') && e.value === z.value) return z
  }
  return undefined
}

/** The first source figure of the English figure's kind; an amount before a count when the English names a currency. */
function sameKindCandidate(e: EnglishReading, pool: ZhFigure[]): ZhFigure | undefined {
  const fits = pool.filter(
    (z) =>
      sameKind(z, e) && (e.raises || required(z) || e.kind === 'time' || (e.kind === 'ordinal' && z.kind === 'ordinal'))
  )
  return fits.find((z) => Boolean(z.currency) === Boolean(e.currencies)) ?? fits[0]
}

/** Whether an English figure and a source figure are of one kind (so one may be a wrong rendering of the other). */
function sameKind(z: ZhFigure, e: EnglishReading): boolean {
  // A numeral written as a word (两国, 一家) may be rendered many ways; a magnitude (百亿元, 万名) is still a figure.
  // (第三次 as "the fourth time" is still caught: an ordinal stands for an ordinal, but "first" is
  // left alone, since English writes it for 首 and 头 too.)
  const ordinalWord = z.kind === 'ordinal' && e.kind === 'ordinal' && e.value !== 1
  if (
    (z.word && z.value < 100 && !z.currency && !ordinalWord) ||
    (z.form !== undefined && z.form !== 'term' && z.form !== 'series')
  )
    return false
  switch (e.kind) {
    case 'number':
      if (e.percent) return z.kind === 'percent'
      if (z.kind !== 'cardinal' || z.unit === '倍') return false
      // An amount stands for an amount (the English may leave out its currency, not add one).
      return !e.currencies || Boolean(z.currency)
    case 'ordinal':
      return z.kind === 'ordinal' || (z.kind === 'date' && z.day !== undefined && e.value <= 31)
    case 'year':
      return z.kind === 'year'
    case 'date':
      return z.kind === 'date' && z.day !== undefined
    case 'time':
      return z.kind === 'time'
    case 'multiple':
      return z.kind === 'cardinal' && z.unit === '倍'
    default:
      return false
  }
}

/** Units of the check: paragraph pairs when the counts agree, else aligned sentences. */
function align(
  x: Extraction,
  sourceText: string,
  zh: ZhFigure[],
  en: EnglishReading[],
  context: MatchContext
): Alignment {
  const zhParas = paragraphs(sourceText)
  const enParas = paragraphs(x.text)
  if (zhParas.length === enParas.length) {
    return {mode: 'paragraphs', units: zhParas.map((p, i) => ({zh: p, en: enParas[i]}))}
  }
  const zhSentences = chineseSentences(sourceText, zhParas)
  const enSentences = x.prose.sentences.length > 0 ? x.prose.sentences : enParas
  // Which sentences each figure finds a rendering in, computed once (by value, through the
  // indexes), so that scoring a pairing of sentences is a count, not a search.
  const zs = zh.filter((z) => !z.word)
  const es = en.filter((e) => !ANSWER_ONLY.has(e.kind))
  const zhSentenceOf = sentenceIndex(zhSentences, zs, (z) => z.start)
  const enSentenceOf = sentenceIndex(enSentences, es, (e) => e.start)
  const zhIndex = new ValueIndex(zs, (z) => zhKeys(z, context.data), rangeOfZ)
  const enIndex = new ValueIndex(es, englishKeys, rangeOfE)
  const zhIn = zhSentences.map(() => [] as Array<{matches: number[]}>)
  const enIn = enSentences.map(() => [] as Array<{matches: number[]; raises: boolean}>)
  const enSentenceOfReading = new Map(es.map((e, k) => [e, enSentenceOf[k]]))
  const zhSentenceOfReading = new Map(zs.map((z, k) => [z, zhSentenceOf[k]]))
  zs.forEach((z, k) => {
    if (zhSentenceOf[k] < 0) return
    const matches = answering(z, enIndex, context).map((e) => enSentenceOfReading.get(e)!)
    zhIn[zhSentenceOf[k]].push({matches})
  })
  es.forEach((e, k) => {
    if (enSentenceOf[k] < 0) return
    const matches = answered(e, zhIndex, context).map((z) => zhSentenceOfReading.get(z)!)
    enIn[enSentenceOf[k]].push({matches, raises: e.raises})
  })
  const inRange = (list: number[], from: number, to: number) => {
    for (let k = 0; k < list.length; k++) if (list[k] >= from && list[k] < to) return true
    return false
  }
  const score = (z0: number, z1: number, e0: number, e1: number, out: {shared: number; unshared: number}) => {
    let shared = 0
    let unshared = 0
    for (let i = z0; i < z1; i++) {
      for (const z of zhIn[i]) {
        if (inRange(z.matches, e0, e1)) shared++
        else unshared++
      }
    }
    for (let j = e0; j < e1; j++) {
      for (const e of enIn[j]) {
        if (inRange(e.matches, z0, z1)) shared++
        else if (e.raises) unshared++
      }
    }
    out.shared = shared
    out.unshared = unshared
  }
  return {mode: 'sentences', units: alignSentences(sourceText, x.text, zhSentences, enSentences, score)}
}

/**
 * The items of each unit, in one sweep (units in order, each span closed-open; an
 * empty span holds nothing). Items are in offset order.
 */
function spread<T>(spans: Span[], items: T[], offset: (item: T) => number): T[][] {
  const order = spans.map((span, u) => ({span, u})).sort((a, b) => a.span.start - b.span.start || a.u - b.u)
  const out: T[][] = spans.map(() => [])
  let k = 0
  for (const {span, u} of order) {
    while (k < items.length && offset(items[k]) < span.start) k++
    let j = k
    while (j < items.length && offset(items[j]) < span.end) out[u].push(items[j++])
  }
  return out
}

/** For each item (in offset order), the index of the span (sorted, disjoint) that holds its offset, or -1. */
function sentenceIndex<T>(spans: Span[], items: T[], offset: (item: T) => number): number[] {
  const out: number[] = []
  let s = 0
  let previous = -Infinity
  for (const item of items) {
    const at = offset(item)
    if (at < previous) s = 0
    previous = at
    while (s < spans.length && spans[s].end <= at) s++
    out.push(s < spans.length && spans[s].start <= at ? s : -1)
  }
  return out
}
