/**
 * Numeral runs in Chinese text: the characters of one numeral (Arabic digits,
 * Chinese digits and units, or both: 3800亿, 2万5千, 十四亿一千万), found
 * without judging what they mean. Each scan looks at a bounded number of
 * characters, so a pass over the text stays linear.
 */
import {CN_DIGIT, parseChineseNumber} from './numerals.js'

export const CN_DIGITS = new Set('〇○零一二三四五六七八九两兩壹贰貳叁參叄肆伍陆陸柒捌玖')
/** Chinese digits that may stand in a digit-by-digit string (not 两). */
export const CN_PLAIN_DIGITS = new Set('〇○零一二三四五六七八九壹贰貳叁參叄肆伍陆陸柒捌玖')
export const CN_SMALL = new Set('十百千拾佰仟')
export const CN_BIG = new Set('万亿萬億')
export const TEN = new Set('十拾')
/** After 千, these make a unit (千米 km, 千克 kg, 千瓦 kW), not a thousand. */
export const KILO_NEXT = new Set('米克瓦卡')

/** A Chinese digit's value, 两 included (二 and 两 are both 2 in a run). */
const DIGIT_VALUE: Record<string, number> = {...CN_DIGIT, 两: 2}

export function isArabic(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= '0' && ch <= '9') || (ch >= '０' && ch <= '９'))
}

export function isAsciiDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9'
}

export function isLatin(ch: string | undefined): boolean {
  return (
    ch !== undefined &&
    ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= 'Ａ' && ch <= 'Ｚ') || (ch >= 'ａ' && ch <= 'ｚ'))
  )
}

/** Characters that can start a numeral run. */
export function startsRun(ch: string | undefined): boolean {
  return ch !== undefined && (isArabic(ch) || CN_DIGITS.has(ch) || TEN.has(ch))
}

export interface Run {
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
export function scanArabic(text: string, j: number): number {
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

/**
 * One numeral run from i (text[i] starts a run). A single space may stand
 * between Arabic digits and 万 or 亿, as web copy writes them (820 万).
 */
export function scanRun(text: string, i: number): Run {
  let j = i
  let prev: '' | 'a' | 'd' | 's' | 'b' | 'p' = ''
  let arabic = false
  let hasBig = false
  let hasPoint = false
  let digitString = true
  let chars = 0
  while (j < text.length) {
    const ch = text[j]
    if (isArabic(ch)) {
      if (prev === 'd' || prev === 'p') break
      j = scanArabic(text, j)
      prev = 'a'
      arabic = true
      digitString = false
      chars += 2
      continue
    }
    if (CN_DIGITS.has(ch)) {
      if (prev === 'a') break
      if (!CN_PLAIN_DIGITS.has(ch)) digitString = false
      prev = 'd'
      j++
      chars++
      continue
    }
    if (CN_SMALL.has(ch)) {
      if (prev === '' && !TEN.has(ch)) break
      if ((ch === '百' || ch === '佰') && text.startsWith('分之', j + 1)) break
      if ((ch === '千' || ch === '仟') && KILO_NEXT.has(text[j + 1] ?? '')) break
      prev = 's'
      digitString = false
      j++
      chars++
      continue
    }
    if (CN_BIG.has(ch)) {
      if (prev === '') break
      prev = 'b'
      hasBig = true
      digitString = false
      j++
      chars++
      continue
    }
    if (ch === ' ' && prev === 'a' && CN_BIG.has(text[j + 1] ?? '')) {
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
  return {
    start: i,
    end: j,
    arabic,
    hasBig,
    hasPoint,
    digitString: digitString && chars >= 2,
    single: !arabic && chars === 1
  }
}

/** The numeral text of a run, without the space web copy puts before 万 or 亿. */
export function runText(text: string, run: Run): string {
  const raw = text.slice(run.start, run.end)
  return raw.includes(' ') ? raw.replaceAll(' ', '') : raw
}

/** An integer numeral at j, if one starts there. */
export function intAt(text: string, j: number): {end: number; value: number; run: Run} | undefined {
  if (!startsRun(text[j])) return undefined
  const run = scanRun(text, j)
  const value = parseChineseNumber(runText(text, run))
  if (value === undefined || !Number.isInteger(value)) return undefined
  return {end: run.end, value, run}
}

/**
 * Two neighbouring digits for "this or the next" (七八十: 70 to 80, 一万五六千:
 * 15,000 to 16,000, 十五六: 15 or 16, 两三: 2 or 3): the two readings, each
 * with one of the digits, or undefined.
 */
export function adjacentRange(raw: string): {lo: number; hi: number} | undefined {
  for (let k = 0; k + 1 < raw.length; k++) {
    const a = DIGIT_VALUE[raw[k]]
    const b = DIGIT_VALUE[raw[k + 1]]
    if (a === undefined || b === undefined || b !== a + 1 || a === 0) continue
    // A plain digit-by-digit string (一二三, 二〇二三) is not a range.
    if (raw.length > 2 && [...raw].every((ch) => DIGIT_VALUE[ch] !== undefined)) return undefined
    const lo = parseChineseNumber(raw.slice(0, k + 1) + raw.slice(k + 2))
    const hi = parseChineseNumber(raw.slice(0, k) + raw.slice(k + 1))
    if (lo === undefined || hi === undefined || !(hi > lo)) return undefined
    return {lo, hi}
  }
  return undefined
}

/** The value of one Chinese or Arabic digit character, if it is one. */
export function digitValue(ch: string | undefined): number | undefined {
  if (ch === undefined) return undefined
  if (isAsciiDigit(ch)) return ch.charCodeAt(0) - 48
  return DIGIT_VALUE[ch]
}
