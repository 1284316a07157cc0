/**
 * When an English reading renders a Chinese one: the same value in a form a
 * translator uses (3800亿美元 = US$380 billion, 六成 = 60%, 第4次 = the
 * fourth, 19倍 = 19 times or 20-fold, 26日 = the 26th or Sunday, 9时30分 =
 * 9:30 a.m., 一万五六千 = 15,000 to 16,000, 上万 = tens of thousands, 90后 =
 * the post-90s, 二十大 = the 20th Party Congress, 6斤 = 3 kg), and the
 * indexes that find candidates by value so a whole story is matched in time
 * linear in its figures.
 */
import type {Token} from '../../src/extract/tokens.js'
import {nameParts, type ZhData} from '../../src/zh/data.js'
import type {ZhFigure} from '../../src/zh/figures.js'
import type {EnglishReading} from './reading.js'

export interface MatchContext {
  data: ZhData
  tokens: Token[]
}

/** Rounding as a translator writes it: 1% for large figures, exact for small counts. */
export function close(a: number, b: number): boolean {
  if (a === b) return true
  const max = Math.max(Math.abs(a), Math.abs(b))
  if (max >= 1000) return Math.abs(a - b) <= max * 0.01
  // 14.13 written 14.1: the English keeps fewer decimals than the source.
  const decimals = decimalsOf(a)
  return decimals < decimalsOf(b) && Number(b.toFixed(decimals)) === a
}

function decimalsOf(n: number): number {
  const text = String(n)
  const dot = text.indexOf('.')
  return dot < 0 || text.includes('e') ? 0 : text.length - dot - 1
}

/** The currencies a Chinese currency word may stand for: 元 is the yuan of the economy the copy is about. */
export function zhCurrencies(z: ZhFigure): string[] | undefined {
  if (!z.currency) return undefined
  if (z.currency === 'CNY' && (z.unit === '元' || z.unit === '块钱' || z.unit === '块'))
    return ['CNY', 'TWD', 'HKD', 'MOP']
  return [z.currency]
}

export function currencyAgrees(z: ZhFigure, e: EnglishReading): boolean {
  const zc = zhCurrencies(z)
  if (!zc || !e.currencies) return true
  return e.currencies.some((c) => zc.includes(c))
}

/** A value of the Chinese figure: either end of a range, or the figure itself. */
function valueOf(z: ZhFigure, v: number): boolean {
  if (z.form === 'vague') return v >= (z.lo ?? z.value) * 0.9 && v <= (z.hi ?? z.value) * 1.1
  if (z.lo !== undefined && z.hi !== undefined) return close(v, z.lo) || close(v, z.hi)
  return close(v, z.value)
}

/** The English keyword of a political term near the figure ("20th ... Congress"). */
export function keywordNear(e: EnglishReading, keyword: string, tokens: Token[]): boolean {
  // The keyword's words ("five-year" is five, year) in a row among the nearby words.
  const parts = keyword.split(/[-\s]+/)
  const last = Math.min(tokens.length - 1, e.last + 6)
  for (let t = Math.max(0, e.first - 3); t <= last; t++) {
    if (tokens[t].kind !== 'word' || !tokens[t].lower.startsWith(parts[0])) continue
    const words = tokens[t].lower.split('-')
    let k = 0
    let u = t
    let w = 0
    while (k < parts.length && u <= last) {
      if (w >= words.length) {
        u++
        while (u <= last && tokens[u].kind !== 'word') u++
        if (u > last) break
        words.splice(0, words.length, ...tokens[u].lower.split('-'))
        w = 0
      }
      if (words[w] !== parts[k]) break
      w++
      k++
    }
    if (k === parts.length) return true
  }
  return false
}

/**
 * The English name of a numbered series beside the figure: "Hwasong-17", "the DF-41",
 * "Shenzhou 15", "Long March-5" (one of the name's keywords, in the figure's own word or in
 * the few words before it, or the word after it: "Chang'e No. 5" has it two words before).
 */
export function nameNear(e: EnglishReading, keywords: string[][], tokens: Token[]): boolean {
  const parts: string[] = []
  for (let t = Math.max(0, e.first - 4); t <= Math.min(tokens.length - 1, e.last + 1); t++) {
    if (tokens[t].kind === 'word' || tokens[t].kind === 'number') parts.push(...nameParts(tokens[t].text))
  }
  return keywords.some((keyword) => {
    for (let k = 0; k + keyword.length <= parts.length; k++) {
      if (keyword.every((part, j) => parts[k + j] === part)) return true
    }
    return false
  })
}

/** Whether the hours of two clock times agree (15:00 and 3 p.m.; 9:30 and 9: 30). */
function hoursAgree(z: ZhFigure, e: EnglishReading): boolean {
  const zh = z.hour ?? z.value
  const eh = e.hour ?? e.value
  if (zh % 12 !== eh % 12) return false
  const zPm = z.half ? z.half === 'pm' : zh >= 13 ? true : undefined
  const ePm = e.half ? e.half === 'pm' : eh >= 13 ? true : undefined
  return zPm === undefined || ePm === undefined || zPm === ePm
}

/** Whether English reading `e` renders Chinese reading `z`. */
export function compatible(z: ZhFigure, e: EnglishReading, context: MatchContext): boolean {
  switch (z.kind) {
    case 'cardinal':
      return cardinal(z, e, context)
    case 'percent':
      // 3个百分点 is "3 percentage points", not "3 percent" (and 3% is not 3 points).
      if (e.kind === 'number' && e.percent && Boolean(e.points) !== Boolean(z.points) && z.form !== 'fraction')
        return false
      if (e.kind === 'number' && e.percent)
        return z.form === 'fraction' ? Math.abs(e.value - z.value) <= 1 : valueOf(z, e.value)
      if (e.kind === 'fraction') return Math.abs(e.value * 100 - z.value) <= 1
      if (e.kind === 'whole') return z.value === 100
      if (e.kind === 'digits') return e.value === z.value
      return false
    case 'ordinal':
      if (z.term) return e.kind === 'ordinal' && e.value === z.value && keywordNear(e, z.term.keyword, context.tokens)
      if (e.kind === 'ordinal' || e.kind === 'digits') return e.value === z.value
      if (e.kind === 'number') return e.value === z.value && !e.percent && !e.currencies
      if (e.kind === 'decade') return z.unit === '世纪'
      return false
    case 'year':
      if (e.kind === 'date') return e.year === z.value
      if (e.kind !== 'year' && e.kind !== 'digits' && !(e.kind === 'number' && !e.percent && !e.currencies))
        return false
      return e.value === z.value && (!z.term || keywordNear(e, z.term.keyword, context.tokens))
    case 'date':
      return date(z, e)
    case 'decade':
      if (z.form === 'generation') {
        if (e.kind === 'decade') return e.value % 100 === z.value % 100
        if (e.kind === 'year') return e.value === z.value
        return e.kind === 'digits' && e.value === z.value % 100
      }
      if (e.kind === 'decade') return e.value === z.value || e.value % 100 === z.value % 100
      return e.kind === 'digits' && e.value === z.value % 100
    case 'time':
      return e.kind === 'time' && hoursAgree(z, e) && (z.minute ?? 0) === (e.minute ?? 0)
  }
}

/** Whether the units of the two figures may be one measure (not 20人 as "20 mm", not 1 km as "1 yuan"). */
export function unitsAgree(z: ZhFigure, e: EnglishReading, context: MatchContext): boolean {
  const zClass = z.unit === undefined ? undefined : context.data.zhUnitClass.get(z.unit)
  const eClass = e.next === undefined ? undefined : context.data.enUnitClass.get(e.next)
  // "22 pounds" for 10公斤: a weight, though "pounds" is also a currency (and money for 10英镑).
  if (zClass !== undefined && zClass === eClass) return true
  if (z.currency === 'GBP' && (e.next === 'pound' || e.next === 'pounds')) return true
  if (e.currencies && z.unit !== undefined && !z.currency) return false
  if (z.currency && eClass) return false
  // "20 mm" does not render 20人: an English measure needs a source figure of that measure or none.
  if (eClass !== undefined && z.unit !== undefined) return zClass === eClass
  return zClass === undefined || eClass === undefined || zClass === eClass
}

function cardinal(z: ZhFigure, e: EnglishReading, context: MatchContext): boolean {
  if (z.series) {
    // 火星17 is rendered by "Hwasong-17", not by "Mars 17": the number with the name. ("Long
    // March 7" reads as a date too.)
    const number = numberOfName(z, e) || (e.kind === 'date' && e.day === z.value && e.year === undefined)
    return number && nameNear(e, z.series.keywords, context.tokens)
  }
  if (z.form === 'name') {
    if (e.kind === 'digits' || e.kind === 'year' || e.kind === 'ordinal') return e.value === z.value
    return e.kind === 'number' && !e.percent && !e.currencies && e.value === z.value
  }
  if (z.form === 'vague') {
    if (e.kind === 'vague') return true
    return (e.kind === 'number' || e.kind === 'year') && !e.percent && currencyAgrees(z, e) && valueOf(z, e.value)
  }
  switch (e.kind) {
    case 'number':
    case 'year': {
      if (e.percent) return !z.unit && !z.currency && e.value === z.value
      if (!unitsAgree(z, e, context)) return false
      if (!currencyAgrees(z, e) && !(z.unit && context.data.zhUnitClass.get(z.unit))) return false
      // 10公斤 as "10 pounds": the same class of measure in another unit renders it only converted.
      const words = z.unit === undefined ? undefined : context.data.unitWords.get(z.unit)
      const otherUnit =
        words !== undefined && e.next !== undefined && !words.has(e.next) && context.data.enUnitClass.has(e.next)
      if (!otherUnit && valueOf(z, e.value)) return true
      if (z.unit === '倍' && e.value === z.value + 1) return true
      for (const conversion of context.data.conversions.get(z.unit ?? '') ?? []) {
        if (!e.next || !conversion.english.has(e.next)) continue
        const expected = z.value * conversion.factor
        if (Math.abs(e.value - expected) <= Math.max(expected * 0.05, 0.5)) return true
      }
      return false
    }
    case 'multiple':
      return valueOf(z, e.value) || (z.unit === '倍' && e.value === z.value + 1)
    case 'ordinal':
      return !z.currency && valueOf(z, e.value)
    case 'digits':
      return !z.currency && e.value === z.value
    case 'decade':
      return e.value === z.value
    case 'vague':
      return Boolean(z.word) && z.value >= (e.lo ?? e.value) && z.value <= (e.hi ?? e.value) * 10
    case 'date':
      return !z.unit && !z.currency && e.day === z.value
    default:
      return false
  }
}

/** An English number that may stand for the number of a numbered name: 17, "Mars-17", "the 15th". */
export function numberOfName(z: ZhFigure, e: EnglishReading): boolean {
  if (e.kind !== 'number' && e.kind !== 'digits' && e.kind !== 'ordinal') return false
  return !e.percent && !e.currencies && e.value === z.value
}

function date(z: ZhFigure, e: EnglishReading): boolean {
  // 双十二 as "Double 12", 618 as "618".
  if (z.form === 'named' && (e.kind === 'number' || e.kind === 'digits') && z.month !== undefined) {
    return e.value === z.day || e.value === z.month * 100 + (z.day ?? 0)
  }
  switch (e.kind) {
    case 'date':
      if (z.month !== undefined && z.day !== undefined) return e.month === z.month && e.day === z.day
      if (z.day !== undefined) return e.day === z.day
      if (z.month !== undefined) return e.month === z.month
      return false
    case 'ordinal':
      return z.day !== undefined && e.value === z.day
    case 'weekday':
    case 'relative':
      return z.day !== undefined && z.month === undefined && z.form === undefined
    case 'month':
      return z.month !== undefined && (z.day === undefined || z.form === 'named') && e.value === z.month
    case 'year':
      return z.year !== undefined && e.value === z.year
    default:
      return false
  }
}

/** The values a Chinese reading may be found at (its value, range ends, day, month, converted values). */
export function zhKeys(z: ZhFigure, data: ZhData): number[] {
  const keys = [z.value]
  if (z.lo !== undefined) keys.push(z.lo)
  if (z.hi !== undefined) keys.push(z.hi)
  if (z.day !== undefined) keys.push(z.day)
  if (z.month !== undefined) keys.push(z.month)
  if (z.year !== undefined) keys.push(z.year)
  if (z.hour !== undefined) keys.push(z.hour % 12)
  if (z.kind === 'decade') keys.push(z.value % 100)
  // 20世纪 answered by "the 1980s": found by the century's first year.
  if (z.unit === '世纪') keys.push((z.value - 1) * 100)
  if (z.form === 'named' && z.month !== undefined) keys.push(z.month * 100 + (z.day ?? 0))
  if (z.unit === '倍') keys.push(z.value + 1)
  for (const conversion of data.conversions.get(z.unit ?? '') ?? []) keys.push(z.value * conversion.factor)
  return keys
}

/** The values an English reading may be found at. */
export function englishKeys(e: EnglishReading): number[] {
  const keys = [e.value]
  if (e.day !== undefined) keys.push(e.day)
  if (e.month !== undefined) keys.push(e.month)
  if (e.year !== undefined) keys.push(e.year)
  if (e.hour !== undefined) keys.push(e.hour % 12, e.half === 'pm' ? e.hour + 12 : e.hour)
  if (e.kind === 'fraction') keys.push(e.value * 100)
  if (e.kind === 'decade') keys.push(e.value % 100, e.value - (e.value % 100))
  return keys
}

/** Items sorted by numeric keys, found by a value within rounding. */
export class ValueIndex<T> {
  private readonly keys: number[] = []
  private readonly items: T[] = []
  private readonly ranges: Array<{lo: number; hi: number; item: T}> = []

  constructor(
    items: Iterable<T>,
    keysOf: (item: T) => number[],
    rangeOf?: (item: T) => {lo: number; hi: number} | undefined
  ) {
    const pairs: Array<[number, T]> = []
    for (const item of items) {
      const range = rangeOf?.(item)
      // Indefinite amounts are few; past a bound they are not searched (the scan stays linear).
      if (range && this.ranges.length < 200) this.ranges.push({...range, item})
      for (const key of new Set(keysOf(item))) if (Number.isFinite(key)) pairs.push([key, item])
    }
    pairs.sort((a, b) => a[0] - b[0])
    for (const [key, item] of pairs) {
      this.keys.push(key)
      this.items.push(item)
    }
  }

  /** Items with a key near one of `values` (1% for large values, 0.06 for small ones), or a range holding one. */
  near(values: number[], limit = 64): T[] {
    const out = new Set<T>()
    for (const v of values) {
      if (!Number.isFinite(v)) continue
      const slack = Math.max(Math.abs(v) * 0.02, 0.06)
      let i = lowerBound(this.keys, v - slack)
      while (i < this.keys.length && this.keys[i] <= v + slack && out.size < limit) out.add(this.items[i++])
      for (const range of this.ranges) if (v >= range.lo * 0.9 && v <= range.hi * 1.1) out.add(range.item)
    }
    return [...out]
  }

  /** Items with a key inside [lo, hi]. */
  within(lo: number, hi: number, limit = 64): T[] {
    const out: T[] = []
    let i = lowerBound(this.keys, lo)
    while (i < this.keys.length && this.keys[i] <= hi && out.length < limit) out.push(this.items[i++])
    return out
  }
}

function lowerBound(keys: number[], v: number): number {
  let lo = 0
  let hi = keys.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (keys[mid] < v) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** English readings that can render a Chinese one: found by value, then checked. */
export function answering(z: ZhFigure, index: ValueIndex<EnglishReading>, context: MatchContext): EnglishReading[] {
  const keys = zhKeys(z, context.data)
  const candidates =
    z.form === 'vague' && z.lo !== undefined && z.hi !== undefined
      ? index.within(z.lo * 0.9, z.hi * 1.1)
      : z.kind === 'date' && z.day !== undefined && z.month === undefined
        ? [...index.near(keys), ...index.near([0])]
        : index.near(keys)
  return candidates.filter((e) => compatible(z, e, context))
}

/** Chinese readings an English one can render: found by value, then checked. */
export function answered(e: EnglishReading, index: ValueIndex<ZhFigure>, context: MatchContext): ZhFigure[] {
  const candidates =
    e.kind === 'vague' ? index.within((e.lo ?? e.value) / 10, (e.hi ?? e.value) * 10) : index.near(englishKeys(e))
  return candidates.filter((z) => compatible(z, e, context))
}
