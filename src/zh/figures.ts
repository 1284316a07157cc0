/**
 * Figures in Chinese text, with exact [start, end) UTF-16 offsets, for checking
 * an English translation against its Chinese source.
 *
 * One left-to-right scan. At each numeral character the scanner reads one
 * numeral run (Arabic digits, Chinese digits and units, or both: 3800亿,
 * 2万5千, 十四亿一千万), looks at a few characters on either side (第 before,
 * 年/月/日, 年代, 世纪, %, 个百分点, a measure word or currency after, an
 * approximation word on either side), and resumes after what it took. The
 * look-around is bounded, so the scan is linear in the length of the text.
 *
 * The span of a figure is the numeral with what makes its meaning: 第 before
 * an ordinal, 百分之 before a percentage, 上世纪 before a decade, a currency
 * sign, and after the numeral 余/多, the unit or measure word, %, 个百分点, and
 * the rest of a date (2023年9月9日 is one figure). Approximation words outside
 * that (超, 近, 约 ... before; 左右, 以上 ... after) set `approx` but stay
 * outside the span: 超3800亿美元 gives raw 3800亿美元.
 *
 * Policy for numerals written in Chinese characters (no Arabic digit):
 * - A run of two or more characters with a unit character (十百千万亿) that
 *   parses as one number is a figure (二十, 十四亿一千万, 一百零五, 两千).
 * - A run of Chinese digits only (二〇二三, 一一, 五四) is a figure only as a
 *   year (four digits + 年) or a decade (two digits + 年代); otherwise it is
 *   a word (一一对应, 五四运动, 九一八) and is skipped.
 * - A single character (一, 两, 三 ... 十) is a figure only after 第 (ordinal),
 *   after 百分之, or right before a measure word or unit from the list below
 *   (个, 家, 人, 年, 月, 日, 元, 吨, 个百分点 ...), optionally through 多/余
 *   (十多个). 两 and 二 ... 九 may also stand before a short noun (两国, 三地);
 *   一 may not (一国两制, 一方). Such a figure has `word: true`: it is a
 *   word-like numeral a translation may write as a word ("two countries",
 *   "a company", "first").
 * - A single character right after a character that makes a word with it is
 *   not a numeral: 统一, 唯一, 之一, 同一, 进一步, 逐一, 星期一, 周一, 初一,
 *   另一, 每一 ...; nor before 分, 度, 部分, 次性 (十分, 一度, 一部分, 一次性).
 * - A Chinese run after 数 or 几 (数十亿, 几十万) is an indefinite amount, not
 *   a figure; 百/千/万/亿 never start a numeral (百年, 千万, 万一).
 * - A Chinese decimal (三点五) needs a unit, a big unit or a percent sign
 *   (一点一滴 is not 1.1).
 * Arabic numerals are always figures, except when they touch a Latin letter
 * (5G, G20, COVID-19): those are names.
 * Fractions (三分之一) are not read; 千分之 is not read.
 */
import {parseChineseNumber} from './numerals.js'

export type ZhFigureKind = 'cardinal' | 'percent' | 'ordinal' | 'year' | 'date' | 'decade'

export type ZhApprox = 'more than' | 'nearly' | 'about' | 'at least' | 'less than'

export type ZhCurrency =
  | 'CNY'
  | 'USD'
  | 'MYR'
  | 'EUR'
  | 'JPY'
  | 'GBP'
  | 'HKD'
  | 'MOP'
  | 'TWD'
  | 'SGD'
  | 'THB'
  | 'VND'
  | 'IDR'
  | 'PHP'
  | 'INR'
  | 'RUB'
  | 'KRW'
  | 'AUD'
  | 'CAD'
  | 'CHF'
  | 'BND'
  | 'MMK'
  | 'LAK'
  | 'KHR'

export interface ZhFigure {
  /** UTF-16 offsets into the text: text.slice(start, end) === raw. */
  start: number
  end: number
  raw: string
  /**
   * cardinal and ordinal: the number (3800亿 = 3.8e11); percent: the percentage
   * (18 for 18%); year: the year; decade: its first year (1980 for 80年代);
   * date: the day if given, else the month, else the year.
   */
  value: number
  kind: ZhFigureKind
  /** The measure word or unit after the numeral (家, 个, 人, 元, 美元, 吨, 年, 世纪 ...). Big units (万, 亿) are part of the value, not the unit. */
  unit?: string
  currency?: ZhCurrency
  approx?: ZhApprox
  /** 个百分点: percentage points, not a percentage. */
  points?: boolean
  /** A single Chinese character numeral (两国, 一家, 第一): may be written as a word in English. */
  word?: boolean
  year?: number
  month?: number
  day?: number
}

export interface ZhFigureOptions {
  /** The year the text was written, for 上世纪/本世纪 and two-digit decades. Default 2026. */
  referenceYear?: number
}

const DEFAULT_REFERENCE_YEAR = 2026

const CN_DIGITS = new Set('〇○零一二三四五六七八九两兩壹贰貳叁參叄肆伍陆陸柒捌玖')
/** Chinese digits that may stand in a digit-by-digit string (not 两). */
const CN_PLAIN_DIGITS = new Set('〇○零一二三四五六七八九壹贰貳叁參叄肆伍陆陸柒捌玖')
const CN_SMALL = new Set('十百千拾佰仟')
const CN_BIG = new Set('万亿萬億')
const TEN = new Set('十拾')
/** After 千, these make a unit (千米 km, 千克 kg, 千瓦 kW), not a thousand. */
const KILO_NEXT = new Set('米克瓦卡')

function isArabic(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= '0' && ch <= '9') || (ch >= '０' && ch <= '９'))
}

function isAsciiDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9'
}

function isLatin(ch: string | undefined): boolean {
  return (
    ch !== undefined &&
    ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= 'Ａ' && ch <= 'Ｚ') || (ch >= 'ａ' && ch <= 'ｚ'))
  )
}

/** Characters that can start a numeral run. */
function startsRun(ch: string | undefined): boolean {
  return ch !== undefined && (isArabic(ch) || CN_DIGITS.has(ch) || TEN.has(ch))
}

// Units and measure words. A currency unit carries its code.
const CURRENCY_UNITS: [string, ZhCurrency][] = [
  ['美元', 'USD'],
  ['美金', 'USD'],
  ['元', 'CNY'],
  ['人民币', 'CNY'],
  ['元人民币', 'CNY'],
  ['块钱', 'CNY'],
  ['欧元', 'EUR'],
  ['日元', 'JPY'],
  ['英镑', 'GBP'],
  ['港元', 'HKD'],
  ['港币', 'HKD'],
  ['澳门元', 'MOP'],
  ['澳门币', 'MOP'],
  ['新台币', 'TWD'],
  ['令吉', 'MYR'],
  ['林吉特', 'MYR'],
  ['马币', 'MYR'],
  ['新加坡元', 'SGD'],
  ['新元', 'SGD'],
  ['新币', 'SGD'],
  ['泰铢', 'THB'],
  ['越南盾', 'VND'],
  ['印尼盾', 'IDR'],
  ['印度尼西亚盾', 'IDR'],
  ['菲律宾比索', 'PHP'],
  ['印度卢比', 'INR'],
  ['卢比', 'INR'],
  ['卢布', 'RUB'],
  ['韩元', 'KRW'],
  ['澳元', 'AUD'],
  ['加元', 'CAD'],
  ['瑞士法郎', 'CHF'],
  ['瑞郎', 'CHF'],
  ['文莱元', 'BND'],
  ['缅元', 'MMK'],
  ['基普', 'LAK'],
  ['瑞尔', 'KHR']
]

const MEASURE_UNITS = [
  '个',
  '家',
  '人',
  '名',
  '位',
  '户',
  '项',
  '种',
  '类',
  '条',
  '件',
  '份',
  '批',
  '次',
  '场',
  '届',
  '轮',
  '期',
  '座',
  '所',
  '栋',
  '幢',
  '套',
  '间',
  '台',
  '部',
  '辆',
  '架',
  '艘',
  '列',
  '只',
  '头',
  '匹',
  '棵',
  '株',
  '本',
  '册',
  '篇',
  '页',
  '张',
  '幅',
  '首',
  '枚',
  '颗',
  '粒',
  '块',
  '处',
  '支',
  '门',
  '节',
  '章',
  '集',
  '版',
  '级',
  '层',
  '号',
  '例',
  '宗',
  '强',
  '倍',
  '岁',
  '年',
  '天',
  '周',
  '周年',
  '星期',
  '个月',
  '季度',
  '小时',
  '分钟',
  '秒',
  '分',
  '吨',
  '公斤',
  '千克',
  '克',
  '斤',
  '公里',
  '千米',
  '米',
  '厘米',
  '毫米',
  '平方米',
  '平方公里',
  '公顷',
  '亩',
  '立方米',
  '升',
  '毫升',
  '千瓦',
  '千瓦时',
  '瓦',
  '兆瓦',
  '吉瓦',
  '度',
  '摄氏度',
  '标准箱',
  '箱',
  '人次',
  '架次',
  '辆次',
  '航次',
  '班次',
  '趟'
]

/** Short nouns a numeral may count directly (两国, 三地, 10国); not after a lone 一. */
const NOUN_UNITS = [
  '国',
  '岸',
  '地',
  '省',
  '市',
  '区',
  '县',
  '方',
  '会',
  '党',
  '军',
  '城',
  '港',
  '岛',
  '洲',
  '校',
  '村',
  '镇'
]
const NOUNS = new Set(NOUN_UNITS)

interface UnitInfo {
  currency?: ZhCurrency
}

const UNITS = new Map<string, UnitInfo>()
for (const u of MEASURE_UNITS) UNITS.set(u, {})
for (const u of NOUN_UNITS) UNITS.set(u, {})
for (const [u, currency] of CURRENCY_UNITS) UNITS.set(u, {currency})
let maxUnitLength = 0
for (const u of UNITS.keys()) maxUnitLength = Math.max(maxUnitLength, u.length)

/** The longest unit starting at p. */
function unitAt(text: string, p: number): string | undefined {
  for (let len = Math.min(maxUnitLength, text.length - p); len > 0; len--) {
    const u = text.slice(p, p + len)
    if (UNITS.has(u)) return u
  }
  return undefined
}

/** A character before a lone Chinese digit that makes a word with it (统一, 唯一, 之一). */
const WORD_BEFORE = new Set('统唯之同进逐划专归合单均初另每任某其万千百亿说')

/** A weekday (周一, 星期三, 礼拜五) unless a measure word follows (每周三次). */
function weekday(text: string, i: number): boolean {
  const before = text[i - 1]
  return before === '周' || (before === '期' && text[i - 2] === '星') || (before === '拜' && text[i - 2] === '礼')
}

/** What after a lone Chinese digit makes a word, though it starts with a unit (十分, 一度, 一部分). */
const WORD_AFTER = ['分', '度', '部分', '次性', '头雾水', '条龙', '把手']

/** Approximation words right before a figure, longest first where one ends another. */
const APPROX_BEFORE: [string, ZhApprox][] = [
  ['不少于', 'at least'],
  ['不低于', 'at least'],
  ['至少', 'at least'],
  ['超过', 'more than'],
  ['逾', 'more than'],
  ['超', 'more than'],
  ['多于', 'more than'],
  ['将近', 'nearly'],
  ['接近', 'nearly'],
  ['近', 'nearly'],
  ['大约', 'about'],
  ['大概', 'about'],
  ['约合', 'about'],
  ['约', 'about'],
  ['不到', 'less than'],
  ['不足', 'less than'],
  ['少于', 'less than']
]

/** Characters before 近/约/超 that make a word of them (最近, 条约, 高超): no approximation. */
const NOT_APPROX_BEFORE: Record<string, Set<string>> = {
  近: new Set('最附临靠邻亲就远贴逼将接'),
  约: new Set('条公合协契预签制节简邀相婉特履毁践守违赴爽誓'),
  超: new Set('高赶')
}

/** Approximation words right after a figure. */
const APPROX_AFTER: [string, ZhApprox][] = [
  ['左右', 'about'],
  ['上下', 'about'],
  ['以上', 'more than'],
  ['以下', 'less than'],
  ['以内', 'less than']
]

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

interface Run {
  start: number
  end: number
  arabic: boolean
  hasBig: boolean
  hasPoint: boolean
  /** Chinese digits only, two or more: a digit-by-digit string (二〇二三). */
  digitString: boolean
  /** One Chinese character (一, 两, 十). */
  single: boolean
}

/** The end of an Arabic numeral at j: digits, western comma groups (only after a first group of up to three digits), decimals. */
function scanArabic(text: string, j: number): number {
  const first = j
  while (isArabic(text[j])) j++
  if (j - first <= 3) {
    while (
      text[j] === ',' &&
      isAsciiDigit(text[j + 1]) &&
      isAsciiDigit(text[j + 2]) &&
      isAsciiDigit(text[j + 3]) &&
      !isArabic(text[j + 4])
    )
      j += 4
  }
  if ((text[j] === '.' || text[j] === '．') && isArabic(text[j + 1])) {
    j++
    while (isArabic(text[j])) j++
  }
  return j
}

/** One numeral run from i (text[i] starts a run). */
function scanRun(text: string, i: number): Run {
  let j = i
  let prev: '' | 'a' | 'd' | 's' | 'b' | 'p' = ''
  let arabic = false
  let hasBig = false
  let hasPoint = false
  let digitString = true
  while (j < text.length) {
    const ch = text[j]
    if (isArabic(ch)) {
      if (prev === 'd' || prev === 'p') break
      j = scanArabic(text, j)
      prev = 'a'
      arabic = true
      digitString = false
      continue
    }
    if (CN_DIGITS.has(ch)) {
      if (prev === 'a') break
      if (!CN_PLAIN_DIGITS.has(ch)) digitString = false
      prev = 'd'
      j++
      continue
    }
    if (CN_SMALL.has(ch)) {
      if (prev === '' && !TEN.has(ch)) break
      if ((ch === '百' || ch === '佰') && text.startsWith('分之', j + 1)) break
      if ((ch === '千' || ch === '仟') && KILO_NEXT.has(text[j + 1] ?? '')) break
      prev = 's'
      digitString = false
      j++
      continue
    }
    if (CN_BIG.has(ch)) {
      if (prev === '') break
      prev = 'b'
      hasBig = true
      digitString = false
      j++
      continue
    }
    if (ch === '点' && (prev === 'd' || prev === 's') && CN_PLAIN_DIGITS.has(text[j + 1] ?? '')) {
      prev = 'p'
      hasPoint = true
      digitString = false
      j++
      continue
    }
    break
  }
  const length = j - i
  return {
    start: i,
    end: j,
    arabic,
    hasBig,
    hasPoint,
    digitString: digitString && length >= 2,
    single: !arabic && length === 1
  }
}

/** An integer numeral at j, if one starts there. */
function intAt(text: string, j: number): {end: number; value: number; run: Run} | undefined {
  if (!startsRun(text[j])) return undefined
  const run = scanRun(text, j)
  const value = parseChineseNumber(text.slice(run.start, run.end))
  if (value === undefined || !Number.isInteger(value)) return undefined
  return {end: run.end, value, run}
}

function endsWithAt(text: string, end: number, word: string): boolean {
  return end >= word.length && text.startsWith(word, end - word.length)
}

function approxBefore(text: string, start: number): ZhApprox | undefined {
  for (const [word, approx] of APPROX_BEFORE) {
    if (!endsWithAt(text, start, word)) continue
    const blocked = NOT_APPROX_BEFORE[word]
    if (blocked && blocked.has(text[start - word.length - 1] ?? '')) continue
    return approx
  }
  return undefined
}

function approxAfter(text: string, end: number): ZhApprox | undefined {
  for (const [word, approx] of APPROX_AFTER) if (text.startsWith(word, end)) return approx
  return undefined
}

/** Month, then day, after a year (or from a month numeral). */
function monthDay(text: string, p: number): {end: number; month?: number; day?: number} {
  const m = intAt(text, p)
  if (!m || text[m.end] !== '月' || m.value < 1 || m.value > 12 || m.run.digitString) return {end: p}
  const afterMonth = m.end + 1
  const d = intAt(text, afterMonth)
  if (d && (text[d.end] === '日' || text[d.end] === '号') && d.value >= 1 && d.value <= 31 && !d.run.digitString) {
    return {end: d.end + 1, month: m.value, day: d.value}
  }
  return {end: afterMonth, month: m.value}
}

/** A two-digit decade (80 in 80年代) as a year. */
function decadeYear(d: number, centuryShift: number | undefined, referenceYear: number): number {
  const century = Math.floor((referenceYear - 1) / 100) + 1
  if (centuryShift !== undefined) return (century + centuryShift - 1) * 100 + d
  // Without a century: the latest such decade that has begun by the reference year.
  const base = (century - 1) * 100
  return base + d <= referenceYear ? base + d : base - 100 + d
}

/** A figure before its text is cut out. */
type Draft = Omit<ZhFigure, 'raw'>

/**
 * Every figure in Chinese text, in order, with exact offsets. See the file
 * comment for what counts as a figure.
 */
export function extractChineseFigures(text: string, options: ZhFigureOptions = {}): ZhFigure[] {
  const referenceYear = options.referenceYear ?? DEFAULT_REFERENCE_YEAR
  const figures: ZhFigure[] = []
  /** Where the last figure ended: prefixes may not reach back into it. */
  let floor = 0

  const push = (d: Draft): number => {
    let start = d.start
    let currency = d.currency
    const sign = CURRENCY_SIGNS[text[start - 1] ?? '']
    if (sign && start - 1 >= floor && d.kind === 'cardinal') {
      start--
      currency ??= sign
    }
    let approx = d.approx
    if (d.kind === 'cardinal' || d.kind === 'percent') approx ??= approxBefore(text, start) ?? approxAfter(text, d.end)
    const figure: ZhFigure = {start, end: d.end, raw: text.slice(start, d.end), value: d.value, kind: d.kind}
    if (d.unit !== undefined) figure.unit = d.unit
    if (currency !== undefined) figure.currency = currency
    if (approx !== undefined) figure.approx = approx
    if (d.points) figure.points = true
    if (d.word) figure.word = true
    if (d.year !== undefined) figure.year = d.year
    if (d.month !== undefined) figure.month = d.month
    if (d.day !== undefined) figure.day = d.day
    figures.push(figure)
    floor = d.end
    return d.end
  }

  /** 百分之 at i: a percentage written out. */
  const percentWord = (i: number): number => {
    const j = i + 3
    if (text[j] === '百' && !startsRun(text[j + 1])) {
      return push({start: i, end: j + 1, value: 100, kind: 'percent'})
    }
    if (!startsRun(text[j])) return j
    const run = scanRun(text, j)
    const value = parseChineseNumber(text.slice(j, run.end))
    if (value === undefined) return run.end
    return push({start: i, end: run.end, value, kind: 'percent', word: run.single || undefined})
  }

  /** A numeral run at i: a figure, or nothing. Returns where to go on. */
  const figureAt = (i: number): number => {
    const run = scanRun(text, i)
    const skip = run.end
    const before = text[i - 1]
    const ordinal = before === '第' && i - 1 >= floor
    const chinese = !run.arabic

    if (run.arabic) {
      if (isLatin(before) || isLatin(text[run.end]) || (before === '-' && isLatin(text[i - 2]))) return skip
    } else {
      if (before === '数' || before === '几') return skip
      if (run.single && weekday(text, i) && unitAt(text, run.end) === undefined) return skip
      if (!ordinal && WORD_BEFORE.has(before ?? '')) {
        if (run.single) return skip
        // 唯一一家: the first 一 belongs to the word; read on from the next character.
        if (CN_DIGITS.has(text[i]) && CN_DIGITS.has(text[i + 1] ?? '')) return i + 1
      }
    }

    const raw = text.slice(i, run.end)
    const value = parseChineseNumber(raw)
    if (value === undefined) return skip
    const integer = Number.isInteger(value)
    let word = run.single || undefined
    const start = ordinal ? i - 1 : i
    let p = run.end

    if (text.startsWith('分之', p)) return skip

    if (ordinal) {
      if (run.digitString) return skip
      const unit = unitAt(text, p)
      return push({start, end: unit ? p + unit.length : p, value, kind: 'ordinal', unit, word})
    }

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
      return push({start: decadeStart, end: p + 2, value: decadeYear(value, shift, referenceYear), kind: 'decade'})
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
    if (text[p] === '年') {
      const fourDigits =
        raw.length === 4 && ((run.arabic && isArabic(raw[0]) && isArabic(raw[3]) && integer) || run.digitString)
      if (fourDigits && value >= 1000 && value <= 2999) {
        const md = monthDay(text, p + 1)
        const kind = md.month === undefined ? 'year' : 'date'
        return push({
          start,
          end: md.end,
          value: md.day ?? md.month ?? value,
          kind,
          year: value,
          month: md.month,
          day: md.day
        })
      }
      if (run.digitString) return skip
      return push({start, end: p + 1, value, kind: 'cardinal', unit: '年', word})
    }
    if (run.digitString) return skip

    // Months (7月, 7月9日, 九月九日) and days (30日).
    if (text[p] === '月') {
      if (integer && value >= 1 && value <= 12 && !(run.single && raw === '两') && !(run.single && raw === '兩')) {
        const md = monthDay(text, i)
        return push({start, end: md.end, value: md.day ?? value, kind: 'date', month: md.month, day: md.day})
      }
      return push({start, end: p + 1, value, kind: 'cardinal', unit: '月', word})
    }
    if (text[p] === '日' && !text.startsWith('日元', p)) {
      if (integer && value >= 1 && value <= 31 && raw !== '两' && raw !== '兩') {
        return push({start, end: p + 1, value, kind: 'date', day: value})
      }
      return push({start, end: p + 1, value, kind: 'cardinal', unit: '日', word})
    }

    // Percentages: 18%, 18个百分点 (percentage points).
    if (text[p] === '%' || text[p] === '％') return push({start, end: p + 1, value, kind: 'percent', word})
    if (text.startsWith('个百分点', p)) return push({start, end: p + 4, value, kind: 'percent', points: true, word})
    if (text.startsWith('百分点', p)) return push({start, end: p + 3, value, kind: 'percent', points: true, word})

    // 余/多 between the numeral and a big unit or unit: 2000余家, 3000多万人, 十多个.
    let approx: ZhApprox | undefined
    let total = value
    if (text[p] === '余' || text[p] === '多') {
      let q = p + 1
      while (CN_BIG.has(text[q] ?? '')) q++
      const scaled = q > p + 1 ? parseChineseNumber(raw + text.slice(p + 1, q)) : value
      const unit = unitAt(text, q)
      if (scaled !== undefined && (unit !== undefined || q > p + 1)) {
        approx = 'more than'
        total = scaled
        if (q > p + 1) word = undefined
        p = q
      }
    }

    if (run.single) {
      for (const w of WORD_AFTER) if (text.startsWith(w, p)) return skip
    }
    const unit = unitAt(text, p)
    if (unit !== undefined) {
      if (run.single && NOUNS.has(unit) && (raw === '一' || raw === '壹')) return skip
      const info = UNITS.get(unit)
      return push({
        start,
        end: p + unit.length,
        value: total,
        kind: 'cardinal',
        unit,
        currency: info?.currency,
        approx,
        word
      })
    }
    // No unit: a lone character or a Chinese decimal needs one.
    if (run.single) return skip
    if (chinese && run.hasPoint && !run.hasBig) return skip
    return push({start, end: p, value: total, kind: 'cardinal', approx, word})
  }

  let i = 0
  while (i < text.length) {
    const ch = text[i]
    if (ch === '百' && text.startsWith('分之', i + 1)) {
      i = percentWord(i)
      continue
    }
    if (!startsRun(ch)) {
      i++
      continue
    }
    i = figureAt(i)
  }
  return figures
}
