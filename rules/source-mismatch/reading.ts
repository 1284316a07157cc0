/**
 * What the English of a translation says in figures, read from the one
 * extraction (tokens, figures, ordinals, dates, times, decades) plus the
 * renderings a translator uses for Chinese forms: spelled ordinals ("the
 * fourth"), Roman numerals after "Level" or "War", multiples ("19 times",
 * "19-fold", "twice"), fractions ("a third", "half"), indefinite amounts
 * ("dozens", "tens of thousands"), words for numbers ("a dozen", "centenary"),
 * clock times ("9:30 a.m.", "9: 30", "3pm"), day-first dates with short month
 * names ("9 Mar"), day ranges ("May 3 to 5"), numeric dates
 * ("2019-07-04"), month and weekday names, and digits inside words
 * ("COVID-19", "post-90s"). Nothing here reads the text for numbers a second
 * time: every reading starts from a token.
 */
import type {Extraction} from '../../src/extract/index.js'
import type {Figure} from '../../src/extract/figures.js'
import type {Token} from '../../src/extract/tokens.js'
import type {EnglishForms} from '../../src/zh/data.js'

export type EnglishKind =
  | 'number'
  | 'ordinal'
  | 'year'
  | 'date'
  | 'time'
  | 'decade'
  | 'multiple'
  | 'fraction'
  | 'vague'
  | 'month'
  | 'weekday'
  | 'relative'
  | 'whole'
  | 'digits'

export interface EnglishReading {
  /** Prose offsets of the range a message points at. */
  start: number
  end: number
  kind: EnglishKind
  value: number
  /** The currencies the English currency mark may stand for (ISO codes). */
  currencies?: string[]
  percent?: boolean
  points?: boolean
  approx?: string
  /** Written in words ("seven", "fourth", "twice"). */
  spelled?: boolean
  /** A figure that needs a source figure on its own: digits, 10 or more, or an amount or percentage. */
  raises: boolean
  /** The word after the figure, lower-cased ("days", "km", "times"). */
  next?: string
  month?: number
  day?: number
  year?: number
  hour?: number
  minute?: number
  half?: 'am' | 'pm'
  lo?: number
  hi?: number
  /** First and last token. */
  first: number
  last: number
}

/** English currency marks and words, with the currencies each may stand for. */
const DOLLARS = ['USD', 'AUD', 'CAD', 'NZD', 'SGD']
const ANY_DOLLAR = ['USD', 'HKD', 'TWD', 'SGD', 'AUD', 'CAD', 'NZD', 'BND']
const CURRENCY_MARKS: Record<string, string[]> = {
  $: DOLLARS,
  us$: ['USD'],
  usd: ['USD'],
  'us dollar': ['USD'],
  'us dollars': ['USD'],
  dollar: ANY_DOLLAR,
  dollars: ANY_DOLLAR,
  hk$: ['HKD'],
  hkd: ['HKD'],
  s$: ['SGD'],
  nt$: ['TWD'],
  a$: ['AUD'],
  c$: ['CAD'],
  nz$: ['NZD'],
  r$: ['BRL'],
  rmb: ['CNY'],
  cny: ['CNY'],
  yuan: ['CNY', 'TWD', 'HKD', 'MOP'],
  renminbi: ['CNY'],
  '¥': ['CNY', 'JPY'],
  rm: ['MYR'],
  ringgit: ['MYR'],
  '€': ['EUR'],
  eur: ['EUR'],
  euro: ['EUR'],
  euros: ['EUR'],
  '£': ['GBP'],
  gbp: ['GBP'],
  pound: ['GBP'],
  pounds: ['GBP'],
  yen: ['JPY'],
  jpy: ['JPY'],
  won: ['KRW'],
  baht: ['THB'],
  dong: ['VND'],
  rupiah: ['IDR'],
  rp: ['IDR'],
  peso: ['PHP', 'MXN'],
  pesos: ['PHP', 'MXN'],
  rupee: ['INR'],
  rupees: ['INR'],
  rs: ['INR'],
  ruble: ['RUB'],
  rubles: ['RUB'],
  rouble: ['RUB'],
  roubles: ['RUB'],
  kip: ['LAK'],
  riel: ['KHR'],
  kyat: ['MMK'],
  rand: ['ZAR'],
  lira: ['TRY'],
  real: ['BRL'],
  reais: ['BRL'],
  franc: ['CHF'],
  francs: ['CHF']
}

/** The currencies an English currency mark or word may stand for. */
export function currenciesOf(mark: string | undefined): string[] | undefined {
  if (!mark) return undefined
  return CURRENCY_MARKS[mark.toLowerCase()]
}

/** Currency words that are also units of measure. */
const AMBIGUOUS_CURRENCY_WORDS = new Set(['pound', 'pounds'])

/** Unit symbols written solid after English digits ("10km", "5kg"): a measure, not a name. */
const SOLID_UNITS = new Set([
  'km',
  'kg',
  'm',
  'cm',
  'mm',
  'g',
  'mg',
  'ml',
  'l',
  't',
  'mph',
  'kw',
  'kwh',
  'mw',
  'gw',
  'mb',
  'gb',
  'tb',
  'hz',
  'ghz',
  'mhz'
])

const ROMAN: Record<string, number> = {I: 1, V: 5, X: 10, L: 50, C: 100}
const ROMAN_TOKEN = /^[IVXLC]{1,7}$/

/** The value of a Roman numeral (II, XIV), or undefined when the letters are not one. */
export function romanValue(text: string): number | undefined {
  if (!ROMAN_TOKEN.test(text)) return undefined
  let total = 0
  for (let i = 0; i < text.length; i++) {
    const value = ROMAN[text[i]]
    const next = ROMAN[text[i + 1]] ?? 0
    total += value < next ? -value : value
  }
  // Only canonical spellings: IIII and VX are not numerals.
  return toRoman(total) === text ? total : undefined
}

function toRoman(n: number): string {
  const parts: Array<[number, string]> = [
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I']
  ]
  let out = ''
  for (const [value, letters] of parts) {
    while (n >= value) {
      out += letters
      n -= value
    }
  }
  return out
}

const SHORT_MONTHS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'])

/**
 * Every figure reading of the English, in text order. `forms` holds the
 * English renderings from data/zh.yaml.
 */
export function readEnglish(x: Extraction, forms: EnglishForms): EnglishReading[] {
  const {tokens, lexicon} = x
  const out: EnglishReading[] = []
  const used = new Set<number>()
  const word = (i: number): string | undefined => (tokens[i]?.kind === 'word' ? tokens[i].lower : undefined)
  const touching = (a: number, b: number) => tokens[a] && tokens[b] && tokens[a].end === tokens[b].start
  const sameLine = (a: number, b: number) =>
    tokens[a] && tokens[b] && !x.text.slice(tokens[a].end, tokens[b].start).includes('\n')
  /** A plain number of one or two digits at token i. */
  const isNumber = (i: number) =>
    tokens[i]?.kind === 'number' && !tokens[i].suffix && /^\d{1,2}$/.test(tokens[i].digits ?? '')
  const push = (reading: EnglishReading) => {
    out.push(reading)
    for (let t = reading.first; t <= reading.last; t++) used.add(t)
  }
  const reading = (
    first: number,
    last: number,
    kind: EnglishKind,
    value: number,
    extra: Partial<EnglishReading> = {}
  ) => push({start: tokens[first].start, end: tokens[last].end, kind, value, raises: false, first, last, ...extra})

  // Dates from the extraction ("September 9", "9 September 2023"), then the day of a
  // range after them ("May 3 to 5", "May 3-5").
  for (const date of x.dates) {
    const first = x.tokenAt(date.start)
    let last = first
    while (last + 1 < tokens.length && tokens[last + 1].start < date.end) last++
    reading(first, last, 'date', date.day, {month: date.month, day: date.day, year: date.year, raises: true})
    // The year of a date is also read as a year below; its month and day are not numbers.
    for (let t = first; t <= last; t++)
      if (tokens[t].kind === 'number' && tokens[t].digits?.length === 4) used.delete(t)
    let j = last + 1
    const connector =
      tokens[j]?.text === '-' ||
      tokens[j]?.text === '–' ||
      word(j) === 'to' ||
      word(j) === 'and' ||
      word(j) === 'through'
    if (connector && isNumber(j + 1) && sameLine(last, j + 1) && !lexicon.months.has(word(j + 2) ?? '')) {
      const day = Number(tokens[j + 1].digits)
      if (day >= 1 && day <= 31 && day !== date.day) {
        j++
        reading(j, j, 'date', day, {month: date.month, day, year: date.year, raises: true})
      }
    }
  }

  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue
    const t = tokens[i]
    if (t.kind === 'number') readNumber(i, t)
    else if (t.kind === 'word') readWord(i, t)
  }

  // Figures of the extraction not read above.
  for (const figure of x.figures) readFigure(figure)

  for (const ordinal of x.ordinals) {
    if (used.has(ordinal.token)) continue
    reading(ordinal.token, ordinal.token, 'ordinal', ordinal.value, {raises: true})
  }
  for (const decade of x.decades) {
    if (used.has(decade.first)) continue
    reading(decade.first, decade.last, 'decade', decade.value)
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end)
  // "5.25-5.5 percent", "20 to 30 percent": the first end of a range takes the percent sign of the second.
  for (let k = 0; k + 1 < out.length; k++) {
    const a = out[k]
    const b = out[k + 1]
    if (a.kind !== 'number' || a.percent || a.currencies || b.kind !== 'number' || !b.percent) continue
    const between = b.first - a.last - 1
    const link = tokens[a.last + 1]
    if (between === 1 && (link.text === '-' || link.text === '–' || link.lower === 'to' || link.lower === 'and')) {
      a.percent = true
      a.raises = true
    }
  }
  return out

  /** Numeric dates, clock times and day-first dates with short month names. */
  function readNumber(i: number, t: Token): void {
    const digits = t.digits ?? ''
    const suffix = t.suffix?.toLowerCase()
    // 2019-07-04, 2018/3/9
    if (/^\d{4}$/.test(digits) && !suffix) {
      const sep = tokens[i + 1]?.text
      if (
        (sep === '-' || sep === '/') &&
        isNumber(i + 2) &&
        tokens[i + 3]?.text === sep &&
        isNumber(i + 4) &&
        touching(i, i + 1) &&
        touching(i + 1, i + 2) &&
        touching(i + 2, i + 3) &&
        touching(i + 3, i + 4)
      ) {
        const month = Number(tokens[i + 2].digits)
        const day = Number(tokens[i + 4].digits)
        if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
          reading(i, i + 4, 'date', day, {month, day, year: Number(digits), raises: true})
          used.delete(i)
          return
        }
      }
    }
    // 14:25, 14:25:30, 9.30am, 3pm, 9 a.m., 9: 30
    if (digits.includes(':')) {
      const parts = digits.split(':')
      if (parts.length <= 3 && parts.every((p) => /^\d{1,2}$/.test(p)) && parts.slice(1).every((p) => p.length === 2)) {
        const hour = Number(parts[0])
        const minute = Number(parts[1])
        if (hour <= 24 && minute < 60) {
          const half = halfAfter(i, suffix)
          reading(i, half ? half.last : i, 'time', hour, {hour, minute, half: half?.half})
        }
      }
      return
    }
    if (/^\d{1,2}$/.test(digits) || /^\d{1,2}\.\d{2}$/.test(digits)) {
      const [h, m] = digits.split('.')
      const hour = Number(h)
      const half = halfAfter(i, suffix)
      if (half && hour >= 1 && hour <= 12) {
        reading(i, half.last, 'time', hour, {hour, minute: m === undefined ? 0 : Number(m), half: half.half})
        return
      }
      if (
        m === undefined &&
        !suffix &&
        tokens[i + 1]?.text === ':' &&
        touching(i, i + 1) &&
        isNumber(i + 2) &&
        tokens[i + 2].digits!.length === 2 &&
        sameLine(i, i + 2)
      ) {
        // "9: 30" with a stray space.
        const minute = Number(tokens[i + 2].digits)
        if (hour <= 24 && minute < 60) {
          const after = halfAfter(i + 2, undefined)
          reading(i, after ? after.last : i + 2, 'time', hour, {hour, minute, half: after?.half})
          return
        }
      }
      // 9 Mar, 9 Mar.
      const month = word(i + 1)
      if (m === undefined && !suffix && month && SHORT_MONTHS.has(month) && tokens[i + 1].text[0] !== month[0]) {
        const day = hour
        if (day >= 1 && day <= 31 && sameLine(i, i + 1)) {
          let last = i + 1
          if (tokens[last + 1]?.text === '.' && touching(last, last + 1)) last++
          reading(i, last, 'date', day, {month: lexicon.months.get(month), day, raises: true})
        }
      }
    }
  }

  /** "a.m." / "p.m." / "am" / "pm" / "o'clock" after token i (or its own suffix). */
  function halfAfter(i: number, suffix: string | undefined): {half?: 'am' | 'pm'; last: number} | undefined {
    if (suffix === 'am' || suffix === 'pm') return {half: suffix, last: i}
    const w = word(i + 1)
    if (!w || !sameLine(i, i + 1)) return undefined
    if ((w === 'a' || w === 'p') && tokens[i + 2]?.text === '.' && word(i + 3) === 'm') {
      const last = tokens[i + 4]?.text === '.' && touching(i + 3, i + 4) ? i + 4 : i + 3
      return {half: w === 'a' ? 'am' : 'pm', last}
    }
    if (w === 'am' || w === 'pm') return {half: w, last: i + 1}
    if (w === "o'clock" || w === 'o’clock') return {last: i + 1}
    return undefined
  }

  /** Spelled ordinals, Roman numerals, multiples, fractions, amounts in words, names of months and days. */
  function readWord(i: number, t: Token): void {
    const w = t.lower
    // Fractions: "a third", "two-thirds", "one quarter", "half".
    const dash = w.indexOf('-')
    if (dash > 0) {
      const numerator = lexicon.units.get(w.slice(0, dash))
      const denominator = forms.fractions.get(w.slice(dash + 1))
      if (numerator !== undefined && denominator !== undefined && numerator < denominator) {
        reading(i, i, 'fraction', numerator / denominator, {spelled: true})
        return
      }
      // "twenty-first"
      const tens = lexicon.tens.get(w.slice(0, dash))
      const unit = forms.ordinals.get(w.slice(dash + 1))
      if (tens !== undefined && unit !== undefined && unit < 10) {
        reading(i, i, 'ordinal', tens + unit, {spelled: true})
        return
      }
    }
    if (w === 'half' || w === 'halves') {
      reading(i, i, 'fraction', 0.5, {spelled: true})
      return
    }
    const denominator = forms.fractions.get(w)
    const before = word(i - 1)
    const numerator = before === 'a' || before === 'an' ? 1 : before ? lexicon.units.get(before) : undefined
    if (denominator !== undefined && numerator !== undefined && numerator < denominator && word(i + 1) !== 'time') {
      const fraction = word(i + 1) === 'of' || tokens[i + 1]?.kind !== 'word'
      if (fraction) {
        reading(i - 1, i, 'fraction', numerator / denominator, {spelled: true})
        return
      }
    }
    const ordinal = forms.ordinals.get(w)
    if (ordinal !== undefined) {
      reading(i, i, 'ordinal', ordinal, {spelled: true})
      return
    }
    const multiple = forms.multiples.get(w) ?? lexicon.multiples.get(w)
    if (multiple !== undefined) {
      reading(i, i, 'multiple', multiple, {spelled: true})
      return
    }
    const roman = romanValue(t.text)
    if (roman !== undefined && forms.romanAfter.has(word(i - 1) ?? '') && (roman > 1 || t.text !== 'I')) {
      reading(i, i, 'ordinal', roman, {spelled: true})
      return
    }
    const vague = forms.vague.get(w)
    if (vague !== undefined) {
      // "tens of thousands", "hundreds of millions"
      let lo = vague
      let first = i
      const scale = forms.vague.get(word(i - 2) ?? '') ?? (word(i - 2) === 'tens' ? 10 : undefined)
      if (word(i - 1) === 'of' && scale !== undefined) {
        lo = vague * scale
        first = i - 2
      }
      reading(first, i, 'vague', lo, {lo, hi: lo * 10 - 1, spelled: true})
      return
    }
    const number = forms.numberWords.get(w)
    if (number !== undefined) {
      reading(i, i, 'number', number, {spelled: true})
      return
    }
    if (forms.wholeWords.has(w)) {
      reading(i, i, 'whole', 100, {spelled: true})
      return
    }
    const month = lexicon.months.get(w)
    if (month !== undefined && t.text[0] !== w[0] && (w.length > 3 || w === 'may')) {
      reading(i, i, 'month', month)
      return
    }
    if (lexicon.weekdays.has(w)) {
      reading(i, i, 'weekday', 0)
      return
    }
    for (const phrase of forms.relativeDays) {
      if (phrase.every((p, k) => word(i + k) === p)) {
        reading(i, i + phrase.length - 1, 'relative', 0)
        return
      }
    }
    // Digits inside a word ("COVID-19", "post-90s", "Hwasong-17") answer a source figure.
    if (/\d/.test(t.text)) {
      for (const run of t.text.match(/\d+/g) ?? []) {
        push({start: t.start, end: t.end, kind: 'digits', value: Number(run), raises: false, first: i, last: i})
      }
    }
  }

  /** Each digit group of a figure ("3800,6500", "9.30") as a figure of its own, for the source to match. */
  function pushDigitGroups(f: Figure): void {
    for (const group of f.raw.split(/[.,]/)) {
      if (/^\d+$/.test(group))
        push({
          start: f.start,
          end: f.end,
          kind: 'digits',
          value: Number(group),
          raises: false,
          first: f.first,
          last: f.last
        })
    }
  }

  function readFigure(f: Figure): void {
    if (f.placeholder || used.has(f.first)) return
    if (f.value === null) {
      // A garbled numeral ("3800,6500"): its digit groups may still carry source figures.
      pushDigitGroups(f)
      return
    }
    const suffix = tokens[f.last].suffix?.toLowerCase()
    // "4K", "10K": a resolution or a race, not thousands (unless money: "$5k").
    const solidThousand = suffix === 'k' && f.magnitude === 'k' && !f.currency
    if ((f.suffixed && !(suffix && SOLID_UNITS.has(suffix))) || solidThousand) {
      // "2ith": a garbled ordinal, answered as the ordinal it tries to be; "5G", "4K": a name
      // or a model, not a figure to check.
      const garbledOrdinal = suffix !== undefined && /^[a-z]{1,2}(?:th|st|nd|rd)$/.test(suffix)
      push({
        start: f.start,
        end: f.end,
        kind: garbledOrdinal ? 'ordinal' : 'digits',
        value: f.base ?? f.value,
        raises: false,
        first: f.first,
        last: f.last
      })
      return
    }
    // Dotted and grouped digits may also stand for a code or a time in the source ("9.30").
    if (!f.spelled && /[.,]/.test(f.raw) && f.grouping === 'none' && !f.magnitude && !f.percent && !f.currency) {
      pushDigitGroups(f)
    }
    const nextWord = f.next !== undefined ? tokens[f.next].lower : suffix
    const start = f.currency ? f.exprStart : f.start
    // "19 times", "19-fold"
    const fold =
      tokens[f.exprLast + 1]?.text === '-' && word(f.exprLast + 2) === 'fold' && touching(f.exprLast, f.exprLast + 1)
    if (!f.percent && !f.currency && (fold || (nextWord && forms.multipleWords.has(nextWord)))) {
      const last = fold ? f.exprLast + 2 : f.exprLast + 1
      push({
        start,
        end: tokens[last].end,
        kind: 'multiple',
        value: f.value,
        spelled: f.spelled,
        raises: !f.spelled && f.value >= 10,
        first: f.first,
        last
      })
      return
    }
    // "four decades", "two centuries", "three dozen": a count of the number word's unit.
    const scale = nextWord === undefined ? undefined : forms.numberWords.get(nextWord.replace(/s$/, ''))
    if (scale !== undefined && !f.percent && !f.currency && !f.magnitude) {
      const years = nextWord!.startsWith('decade') || nextWord!.startsWith('centur') || nextWord!.startsWith('millenni')
      push({
        start,
        end: tokens[f.next!].end,
        kind: 'number',
        value: f.value * scale,
        spelled: f.spelled || undefined,
        raises: false,
        next: years ? 'years' : undefined,
        first: f.first,
        last: f.next!
      })
      return
    }
    const isYear =
      !f.spelled &&
      !f.percent &&
      !f.currency &&
      !f.magnitude &&
      f.grouping === 'none' &&
      /^[12]\d{3}$/.test(f.raw) &&
      !f.suffixed
    // "25.1 billion USD": a currency code after the figure.
    const codeAfter =
      !f.currency && f.next !== undefined && /^[A-Z]{3}$/.test(tokens[f.next].text) ? tokens[f.next].text : undefined
    // "10 pounds" is a weight as often as money: the word alone names no currency (£10 does).
    const ambiguous =
      f.currency !== undefined &&
      f.next !== undefined &&
      f.currency === tokens[f.next].text &&
      AMBIGUOUS_CURRENCY_WORDS.has(f.currency.toLowerCase())
    const currencies = ambiguous ? undefined : (currenciesOf(f.currency) ?? currenciesOf(codeAfter))
    push({
      start,
      end: f.exprEnd,
      kind: isYear ? 'year' : 'number',
      value: f.value,
      currencies,
      percent: f.percent || undefined,
      points: f.percentagePoints || undefined,
      approx: f.approx,
      spelled: f.spelled || undefined,
      raises: !f.spelled && (isYear || f.value >= 10 || f.percent || Boolean(f.currency) || Boolean(f.magnitude)),
      next: nextWord,
      first: f.first,
      last: f.exprLast
    })
  }
}
