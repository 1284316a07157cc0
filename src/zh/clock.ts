/**
 * Clock times and numeric dates in Chinese copy: 9时30分, 上午9点半, 九点三十分,
 * 20:45, 13:05:40, 2019-07-04, 2018/3/9. Each reader looks at a bounded number
 * of characters after a numeral run.
 */
import type {ZhData} from './data.js'
import {parseChineseNumber} from './numerals.js'
import {intAt, isArabic, isAsciiDigit, runText, type Run} from './runs.js'

export interface ClockReading {
  start: number
  end: number
  value: number
  hour: number
  minute?: number
  half?: 'am' | 'pm'
}

/** What after an hour and 点 makes it a clock time (3点半, 3点钟, 3点整, 3点许). */
const AFTER_DIAN = new Set('半钟整许')

/** The half of the day a word before the numeral gives (上午, 下午, 晚上). */
function halfBefore(text: string, start: number, data: ZhData): 'am' | 'pm' | undefined {
  let k = start
  if (text[k - 1] === ' ') k--
  for (const [word, half] of data.clockBefore)
    if (k >= word.length && text.startsWith(word, k - word.length)) return half
  return undefined
}

/** An hour in 24 hours from an hour and the half of the day (下午3点 is 15:00). */
function hour24(hour: number, half: 'am' | 'pm' | undefined): number {
  if (half === 'pm' && hour < 12) return hour + 12
  if (half === 'am' && hour === 12) return 0
  return hour
}

/**
 * A clock time from the numeral run: the run, then 时 or 点, then minutes
 * (9时30分, 9点半), or a run that holds 点 itself (九点三十分).
 */
export function clockAfter(text: string, run: Run, data: ZhData): ClockReading | undefined {
  if (run.hasPoint) {
    const half = halfBefore(text, run.start, data)
    // 九点三十分 / 九点零五分: scanned as one run with a decimal point.
    const raw = runText(text, run)
    const at = raw.indexOf('点')
    const hour = parseChineseNumber(raw.slice(0, at))
    const minute = parseChineseNumber(raw.slice(at + 1).replace(/^[零〇]/, ''))
    if (hour === undefined || minute === undefined || text[run.end] !== '分') return undefined
    if (!valid(hour, minute)) return undefined
    return {start: run.start, end: run.end + 1, value: hour24(hour, half), hour: hour24(hour, half), minute, half}
  }
  let p = run.end
  if (run.arabic && text[p] === ' ') p++
  const mark = text[p]
  if (mark !== '时' && mark !== '点') return undefined
  const half = halfBefore(text, run.start, data)
  // 一时, 两时: "for a moment", "at one time" unless a half-day word says it is a clock (下午一时).
  if (run.single && !half) return undefined
  const hour = parseChineseNumber(runText(text, run))
  if (hour === undefined || !Number.isInteger(hour) || hour > 24 || run.hasBig) return undefined
  let q = p + 1
  if (text[q] === ' ') q++
  let minute: number | undefined
  let end = p + 1
  const m = intAt(text, text[q] === '零' || text[q] === '〇' ? q + 1 : q)
  let r = m ? m.end : q
  if (m && text[r] === ' ') r++
  if (m && text[r] === '分' && m.value < 60) {
    minute = m.value
    end = r + 1
  } else if (text[q] === '半') {
    minute = 30
    end = q + 1
  }
  if (mark === '点') {
    // 三点 is also "three points": a clock only with its minutes, 钟/整/许, or a half-day word.
    if (minute === undefined && !AFTER_DIAN.has(text[p + 1] ?? '') && !half) return undefined
    if (text[p + 1] === '钟' || text[p + 1] === '整') end = p + 2
  } else if (
    text[p - 1] === '小' ||
    text.startsWith('时候', p) ||
    text.startsWith('时间', p) ||
    text.startsWith('时期', p)
  ) {
    return undefined
  }
  if (!valid(hour, minute ?? 0)) return undefined
  const h = hour24(hour, half)
  return {start: run.start, end, value: h, hour: h, minute, half}
}

function valid(hour: number, minute: number): boolean {
  return Number.isInteger(hour) && hour >= 0 && hour <= 24 && Number.isInteger(minute) && minute >= 0 && minute < 60
}

/** 20:45 or 13:05:40 after an Arabic run (hour up to 24, two-digit minutes). */
export function colonTimeAt(text: string, run: Run): ClockReading | undefined {
  const p = run.end
  if (text[p] !== ':' && text[p] !== '：') return undefined
  if (!isAsciiDigit(text[p + 1]) || !isAsciiDigit(text[p + 2]) || isArabic(text[p + 3])) return undefined
  const digits = text.slice(run.start, run.end)
  if (!/^\d{1,2}$/.test(digits)) return undefined
  const hour = Number(digits)
  const minute = Number(text.slice(p + 1, p + 3))
  if (!valid(hour, minute)) return undefined
  let end = p + 3
  if (text[end] === ':' && isAsciiDigit(text[end + 1]) && isAsciiDigit(text[end + 2]) && !isArabic(text[end + 3])) {
    end += 3
  }
  return {start: run.start, end, value: hour, hour, minute}
}

/** 2019-07-04, 2018/3/9, 2020.5.20: a date written with numbers only. */
export function isoDateAt(
  text: string,
  i: number
): {start: number; end: number; value: number; year: number; month: number; day: number} | undefined {
  for (let k = i; k < i + 4; k++) if (!isAsciiDigit(text[k])) return undefined
  const separator = text[i + 4]
  if (separator !== '-' && separator !== '/' && separator !== '.') return undefined
  let j = i + 5
  const monthStart = j
  while (j < text.length && j - monthStart < 3 && isAsciiDigit(text[j])) j++
  if (j - monthStart < 1 || j - monthStart > 2 || text[j] !== separator) return undefined
  const month = Number(text.slice(monthStart, j))
  j++
  const dayStart = j
  while (j < text.length && j - dayStart < 3 && isAsciiDigit(text[j])) j++
  if (j - dayStart < 1 || j - dayStart > 2 || isArabic(text[j])) return undefined
  const day = Number(text.slice(dayStart, j))
  const year = Number(text.slice(i, i + 4))
  if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1 || day > 31) return undefined
  return {start: i, end: j, value: day, year, month, day}
}
