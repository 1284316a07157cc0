/**
 * Figures in Chinese text, with exact [start, end) UTF-16 offsets, for checking
 * an English translation against its Chinese source.
 *
 * One left-to-right scan over the text with traditional characters folded to
 * simplified ones (one for one, so offsets hold). At each position the scanner
 * first skips words that hold a numeral and are never figures (一带一路, 一些,
 * 统一, set phrases such as 三心二意, links), then reads one numeral run
 * (Arabic digits, Chinese digits and units, or both: 3800亿, 2万5千,
 * 十四亿一千万), looks at a few characters on either side and resumes after
 * what it took. The look-around is bounded, so the scan is linear.
 *
 * The span of a figure is the numeral with what makes its meaning: 第 before
 * an ordinal, 百分之 before a percentage, 上世纪 before a decade, a currency
 * sign, and after the numeral 余/多, the unit or measure word, %, 个百分点, and
 * the rest of a date (2023年9月9日 is one figure). Approximation words outside
 * that (超, 近, 约 ... before; 左右, 以上 ... after) set `approx` but stay
 * outside the span: 超3800亿美元 gives raw 3800亿美元.
 *
 * Policy for numerals written in Chinese characters (no Arabic digit):
 * - A run of two or more characters that parses as one number is a figure
 *   (二十, 十四亿一千万, 一百零五, 两千).
 * - A run of Chinese digits only (二〇二三, 一一, 五四) is a figure only as a
 *   year (four digits + 年) or a decade (two digits + 年代); a date named by its
 *   numbers (五四, 九一八) is a `named` reading; anything else is a word.
 * - A single character (一, 两, 三 ... 十) is a figure only after 第, after
 *   百分之, or before a measure word or unit (个, 家, 人, 年, 元 ...), optionally
 *   through 多/余 (十多个); 两 and 二 ... 九 may also stand before a short noun
 *   (两国, 三地), 一 may not (一国两制). Such a figure has `word: true`: a
 *   translation may write it as a word ("two countries", "first").
 * - A single character right after a character that makes a word with it is
 *   not a numeral (统一, 唯一, 之一, 星期一 ...), nor before 分, 度, 部分 ...
 * - A magnitude with no digit (万名, 千亿, 百年, 近千家, 每万人) is a figure with
 *   `word: true`; after 上, 数, 几 or 成 (上万, 数十, 几百) and before 几 (十几)
 *   it is a `vague` reading: an amount of that order, from `lo` to `hi`.
 * - Two neighbouring digits are "this or the next" (七八十: 70 to 80, 一万五六千:
 *   15,000 to 16,000): a figure with `lo` and `hi`; so are A至B ranges, where A
 *   takes B's magnitude and unit when it has none (1.6至1.7万元).
 * Arabic numerals are always figures, except when they touch a Latin letter
 * that is not a unit (5G, G20, COVID-19, windows11): those are `name` readings.
 * RM5 and 5km are an amount and a measure. Dotted codes (424.10.0.20) and links
 * are skipped.
 *
 * Other readings (with `form` set; `extractChineseFigures` leaves them out):
 * `fraction` (三分之一), `term` (二十大: the 20th Party Congress; 十四五: the
 * 14th Five-Year Plan; 九二共识: the 1992 Consensus), `generation` (90后),
 * `named` dates (五四, 双十一, and 3-4 digit day names like 618), `name` digits,
 * `series`: a numbered name (火星-17 is the Hwasong-17, 东风-41 the DF-41, 神舟十五号
 * Shenzhou 15; 火星 alone is the planet), from data/zh.yaml.
 * Times (9时30分, 下午3点半, 20:45) are figures of kind `time`; 六成 is 60%.
 */
import {parseChineseNumber} from './numerals.js'
import {zhData, type ZhApprox, type ZhData} from './data.js'
import {
  adjacentRange,
  CN_BIG,
  CN_DIGITS,
  CN_SMALL,
  intAt,
  isArabic,
  isAsciiDigit,
  isLatin,
  KILO_NEXT,
  runText,
  scanRun,
  startsRun,
  type Run
} from './runs.js'
import {clockAfter, isoDateAt, colonTimeAt} from './clock.js'
import {termAfter, fiveYearPlan, generationAfter, namedDateOf, numberedNameAround} from './terms.js'

export type {ZhApprox} from './data.js'

export type ZhFigureKind = 'cardinal' | 'percent' | 'ordinal' | 'year' | 'date' | 'decade' | 'time'

/** Readings that are not plain figures (see the file comment). */
export type ZhForm = 'vague' | 'fraction' | 'term' | 'generation' | 'named' | 'name' | 'series'

export type ZhCurrency = string

export interface ZhFigure {
  /** UTF-16 offsets into the text: text.slice(start, end) === raw. */
  start: number
  end: number
  raw: string
  /**
   * cardinal and ordinal: the number (3800亿 = 3.8e11); percent: the percentage
   * (18 for 18%); year: the year; decade: its first year (1980 for 80年代);
   * date: the day if given, else the month, else the year; time: the hour.
   */
  value: number
  kind: ZhFigureKind
  /** The measure word or unit after the numeral (家, 个, 人, 元, 美元, 吨, 年, 世纪 ...). Big units (万, 亿) are part of the value, not the unit. */
  unit?: string
  /** ISO code of the currency (CNY, USD, MYR ...). */
  currency?: ZhCurrency
  approx?: ZhApprox
  /** 个百分点: percentage points, not a percentage. */
  points?: boolean
  /** May be written as a word in English: a single character (两国, 一家, 第一), a bare magnitude (万名), a colloquial percentage (百分百). */
  word?: boolean
  year?: number
  month?: number
  day?: number
  /** A range: "this or the next" (七八十), A至B, or a vague amount (上万). */
  lo?: number
  hi?: number
  /** A clock time: hour (0-24), minute, and the half of the day when the text gives it. */
  hour?: number
  minute?: number
  half?: 'am' | 'pm'
  form?: ZhForm
  /** A numbered political term: what it is called in English, and the English word it needs. */
  term?: {english: string; keyword: string}
  /** A numbered name (火星-17): its English name, the words that show the English kept it, what it is. */
  series?: {english: string; keywords: string[][]; what: string}
}

export interface ZhFigureOptions {
  /** The year the text was written, for 上世纪/本世纪 and two-digit decades. Default 2026. */
  referenceYear?: number
  /** Word lists (default: the built-in data/zh.yaml). */
  data?: ZhData
}

export interface ZhReading {
  /** Every reading, plain figures and the other forms, in text order. */
  figures: ZhFigure[]
  /** Offsets of words that date relative to the story: 当天, 今天 (days); 今年, 去年 (years). */
  relativeDays: number[]
  relativeYears: number[]
}

const DEFAULT_REFERENCE_YEAR = 2026

const CURRENCY_SIGNS: Record<string, ZhCurrency> = {
  '¥': 'CNY',
  '￥': 'CNY',
  $: 'USD',
  '＄': 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '￡': 'GBP'
}

/** Before a two-digit decade: which century (relative to the reference year's). */
const CENTURY_BEFORE: [string, number][] = [
  ['上个世纪', -1],
  ['上世纪', -1],
  ['本世纪', 0],
  ['这个世纪', 0],
  ['本个世纪', 0]
]

/** Connectors of a range A至B. */
const RANGE_CONNECTORS = new Set('至到-－~～—–')

/** What may follow 成 when it means tenths (六成以上, 超六成，): not a word made with 成 (成为, 成年). */
const TENTHS_AFTER = new Set('以左多的，。、；;,.)）”」』 ')
const TENTHS_BEFORE = [
  '占',
  '超',
  '近',
  '约',
  '逾',
  '达',
  '有',
  '了',
  '过',
  '余',
  '将近',
  '接近',
  '超过',
  '不到',
  '不足'
]

/** Characters ending a link in Chinese copy. */
function endsLink(ch: string): boolean {
  return /\s/.test(ch) || ch.charCodeAt(0) > 0x2e7f || ch === '"' || ch === "'" || ch === '<' || ch === '>'
}

const foldCache = new WeakMap<ZhData, Map<number, string>>()

/** Fold traditional characters to simplified ones, one for one (the text itself when it has none). */
function fold(text: string, data: ZhData): string {
  let codes = foldCache.get(data)
  if (!codes) {
    codes = new Map([...data.traditional].map(([from, to]) => [from.charCodeAt(0), to]))
    foldCache.set(data, codes)
  }
  let first = -1
  for (let i = 0; i < text.length; i++) {
    if (codes.has(text.charCodeAt(i))) {
      first = i
      break
    }
  }
  if (first < 0) return text
  const parts: string[] = [text.slice(0, first)]
  for (let i = first; i < text.length; i++) parts.push(codes.get(text.charCodeAt(i)) ?? text[i])
  return parts.join('')
}

function endsWithAt(text: string, end: number, word: string): boolean {
  return end >= word.length && text.startsWith(word, end - word.length)
}

/** A figure before its text is cut out. */
type Draft = Omit<ZhFigure, 'raw'>

/**
 * Every plain figure in Chinese text, in order, with exact offsets. See the file
 * comment for what counts as a figure.
 */
export function extractChineseFigures(text: string, options: ZhFigureOptions = {}): ZhFigure[] {
  return readChinese(text, options).figures.filter((figure) => figure.form === undefined)
}

/** Every reading of Chinese text: figures, the other forms, and relative date words. */
export function readChinese(source: string, options: ZhFigureOptions = {}): ZhReading {
  const data = options.data ?? zhData()
  const referenceYear = options.referenceYear ?? DEFAULT_REFERENCE_YEAR
  const text = fold(source, data)
  const figures: ZhFigure[] = []
  const relativeDays: number[] = []
  const relativeYears: number[] = []
  /** Where the last figure ended: prefixes may not reach back into it. */
  let floor = 0
  /** A figure of speech (a 180-degree turn) ends here: a figure before it is read as a word. */
  let figurativeUntil = -1

  const push = (d: Draft): number => {
    let start = d.start
    let currency = d.currency
    const sign = CURRENCY_SIGNS[text[start - 1] ?? '']
    if (sign && start - 1 >= floor && d.kind === 'cardinal' && d.form === undefined) {
      start--
      currency ??= sign
    }
    let approx = d.approx
    if ((d.kind === 'cardinal' || d.kind === 'percent') && d.form !== 'vague') {
      approx ??= approxBefore(start) ?? approxAfter(d.end)
    }
    const figure: ZhFigure = {start, end: d.end, raw: source.slice(start, d.end), value: d.value, kind: d.kind}
    if (d.unit !== undefined) figure.unit = d.unit
    if (currency !== undefined) figure.currency = currency
    if (approx !== undefined) figure.approx = approx
    if (d.points) figure.points = true
    if (d.word || d.start < figurativeUntil) figure.word = true
    if (d.year !== undefined) figure.year = d.year
    if (d.month !== undefined) figure.month = d.month
    if (d.day !== undefined) figure.day = d.day
    if (d.lo !== undefined) figure.lo = d.lo
    if (d.hi !== undefined) figure.hi = d.hi
    if (d.hour !== undefined) figure.hour = d.hour
    if (d.minute !== undefined) figure.minute = d.minute
    if (d.half !== undefined) figure.half = d.half
    if (d.form !== undefined) figure.form = d.form
    if (d.term !== undefined) figure.term = d.term
    if (d.series !== undefined) figure.series = d.series
    figures.push(figure)
    floor = Math.max(floor, d.end)
    return d.end
  }

  /** The longest unit starting at p. */
  const unitAt = (p: number): string | undefined => data.unitIndex.at(text, p)

  const approxBefore = (start: number): ZhApprox | undefined => {
    if (start === 0) return undefined
    const candidates = data.approxBeforeByLast.get(text.charCodeAt(start - 1))
    if (!candidates) return undefined
    for (const [word, approx] of candidates) {
      if (!endsWithAt(text, start, word)) continue
      const blocked = data.notApproxBefore.get(word)
      if (blocked && blocked.has(text[start - word.length - 1] ?? '')) continue
      return approx
    }
    return undefined
  }

  const approxAfter = (end: number): ZhApprox | undefined => {
    const word = data.approxAfterIndex.at(text, end)
    return word === undefined ? undefined : data.approxAfterOf.get(word)
  }

  /** Where a unit may start after an Arabic numeral ending at p: at p, or after one space. */
  const afterSpace = (p: number, arabic: boolean): number =>
    arabic && text[p] === ' ' && p + 1 < text.length && text[p + 1] !== ' ' ? p + 1 : p

  /** Month, then day, after a year (or from a month numeral). */
  const monthDay = (p: number): {end: number; month?: number; day?: number} => {
    const m = intAt(text, p)
    if (!m) return {end: p}
    const monthChar = afterSpace(m.end, m.run.arabic)
    if (text[monthChar] !== '月' || m.value < 1 || m.value > 12 || m.run.digitString) return {end: p}
    const afterMonth = monthChar + 1
    const dayStart = afterSpace(afterMonth, true)
    const d = intAt(text, dayStart)
    if (d && !d.run.digitString && d.value >= 1 && d.value <= 31) {
      const dayChar = afterSpace(d.end, d.run.arabic)
      if (text[dayChar] === '日' || text[dayChar] === '号') return {end: dayChar + 1, month: m.value, day: d.value}
    }
    return {end: afterMonth, month: m.value}
  }

  /** A two-digit decade (80 in 80年代) as a year. */
  const decadeYear = (d: number, centuryShift: number | undefined): number => {
    const century = Math.floor((referenceYear - 1) / 100) + 1
    if (centuryShift !== undefined) return (century + centuryShift - 1) * 100 + d
    // Without a century: the latest such decade that has begun by the reference year.
    const base = (century - 1) * 100
    return base + d <= referenceYear ? base + d : base - 100 + d
  }

  /** 百分之 at i: a percentage written out (百分之十八, 百分之六七十). */
  const percentWord = (i: number): number => {
    const j = i + 3
    if (text[j] === '百' && !startsRun(text[j + 1])) {
      return push({start: i, end: j + 1, value: 100, kind: 'percent'})
    }
    if (!startsRun(text[j])) return j
    const run = scanRun(text, j)
    const raw = runText(text, run)
    const value = parseChineseNumber(raw)
    if (value !== undefined)
      return push({start: i, end: run.end, value, kind: 'percent', word: run.single || undefined})
    const range = adjacentRange(raw)
    if (range) return push({start: i, end: run.end, value: range.lo, kind: 'percent', lo: range.lo, hi: range.hi})
    return run.end
  }

  /** 百分百, 百分三百: a colloquial percentage ("give it 100%"), often a figure of speech. */
  const colloquialPercent = (i: number): number | undefined => {
    if (text[i + 2] === '百' && !startsRun(text[i + 3])) {
      return push({start: i, end: i + 3, value: 100, kind: 'percent', word: true})
    }
    if (!startsRun(text[i + 2])) return undefined
    const run = scanRun(text, i + 2)
    const value = parseChineseNumber(runText(text, run))
    if (value === undefined || run.arabic) return undefined
    return push({start: i, end: run.end, value, kind: 'percent', word: true})
  }

  /**
   * A magnitude with no digit before it (万名, 千亿, 近千家, 每万人), or after a word
   * of indefiniteness (上万, 数十, 几百, 成千): one of that magnitude, or a vague amount.
   */
  const magnitudeAt = (i: number, vague: string | undefined): number | undefined => {
    let j = i
    while (j < text.length && j - i < 3 && (CN_SMALL.has(text[j]) || CN_BIG.has(text[j]))) {
      if (text[j] === '千' && KILO_NEXT.has(text[j + 1] ?? '')) break
      if (text[j] === '百' && text[j + 1] === '分') break
      j++
    }
    if (j === i) return undefined
    const raw = text.slice(i, j)
    const value = parseChineseNumber('一' + raw)
    if (value === undefined) return undefined
    let p = j
    let approx: ZhApprox | undefined
    if (text[p] === '余' || text[p] === '多') {
      approx = 'more than'
      p++
    }
    const unit = unitAt(p)
    const usableUnit = unit !== undefined && unit !== '度' && unit !== '分' && !(unit === '米' && raw.endsWith('千'))
    const compound = raw.length >= 2 && raw.endsWith('亿')
    const before = text.slice(Math.max(floor, i - 2), i)
    const leadIn = data.magnitudeBefore.some((w) => before.endsWith(w))
    if (!vague && !usableUnit && !compound && !leadIn) return undefined
    const start = vague ? i - vague.length : i
    if (start < floor) return undefined
    const end = usableUnit ? p + unit!.length : approx ? p : j
    const info = usableUnit ? data.units.get(unit!) : undefined
    if (vague) {
      // 上万: ten thousand and more; 数十 / 几百: two to nine of them.
      const lo = vague === '上' || vague === '成' ? value : value * 2
      return push({
        start,
        end,
        value: lo,
        lo,
        hi: value * 10 - 1,
        kind: 'cardinal',
        unit: usableUnit ? unit : undefined,
        currency: info?.currency,
        form: 'vague'
      })
    }
    return push({
      start,
      end,
      value,
      kind: 'cardinal',
      unit: usableUnit ? unit : undefined,
      currency: info?.currency,
      approx,
      word: true
    })
  }

  /**
   * 数十亿, 几十万人: an indefinite amount after 数 or 几 (two to nine of the leading unit).
   */
  const vagueRunAt = (i: number, word: string): number => {
    const run = scanRun(text, i)
    const raw = runText(text, run)
    // 数十, 几百, 数千万: the amount starts with its unit; 数三 is "count three".
    if (!CN_SMALL.has(raw[0]) && !CN_BIG.has(raw[0])) return run.end
    const value = parseChineseNumber('一' + raw) ?? parseChineseNumber(raw)
    if (value === undefined || run.arabic) return run.end
    let p = run.end
    const unit = unitAt(p)
    const info = unit ? data.units.get(unit) : undefined
    if (unit) p += unit.length
    return push({
      start: i - word.length,
      end: p,
      value: value * 2,
      lo: value * 2,
      hi: value * 10 - 1,
      kind: 'cardinal',
      unit,
      currency: info?.currency,
      form: 'vague'
    })
  }

  /** An Arabic figure touching Latin letters: a name (5G, COVID-19), a unit (5km) or an amount (RM5). */
  const latinAround = (run: Run): {skip: boolean; currency?: string; start?: number; unit?: string} => {
    let k = run.start
    while (k > floor && (isLatin(text[k - 1]) || (text[k - 1] === '$' && k === run.start))) k--
    const before = text.slice(k, run.start)
    let result: {skip: boolean; currency?: string; start?: number; unit?: string} = {skip: false}
    if (before !== '') {
      const code = data.latinCurrencies.get(before)
      if (code) result = {skip: false, currency: code, start: k}
      else if (isLatin(text[run.start - 1])) return {skip: true}
    } else if (text[run.start - 1] === '-' && isLatin(text[run.start - 2])) {
      return {skip: true}
    }
    let e = run.end
    while (e < text.length && isLatin(text[e])) e++
    if (e > run.end) {
      const unit = text.slice(run.end, e)
      if (data.latinUnits.has(unit) && !isAsciiDigit(text[e])) return {...result, unit}
      return {skip: true}
    }
    return result
  }

  /** A numeral run at i: a figure, another reading, or nothing. Returns where to go on. */
  const figureAt = (i: number): number => {
    const run = scanRun(text, i)
    const skip = run.end
    // 火星-17, 神舟十五号: a numbered name (the Hwasong-17, Shenzhou 15), not a count.
    const name = numberedNameAround(text, run, data, floor, unitAt)
    if (name)
      return push({
        start: name.start,
        end: name.end,
        value: name.value,
        kind: 'cardinal',
        form: 'series',
        series: name.name
      })
    const before = text[i - 1]
    const ordinal = before === '第' && i - 1 >= floor
    const chinese = !run.arabic
    let currency: string | undefined
    let start = ordinal ? i - 1 : i
    let latinUnit: string | undefined

    if (run.arabic) {
      // Dotted codes (424.10.0.20): skip the whole code.
      if ((text[run.end] === '.' || text[run.end] === '/') && isArabic(text[run.end + 1]) && !run.hasBig) {
        const iso = isoDateAt(text, i)
        if (!iso) {
          // Each digit group of the code may stand alone in the English (2022/23 season): a name reading.
          let e = run.end
          while (e < text.length && (isArabic(text[e]) || text[e] === '.' || text[e] === '/')) e++
          let groupStart = run.start
          for (let k = run.start; k <= e; k++) {
            if (k < e && isArabic(text[k])) continue
            if (k > groupStart) {
              const value = parseChineseNumber(text.slice(groupStart, k))
              if (value !== undefined) push({start: groupStart, end: k, value, kind: 'cardinal', form: 'name'})
            }
            groupStart = k + 1
          }
          return e
        }
      }
      const latin = latinAround(run)
      if (latin.skip) {
        const digits = text.slice(run.start, run.end)
        const value = parseChineseNumber(digits.replaceAll(',', ''))
        if (value !== undefined) push({start: run.start, end: run.end, value, kind: 'cardinal', form: 'name'})
        let e = run.end
        while (e < text.length && (isLatin(text[e]) || isArabic(text[e]))) e++
        return e
      }
      if (latin.currency) {
        currency = latin.currency
        start = latin.start!
      }
      latinUnit = latin.unit
    } else {
      if (before === '数' || before === '几') return vagueRunAt(i, before)
      if (run.single && weekday(i) && unitAt(run.end) === undefined) return skip
      if (!ordinal && data.wordBefore.has(before ?? '')) {
        if (run.single) return skip
        // 唯一一家: the first 一 belongs to the word; read on from the next character.
        if (CN_DIGITS.has(text[i]) && CN_DIGITS.has(text[i + 1] ?? '')) return i + 1
      }
    }

    const raw = runText(text, run)
    let value = parseChineseNumber(raw)
    let range: {lo: number; hi: number} | undefined
    if (value === undefined) {
      // 十四五: the 14th Five-Year Plan.
      const plan = fiveYearPlan(text, run, data)
      if (plan) return push({start: i, end: run.end, value: plan.value, kind: 'ordinal', form: 'term', term: plan.term})
      // 九点三十分: a clock time written in characters.
      if (run.hasPoint) {
        const clock = clockAfter(text, run, data)
        if (clock) return push({...clock, kind: 'time'})
      }
      range = adjacentRange(raw)
      if (!range) return skip
      value = range.lo
    }
    const integer = Number.isInteger(value)
    let word = run.single || undefined
    let p = afterSpace(run.end, run.arabic)
    /** The character after the numeral (a string made once: comparing text[p] makes one each time). */
    let next = text[p] ?? ''

    if (latinUnit) {
      return push({start, end: run.end + latinUnit.length, value, kind: 'cardinal', unit: latinUnit, currency})
    }

    // Numbered political terms: 二十大, 六中全会, 九二共识.
    const term = termAfter(text, run, value, data, floor)
    if (term) return push({start: i, end: term.end, value: term.value, kind: term.kind, form: 'term', term: term.term})

    if (text.startsWith('分之', run.end)) {
      // 三分之一: a fraction (of 十分之 and 千分之 too).
      const part = intAt(text, run.end + 2)
      if (!part || !integer || value === 0) return run.end + 2
      const share = (part.value / value) * 100
      return push({start: i, end: part.end, value: share, kind: 'percent', form: 'fraction', word: true})
    }

    if (ordinal) {
      if (run.digitString) return skip
      const unit = unitAt(p)
      return push({start, end: unit ? p + unit.length : run.end, value, kind: 'ordinal', unit, word})
    }

    // Clock times: 9时30分, 下午3点, 20:45.
    const colon = run.arabic && !run.hasBig ? colonTimeAt(text, run) : undefined
    if (colon) return push({...colon, start: colon.start, kind: 'time'})
    const clock = clockAfter(text, run, data)
    if (clock) return push({...clock, kind: 'time'})

    // Generations: 90后 (born in the 1990s).
    const generation = generationAfter(text, run, data, referenceYear)
    if (generation)
      return push({start: i, end: generation.end, value: generation.value, kind: 'decade', form: 'generation'})

    // Decades: 80年代, 1980年代, 八十年代, 九〇年代, 上世纪90年代.
    if (text.startsWith('年代', p)) {
      if (!integer || value % 10 !== 0) return skip
      if (value >= 1000 && value <= 9990 && (run.arabic || run.digitString)) {
        return push({start, end: p + 2, value, kind: 'decade'})
      }
      if (value >= 100 || (run.digitString && raw.length !== 2) || run.single) return skip
      let decadeStart = start
      let shift: number | undefined
      for (const [prefix, s] of CENTURY_BEFORE) {
        if (endsWithAt(text, start, prefix) && start - prefix.length >= floor) {
          decadeStart = start - prefix.length
          shift = s
          break
        }
      }
      return push({start: decadeStart, end: p + 2, value: decadeYear(value, shift), kind: 'decade'})
    }

    // Centuries: 20世纪 (ordinal), 20世纪80年代 (decade).
    if (text.startsWith('世纪', p)) {
      if (!integer || value < 1 || value > 99 || run.digitString) return skip
      const d = intAt(text, p + 2)
      if (d && text.startsWith('年代', d.end) && d.value % 10 === 0 && d.value < 100 && !d.run.single) {
        return push({start, end: d.end + 2, value: (value - 1) * 100 + d.value, kind: 'decade'})
      }
      return push({start, end: p + 2, value, kind: 'ordinal', unit: '世纪', word})
    }

    // Years and dates: 2023年, 二〇二三年, 2023年9月9日; otherwise 30年 is a count of years.
    if (next === '年') {
      const fourDigits =
        raw.length === 4 && ((run.arabic && isArabic(raw[0]) && isArabic(raw[3]) && integer) || run.digitString)
      if (fourDigits && value >= 1000 && value <= 2999) {
        const md = monthDay(afterSpace(p + 1, run.arabic))
        const kind = md.month === undefined ? 'year' : 'date'
        return push({
          start,
          end: md.month === undefined ? p + 1 : md.end,
          value: md.day ?? md.month ?? value,
          kind,
          year: value,
          month: md.month,
          day: md.day
        })
      }
      if (run.digitString) return skip
      return push({start, end: p + 1, value, kind: 'cardinal', unit: '年', word, lo: range?.lo, hi: range?.hi})
    }
    if (run.digitString) {
      const named = namedDateOf(raw, data)
      if (named)
        return push({
          start: i,
          end: run.end,
          value: named[1],
          kind: 'date',
          month: named[0],
          day: named[1],
          form: 'named'
        })
      return skip
    }

    // Months (7月, 7月9日, 九月九日) and days (30日).
    if (next === '月') {
      if (integer && value >= 1 && value <= 12 && !(run.single && raw === '两') && !range) {
        const md = monthDay(i)
        return push({start, end: md.end, value: md.day ?? value, kind: 'date', month: md.month, day: md.day})
      }
      return push({start, end: p + 1, value, kind: 'cardinal', unit: '月', word})
    }
    if (next === '日' && !text.startsWith('日元', p)) {
      // A day alone: Arabic (30日) or two characters (三十日); a lone 一日 is "one day".
      // (N号 alone is a number as often as a day: No. 5; it is a day only after a month.)
      const lead = text[start - 1] === ' ' ? start - 1 : start
      const count =
        data.daysBefore.some((w) => endsWithAt(text, lead, w)) || data.daysAfter.some((w) => text.startsWith(w, p + 1))
      if (integer && value >= 1 && value <= 31 && raw !== '两' && !run.single && !range && !count) {
        return push({start, end: p + 1, value, kind: 'date', day: value})
      }
      return push({start, end: p + 1, value, kind: 'cardinal', unit: '日', word})
    }

    // Percentages: 18%, 18个百分点 (percentage points), 六成 (60%).
    if (next === '%' || next === '％') {
      return push({start, end: p + 1, value, kind: 'percent', word, lo: range?.lo, hi: range?.hi})
    }
    if (text.startsWith('个百分点', p)) return push({start, end: p + 4, value, kind: 'percent', points: true, word})
    if (text.startsWith('百分点', p)) return push({start, end: p + 3, value, kind: 'percent', points: true, word})
    if (next === '成' && value <= 10 && tenths(i, p)) {
      return push({
        start,
        end: p + 1,
        value: value * 10,
        kind: 'percent',
        unit: '成',
        lo: range ? range.lo * 10 : undefined,
        hi: range ? range.hi * 10 : undefined
      })
    }

    // 十几, 二十几万: an indefinite amount in the next lower place.
    if (next === '几' && chinese && integer && !run.hasBig) {
      const place = placeBelow(raw)
      if (place) {
        let q = p + 1
        let multiplier = 1
        while (CN_BIG.has(text[q] ?? '')) {
          multiplier *= text[q] === '亿' || text[q] === '億' ? 1e8 : 1e4
          q++
        }
        const unit = unitAt(q)
        const info = unit ? data.units.get(unit) : undefined
        const lo = (value + place) * multiplier
        return push({
          start,
          end: unit ? q + unit.length : q,
          value: lo,
          lo,
          hi: (value + 9 * place) * multiplier,
          kind: 'cardinal',
          unit,
          currency: info?.currency,
          form: 'vague'
        })
      }
    }

    // 余/多 between the numeral and a big unit or unit: 2000余家, 3000多万人, 十多个; 30+人.
    let approx: ZhApprox | undefined
    let total = value
    if ((next === '+' || next === '＋') && run.arabic) {
      approx = 'more than'
      p++
      next = text[p] ?? ''
    } else if (next === '余' || next === '多') {
      let q = p + 1
      while (CN_BIG.has(text[q] ?? '')) q++
      const scaled = q > p + 1 ? parseChineseNumber(raw + text.slice(p + 1, q)) : value
      const unit = unitAt(q)
      if (scaled !== undefined && (unit !== undefined || q > p + 1)) {
        approx = 'more than'
        total = scaled
        if (q > p + 1) word = undefined
        p = q
        next = text[p] ?? ''
      }
    }

    if (run.single) {
      for (const w of data.wordAfter) if (text.startsWith(w, p)) return skip
    }
    // A至B: A takes B's magnitude (when it has none) and unit (1.6至1.7万元, 3至5年, 16至19日).
    if (unitAt(p) === undefined && RANGE_CONNECTORS.has(next) && !run.single) {
      const next = rangeEnd(p + 1)
      const multiplier = run.hasBig || !next ? 1 : next.multiplier
      if (next && (multiplier > 1 || next.unit)) {
        const value = total * multiplier
        const end = p === run.end ? p : run.end
        if (next.unit === '日' && Number.isInteger(value) && value >= 1 && value <= 31) {
          return push({start, end, value, kind: 'date', day: value})
        }
        if (next.unit === '年' && run.arabic && /^\d{4}$/.test(raw) && value >= 1000 && value <= 2999) {
          return push({start, end, value, kind: 'year', year: value})
        }
        if (next.unit === '月' && Number.isInteger(value) && value >= 1 && value <= 12) {
          return push({start, end, value, kind: 'date', month: value})
        }
        const info = next.unit ? data.units.get(next.unit) : undefined
        return push({
          start,
          end,
          value,
          kind: 'cardinal',
          unit: next.unit,
          currency: info?.currency ?? currency,
          approx,
          word
        })
      }
    }
    const unit = unitAt(p)
    if (unit !== undefined) {
      const info = data.units.get(unit)
      if (run.single && info?.noun && raw === '一') return skip
      return push({
        start,
        end: p + unit.length,
        value: total,
        kind: 'cardinal',
        unit,
        currency: info?.currency ?? currency,
        approx,
        word,
        lo: range?.lo,
        hi: range?.hi
      })
    }
    // No unit: a lone character or a Chinese decimal needs one; a range needs one.
    if (run.single || range) return skip
    if (chinese && run.hasPoint && !run.hasBig) return skip
    if (run.arabic && !run.hasBig && integer && !currency) {
      // 618, 1111: a day named by its numbers (also read as the number).
      const named = dayNumber(raw)
      if (named)
        push({start: i, end: run.end, value: named[1], kind: 'date', month: named[0], day: named[1], form: 'named'})
    }
    // Chinese characters with no unit read as a word (伤敌一千): the English may write anything.
    return push({
      start,
      end: p === run.end || approx ? p : run.end,
      value: total,
      kind: 'cardinal',
      currency,
      approx,
      word: chinese || undefined
    })
  }

  /** The magnitude and unit of the end of a range A至B starting at p. */
  const rangeEnd = (p: number): {multiplier: number; unit?: string} | undefined => {
    if (!startsRun(text[p])) return undefined
    const run = scanRun(text, p)
    let multiplier = 1
    let k = run.end - 1
    while (k > run.start && CN_BIG.has(text[k])) {
      multiplier *= text[k] === '亿' || text[k] === '億' ? 1e8 : 1e4
      k--
    }
    if (k === run.end - 1) multiplier = 1
    const after = afterSpace(run.end, run.arabic)
    const unit = text[after] === '日' || text[after] === '月' ? text[after] : unitAt(after)
    return {multiplier, unit}
  }

  /** A weekday (周一, 星期三, 礼拜五) unless a measure word follows (每周三次). */
  const weekday = (i: number): boolean => {
    const before = text[i - 1]
    return before === '周' || (before === '期' && text[i - 2] === '星') || (before === '拜' && text[i - 2] === '礼')
  }

  /** 成 at p means tenths: after an approximation word or before punctuation or 以上/左右/多. */
  const tenths = (i: number, p: number): boolean => {
    if (TENTHS_AFTER.has(text[p + 1] ?? ' ')) return true
    const before = text.slice(Math.max(0, i - 2), i)
    return TENTHS_BEFORE.some((w) => before.endsWith(w))
  }

  const interesting = interestingCodes(data)
  let i = 0
  while (i < text.length) {
    // Most characters start nothing: step over them without looking further.
    if (!interesting.has(text.charCodeAt(i))) {
      i++
      continue
    }
    const ch = text[i]
    const skipWord = data.skipWords.at(text, i)
    if (skipWord) {
      i += skipWord.length
      continue
    }
    const turn = data.figurativeTurns.angles.at(text, i)
    if (turn && text.slice(i + turn.length, i + turn.length + 3).includes(data.figurativeTurns.after)) {
      figurativeUntil = i + turn.length
    }
    const relativeDay = data.relativeDays.at(text, i)
    if (relativeDay) relativeDays.push(i)
    const relativeYear = data.relativeYears.at(text, i)
    if (relativeYear) relativeYears.push(i)
    if ((ch === 'h' && text.startsWith('http', i)) || (ch === 'w' && text.startsWith('www.', i))) {
      while (i < text.length && !endsLink(text[i])) i++
      continue
    }
    if (ch === '百' && text.startsWith('分之', i + 1)) {
      i = percentWord(i)
      continue
    }
    if ((ch === '千' || ch === '万') && text.startsWith('分之', i + 1)) {
      // 千分之三: per mille (a fraction, as a percentage).
      const part = intAt(text, i + 3)
      if (part) {
        const share = (part.value / (ch === '千' ? 1000 : 10000)) * 100
        i = push({start: i, end: part.end, value: share, kind: 'percent', form: 'fraction', word: true})
        continue
      }
    }
    if (ch === '百' && text[i + 1] === '分') {
      const next = colloquialPercent(i)
      if (next !== undefined) {
        i = next
        continue
      }
    }
    if (isArabic(ch) && !isArabic(text[i - 1])) {
      const iso = isoDateAt(text, i)
      if (iso && !isLatin(text[i - 1])) {
        i = push({...iso, kind: 'date'})
        continue
      }
    }
    if (ch === '双') {
      // 双十一, 双11: a shopping day named by its date.
      const named = namedDateOf(text.slice(i, i + 3), data)
      if (named && !isArabic(text[i + 3])) {
        i = push({start: i, end: i + 3, value: named[1], kind: 'date', month: named[0], day: named[1], form: 'named'})
        continue
      }
    }
    if (startsRun(ch)) {
      i = figureAt(i)
      continue
    }
    const previous = text[i - 1] ?? ''
    if (
      (CN_SMALL.has(ch) || CN_BIG.has(ch)) &&
      !startsRun(previous) &&
      !CN_SMALL.has(previous) &&
      !CN_BIG.has(previous)
    ) {
      const vague = data.vagueBefore.find((w) => endsWithAt(text, i, w) && i - w.length >= floor)
      const next = magnitudeAt(i, vague)
      if (next !== undefined) {
        i = next
        continue
      }
    }
    i++
  }
  return {figures, relativeDays, relativeYears}
}

const interestingCache = new WeakMap<ZhData, Set<number>>()

/** Codes of the characters a reading may start at (numerals, and the first characters of the words the scan looks for). */
function interestingCodes(data: ZhData): Set<number> {
  const cached = interestingCache.get(data)
  if (cached) return cached
  const codes = new Set<number>()
  const add = (chars: Iterable<string>) => {
    for (const ch of chars) codes.add(ch.charCodeAt(0))
  }
  add('0123456789０１２３４５６７８９')
  add(CN_DIGITS)
  add(CN_SMALL)
  add(CN_BIG)
  add('百双hw')
  for (const index of [data.skipWords, data.relativeDays, data.relativeYears, data.figurativeTurns.angles]) {
    for (const code of index.firstCodes()) codes.add(code)
  }
  interestingCache.set(data, codes)
  return codes
}

/** The place just below the last unit of a Chinese numeral (十 -> 1, 二百 -> 10), for 十几. */
function placeBelow(raw: string): number | undefined {
  const last = raw[raw.length - 1]
  if (last === '十' || last === '拾') return 1
  if (last === '百' || last === '佰') return 10
  if (last === '千' || last === '仟') return 100
  return undefined
}

/** 618, 1111, 0520: a day named by its month and day digits. */
function dayNumber(digits: string): [number, number] | undefined {
  if (digits.length < 3 || digits.length > 4 || !/^\d+$/.test(digits)) return undefined
  for (const split of digits.length === 3 ? [1] : [2]) {
    const month = Number(digits.slice(0, split))
    const day = Number(digits.slice(split))
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return [month, day]
  }
  return undefined
}
