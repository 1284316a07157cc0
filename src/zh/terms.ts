/**
 * Numerals that name something rather than count it: numbered political terms
 * (二十大: the 20th Party Congress; 十八届三中全会: the third plenary session;
 * 十四五: the 14th Five-Year Plan; 九二共识: the 1992 Consensus), generations by
 * birth years (90后: the post-90s) and dates named by their numbers (五四,
 * 九一八, 双十一), and numbered names (火星-17: the Hwasong-17; 神舟十五号:
 * Shenzhou 15). The words come from data/zh.yaml.
 */
import type {NumberedName, ZhData} from './data.js'
import {parseChineseNumber} from './numerals.js'
import {digitValue, isArabic, isLatin, runText, startsRun, type Run} from './runs.js'

export interface TermReading {
  end: number
  value: number
  kind: 'ordinal' | 'year'
  term: {english: string; keyword: string}
}

/** A numbered term right after the run: 二十大 (in context), 六中全会, 九二共识. */
export function termAfter(text: string, run: Run, value: number, data: ZhData, floor: number): TermReading | undefined {
  if (!Number.isInteger(value)) return undefined
  for (const term of data.numberedTerms) {
    if (!text.startsWith(term.suffix, run.end) || value < term.min) continue
    const end = run.end + term.suffix.length
    if (term.before.length > 0 || term.after.length > 0) {
      const before = term.before.some((w) => run.start - w.length >= floor && text.startsWith(w, run.start - w.length))
      const after = term.after.some((w) => text.startsWith(w, end))
      if (!before && !after) continue
    }
    if (term.kind === 'year') {
      // 九二共识: a two-digit year in digits (九二 or 92).
      const raw = runText(text, run)
      if (raw.length !== 2 || !(run.digitString || run.arabic)) continue
      return {end, value: 1900 + value, kind: 'year', term: {english: term.english, keyword: term.keyword}}
    }
    if (run.digitString) continue
    return {
      end,
      value,
      kind: 'ordinal',
      term: {english: `${ordinalWord(value)} ${term.english}`, keyword: term.keyword}
    }
  }
  return undefined
}

export interface NameReading {
  start: number
  end: number
  value: number
  name: {english: string; keywords: string[][]; what: string}
}

/** Between a name and its number: 火星-17. */
const NAME_HYPHENS = new Set('-－‐‑–—')
/** After a number, what makes it an amount (3.5, 30%, 30多): not a name. */
const NOT_NAME_AFTER = new Set('.．%％余多+＋')
/** Before a second number, what makes the two a range or a list (东风3-4级, 3至5, 3、4). */
const RANGE_AFTER = new Set('至到-－~～—–、')
/** What numbers a series: a suffix another entry takes (火星3号 is the Soviet probe Mars 3, not a Hwasong). */
const SERIES_SUFFIXES = new Set('型号')

function isCapital(ch: string | undefined): boolean {
  return ch !== undefined && ch >= 'A' && ch <= 'Z'
}

/**
 * A numbered name around the run: 火星-17, 火星17型, 东风-21D, 神舟十五号, 长征二号F (a whole
 * number right after the name, through a hyphen; then up to two capital letters and a suffix
 * of the series). `unitAt` finds a measure word: 火星3颗 counts three of something, 东风2023年 is
 * a year. A number in Chinese characters is a name only with its suffix (北斗七星 is not one).
 */
export function numberedNameAround(
  text: string,
  run: Run,
  data: ZhData,
  floor: number,
  unitAt: (p: number) => string | undefined
): NameReading | undefined {
  if (run.hasBig || run.hasPoint || run.digitString) return undefined
  const hyphen = NAME_HYPHENS.has(text[run.start - 1] ?? '')
  const nameEnd = hyphen ? run.start - 1 : run.start
  const candidates = data.numberedNamesByLast.get(text.charCodeAt(nameEnd - 1))
  if (!candidates) return undefined
  let name: NumberedName | undefined
  for (const candidate of candidates) {
    const start = nameEnd - candidate.zh.length
    if (start >= floor && text.startsWith(candidate.zh, start) && (hyphen || !candidate.hyphen)) {
      name = candidate
      break
    }
  }
  if (!name) return undefined
  const value = parseChineseNumber(runText(text, run))
  if (value === undefined || !Number.isInteger(value) || value < 1 || value > name.max) return undefined
  let p = run.end
  let letters = ''
  const takeLetters = () => {
    while (letters.length < 2 && isCapital(text[p])) letters += text[p++]
  }
  takeLetters()
  let suffix = false
  if (name.suffixes.includes(text[p] ?? '')) {
    suffix = true
    p++
    if (!letters) takeLetters()
  } else if (SERIES_SUFFIXES.has(text[p] ?? '')) {
    return undefined
  }
  // A third letter, a small letter or a digit after them: a code (东风ABC), not this series.
  if (isLatin(text[p]) || (letters && isArabic(text[p]))) return undefined
  if (!run.arabic && !suffix) return undefined
  if (!suffix && !letters) {
    const next = text[p] ?? ''
    if (isArabic(next) || NOT_NAME_AFTER.has(next)) return undefined
    if (RANGE_AFTER.has(next) && startsRun(text[p + 1])) return undefined
    // 火星3颗卫星, 东风2023年: a count or a date after the word. (A noun such as 洲 may begin
    // the next word: 东风41洲际导弹. After a hyphen the number belongs to the name.)
    const unit = unitAt(p)
    if (unit !== undefined && !hyphen && !data.units.get(unit)?.noun) return undefined
  }
  const label = `${value}${letters}`
  return {
    start: nameEnd - name.zh.length,
    end: p,
    value,
    name: {english: name.english.replaceAll('{n}', label), keywords: name.keywords, what: name.what}
  }
}

/** 十一五 ... 十五五: the 11th to 15th Five-Year Plans. */
export function fiveYearPlan(
  text: string,
  run: Run,
  data: ZhData
): {value: number; term: {english: string; keyword: string}} | undefined {
  const raw = text.slice(run.start, run.end)
  if (raw.length !== 3 || raw[0] !== '十' || raw[2] !== '五') return undefined
  const digit = digitValue(raw[1])
  if (digit === undefined || digit < 1 || digit > 5) return undefined
  // 十四五个 would be a count (and is not Chinese); the plan stands before anything else.
  if (data.units.has(text[run.end] ?? '')) return undefined
  const value = 10 + digit
  return {
    value,
    term: {english: `${ordinalWord(value)} ${data.fiveYearPlan.english}`, keyword: data.fiveYearPlan.keyword}
  }
}

/** What after 后 makes a word of it (后来, 后续, 后面): no generation. */
const NOT_GENERATION_AFTER = new Set('来续面期台方边退果悔盾勤援遗半')

/** 90后, 00后, 九〇后: people born in the 1990s, 2000s ... (the year they start from). */
export function generationAfter(
  text: string,
  run: Run,
  data: ZhData,
  referenceYear: number
): {end: number; value: number} | undefined {
  if (text[run.end] !== data.generationSuffix || NOT_GENERATION_AFTER.has(text[run.end + 1] ?? '')) return undefined
  const raw = text.slice(run.start, run.end)
  if (raw.length !== 2) return undefined
  if (!(run.arabic && isArabic(raw[0]) && isArabic(raw[1])) && !run.digitString) return undefined
  const tens = digitValue(raw[0])
  const units = digitValue(raw[1])
  if (tens === undefined || units === undefined) return undefined
  const value = tens * 10 + units
  if (value % 5 !== 0) return undefined
  const year = 2000 + value <= referenceYear ? 2000 + value : 1900 + value
  return {end: run.end + 1, value: year}
}

/** A date named by its numbers (五四, 双十一), as [month, day]. */
export function namedDateOf(raw: string, data: ZhData): [number, number] | undefined {
  return data.namedDates.get(raw)
}

/** 20th, 1st, 12th: for naming a term to the editor. */
export function ordinalWord(n: number): string {
  const mod100 = n % 100
  const suffix =
    mod100 >= 11 && mod100 <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th'
  return `${n}${suffix}`
}
