/**
 * Figures, ordinals, decades, centuries, dates and times, read once from the
 * token stream with exact offsets.
 */
import type {Lexicon} from '../knowledge/lexicon.js'
import {inlineGap, touching, type Token} from './tokens.js'

export type Grouping = 'none' | 'western' | 'indian' | 'invalid'

export interface Figure {
  /** The numeral itself (digits, words or placeholder), prose offsets. */
  start: number
  end: number
  /** The whole expression: currency, numeral, magnitude, percent sign. */
  exprStart: number
  exprEnd: number
  /** Token index of the first and last token of the numeral, and of the expression. */
  first: number
  last: number
  exprFirst: number
  exprLast: number
  raw: string
  /** The numeral's value before magnitude, or null when it is not a valid number. */
  base: number | null
  multiplier: number
  /** base x multiplier (a percentage keeps its number: 130 for 130%). */
  value: number | null
  magnitude?: string
  percent: boolean
  percentagePoints: boolean
  currency?: string
  approx?: string
  grouping: Grouping
  decimalPoints: number
  spelled: boolean
  placeholder: boolean
  /** Whether the numeral has a solid letter suffix that is not a magnitude ("5G", "10km"). */
  suffixed: boolean
  /** Token index of the first word after the expression, if it follows on the same line. */
  next?: number
}

export interface Ordinal {
  start: number
  end: number
  token: number
  value: number
  suffix: string
  expectedSuffix: string
}

export interface Decade {
  start: number
  end: number
  first: number
  last: number
  /** As written: 80 for "80s", 1980 for "1980s". */
  value: number
}

export interface Century {
  start: number
  end: number
  first: number
  last: number
  /** Ordinal number of the century, when written as one. */
  value?: number
  /** "last", "this", "previous", "past" or "next" century. */
  relative?: string
}

export interface DateMention {
  start: number
  end: number
  monthToken: number
  dayToken: number
  month: number
  day: number
  year?: number
}

export interface TimeMention {
  start: number
  end: number
  token: number
  hour: number
  minute: number
  /** A clock word follows ("a.m.", "local time", "GMT"), or "at" precedes with one. */
  clock: boolean
}

export interface FigureExtraction {
  figures: Figure[]
  ordinals: Ordinal[]
  decades: Decade[]
  centuries: Century[]
  dates: DateMention[]
  times: TimeMention[]
}

const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th'])
const RELATIVE_CENTURY = new Set(['last', 'this', 'previous', 'past', 'next', 'current'])
const CURRENCY_BEFORE_DOLLAR = new Set(['US', 'HK', 'S', 'A', 'C', 'NT', 'NZ', 'R'])

export function ordinalSuffix(n: number): string {
  const mod100 = n % 100
  if (mod100 >= 11 && mod100 <= 13) return 'th'
  switch (n % 10) {
    case 1:
      return 'st'
    case 2:
      return 'nd'
    case 3:
      return 'rd'
    default:
      return 'th'
  }
}

interface ParsedNumeral {
  base: number | null
  grouping: Grouping
  decimalPoints: number
}

/** Read a numeral's digits ("3,800", "1.2.3", "12,34,567") without judging context. */
export function parseNumeral(digits: string): ParsedNumeral {
  const dots = countChar(digits, '.')
  const commas = countChar(digits, ',')
  if (commas === 0) {
    if (dots <= 1) return {base: Number(digits), grouping: 'none', decimalPoints: dots}
    return {base: null, grouping: 'none', decimalPoints: dots}
  }
  const firstDot = digits.indexOf('.')
  const lastComma = digits.lastIndexOf(',')
  // A dot before a comma ("1.234,56") is continental notation: not English.
  if (firstDot >= 0 && firstDot < lastComma) return {base: null, grouping: 'invalid', decimalPoints: dots}
  const intPart = firstDot >= 0 ? digits.slice(0, firstDot) : digits
  const fraction = firstDot >= 0 ? digits.slice(firstDot) : ''
  const groups = intPart.split(',')
  const grouping = groupingOf(groups)
  if (grouping === 'invalid' || dots > 1) return {base: null, grouping, decimalPoints: dots}
  return {base: Number(groups.join('') + fraction), grouping, decimalPoints: dots}
}

function groupingOf(groups: string[]): Grouping {
  const [head, ...rest] = groups
  if (head.length >= 1 && head.length <= 3 && head[0] !== '0' && rest.every((g) => g.length === 3)) return 'western'
  // Indian grouping: 12,34,567 (lakh and crore).
  if (
    groups.length >= 3 &&
    head.length >= 1 &&
    head.length <= 2 &&
    head[0] !== '0' &&
    groups[groups.length - 1].length === 3 &&
    groups.slice(1, -1).every((g) => g.length === 2)
  ) {
    return 'indian'
  }
  return 'invalid'
}

function countChar(s: string, c: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) if (s[i] === c) n++
  return n
}

export function extractFigures(text: string, tokens: Token[], lex: Lexicon): FigureExtraction {
  const out: FigureExtraction = {figures: [], ordinals: [], decades: [], centuries: [], dates: [], times: []}
  const word = (i: number): string | undefined => (tokens[i]?.kind === 'word' ? tokens[i].lower : undefined)
  const gapOk = (a: number, b: number): boolean => a >= 0 && b < tokens.length && inlineGap(text, tokens[a], tokens[b])

  let i = 0
  while (i < tokens.length) {
    const t = tokens[i]
    if (t.kind === 'number') {
      const consumed = readNumberToken(i)
      i = Math.max(i + 1, consumed)
      continue
    }
    if (t.kind === 'word') {
      // Dates written month first: "September 9", "Sept. 9, 2023".
      const month = lex.months.get(t.lower)
      if (month !== undefined && t.text[0] !== t.lower[0]) readMonthFirstDate(i, month)
      if (RELATIVE_CENTURY.has(t.lower) && word(i + 1) === 'century' && gapOk(i, i + 1)) {
        out.centuries.push({start: t.start, end: tokens[i + 1].end, first: i, last: i + 1, relative: t.lower})
      }
      const spelled = readSpelled(i)
      if (spelled) {
        i = spelled
        continue
      }
    }
    if (t.kind === 'punct' || t.kind === 'word') {
      const placeholder = readPlaceholder(i)
      if (placeholder) {
        i = placeholder
        continue
      }
    }
    i++
  }
  return out

  /** Returns the index after the expression. */
  function readNumberToken(index: number): number {
    const t = tokens[index]
    const digits = t.digits ?? t.text
    const suffix = t.suffix?.toLowerCase()

    if (digits.includes(':')) {
      readTime(index, digits, suffix)
      return index + 1
    }
    if (suffix && ORDINAL_SUFFIXES.has(suffix)) {
      const parsed = parseNumeral(digits)
      if (parsed.base !== null && Number.isInteger(parsed.base)) {
        const value = parsed.base
        out.ordinals.push({
          start: t.start,
          end: t.end,
          token: index,
          value,
          suffix: t.suffix!,
          expectedSuffix: ordinalSuffix(value)
        })
        if (word(index + 1) === 'century' && gapOk(index, index + 1)) {
          out.centuries.push({start: t.start, end: tokens[index + 1].end, first: index, last: index + 1, value})
        }
        // "9th September"
        readDayFirstDate(index, value)
      }
      return index + 1
    }
    if (suffix === 's' && /^\d{2}(?:\d{2})?$/.test(digits) && Number(digits) % 10 === 0) {
      out.decades.push({start: t.start, end: t.end, first: index, last: index, value: Number(digits)})
      return index + 1
    }
    // "80's" / "80’s"
    if (
      !suffix &&
      /^\d{2}(?:\d{2})?$/.test(digits) &&
      Number(digits) % 10 === 0 &&
      (tokens[index + 1]?.text === "'" || tokens[index + 1]?.text === '’') &&
      word(index + 2) === 's' &&
      touching(t, tokens[index + 1]) &&
      touching(tokens[index + 1], tokens[index + 2])
    ) {
      out.decades.push({
        start: t.start,
        end: tokens[index + 2].end,
        first: index,
        last: index + 2,
        value: Number(digits)
      })
      return index + 3
    }

    const parsed = parseNumeral(digits)
    const figure = baseFigure(index, index, t.start, t.end, digits, parsed.base, {
      grouping: parsed.grouping,
      decimalPoints: parsed.decimalPoints,
      spelled: false,
      placeholder: false
    })
    if (suffix && lex.magnitudes.has(suffix) && suffix !== 'hundred') {
      figure.magnitude = suffix
      figure.multiplier = lex.magnitudes.get(suffix)!
    } else if (suffix) {
      figure.suffixed = true
    }
    if (!figure.suffixed) {
      readDayFirstDate(index, parsed.base)
    }
    complete(figure)
    out.figures.push(figure)
    return figure.exprLast + 1
  }

  function baseFigure(
    first: number,
    last: number,
    start: number,
    end: number,
    raw: string,
    base: number | null,
    extra: Pick<Figure, 'grouping' | 'decimalPoints' | 'spelled' | 'placeholder'>
  ): Figure {
    return {
      start,
      end,
      exprStart: start,
      exprEnd: end,
      first,
      last,
      exprFirst: first,
      exprLast: last,
      raw,
      base,
      multiplier: 1,
      value: null,
      percent: false,
      percentagePoints: false,
      suffixed: false,
      ...extra
    }
  }

  /** Attach currency, approximation, magnitude, percent and the following word. */
  function complete(figure: Figure): void {
    let j = figure.last + 1
    // Magnitude word: "1.8 billion".
    if (!figure.magnitude && word(j) && lex.magnitudes.has(word(j)!) && gapOk(j - 1, j)) {
      figure.magnitude = word(j)
      figure.multiplier = lex.magnitudes.get(word(j)!)!
      figure.exprLast = j
      j++
    }
    // Percent: "%", "percent", "per cent", "pct", "percentage points".
    const tj = tokens[j]
    if (tj && tj.text === '%' && gapOk(j - 1, j)) {
      figure.percent = true
      figure.exprLast = j
      j++
    } else if ((word(j) === 'percent' || word(j) === 'pct') && gapOk(j - 1, j)) {
      figure.percent = true
      figure.exprLast = j
      j++
    } else if (word(j) === 'per' && word(j + 1) === 'cent' && gapOk(j - 1, j)) {
      figure.percent = true
      figure.exprLast = j + 1
      j += 2
    } else if (word(j) === 'percentage' && (word(j + 1) === 'points' || word(j + 1) === 'point') && gapOk(j - 1, j)) {
      figure.percent = true
      figure.percentagePoints = true
      figure.exprLast = j + 1
      j += 2
    }
    // Currency after: "billion yuan", "US dollars".
    if (word(j) && lex.currencyWords.has(word(j)!) && gapOk(j - 1, j)) {
      figure.currency = tokens[j].text
    } else if (tokens[j]?.text === 'US' && word(j + 1) && lex.currencyWords.has(word(j + 1)!)) {
      figure.currency = 'US ' + tokens[j + 1].text
    }
    // Currency before: "US$7", "RM 5", "€3".
    let k = figure.first - 1
    const tk = tokens[k]
    if (tk && (touching(tk, tokens[k + 1]) || gapOk(k, k + 1))) {
      if (tk.text === '$') {
        const before = tokens[k - 1]
        if (before && touching(before, tk) && CURRENCY_BEFORE_DOLLAR.has(before.text)) {
          figure.currency = before.text + '$'
          k -= 1
        } else {
          figure.currency = '$'
        }
        figure.exprFirst = k
        k -= 1
      } else if (lex.currencyPrefixes.has(tk.text)) {
        figure.currency = tk.text
        figure.exprFirst = k
        k -= 1
      }
    }
    // "7m" after a currency is millions.
    if (figure.currency && tokens[figure.last].suffix === 'm') {
      figure.magnitude = 'm'
      figure.multiplier = 1e6
      figure.suffixed = false
    }
    // Approximation before: "more than", "nearly".
    for (const words of lex.approximators) {
      let ok = true
      for (let w = 0; w < words.length; w++) {
        if (word(k - words.length + 1 + w) !== words[w]) {
          ok = false
          break
        }
      }
      if (ok) {
        figure.approx = words.join(' ')
        break
      }
    }
    figure.exprStart = tokens[figure.exprFirst].start
    figure.exprEnd = tokens[figure.exprLast].end
    figure.value = figure.base === null ? null : figure.base * figure.multiplier
    const after = figure.exprLast + 1
    if (tokens[after]?.kind === 'word' && gapOk(figure.exprLast, after)) figure.next = after
  }

  function readTime(index: number, digits: string, suffix: string | undefined): void {
    const parts = digits.split(':')
    if (
      parts.length !== 2 ||
      parts[1].length !== 2 ||
      parts[0].length > 2 ||
      digits.includes(',') ||
      digits.includes('.')
    )
      return
    const t = tokens[index]
    let clock = suffix === 'am' || suffix === 'pm' || suffix === 'h' || suffix === 'hrs'
    let j = index + 1
    const w = word(j)
    if (!clock && w && gapOk(index, j)) {
      if (lex.timeMarkers.has(w)) clock = true
      // "a.m." / "p.m."
      if ((w === 'a' || w === 'p') && tokens[j + 1]?.text === '.' && word(j + 2) === 'm') clock = true
      if (w === 'on' && word(j + 1) && lex.weekdays.has(word(j + 1)!)) clock = true
    }
    out.times.push({start: t.start, end: t.end, token: index, hour: Number(parts[0]), minute: Number(parts[1]), clock})
    j = index
  }

  function readMonthFirstDate(index: number, month: number): void {
    let j = index + 1
    if (tokens[j]?.text === '.' && touching(tokens[index], tokens[j])) j++
    const day = tokens[j]
    if (!day || day.kind !== 'number' || !gapOk(j - 1, j)) return
    const digits = day.digits ?? ''
    if (!/^\d{1,2}$/.test(digits)) return
    if (day.suffix && !ORDINAL_SUFFIXES.has(day.suffix.toLowerCase())) return
    const dayValue = Number(digits)
    if (dayValue < 1 || dayValue > 31) return
    let end = day.end
    let year: number | undefined
    let y = j + 1
    if (tokens[y]?.text === ',') y++
    const yt = tokens[y]
    if (yt && yt.kind === 'number' && !yt.suffix && /^\d{4}$/.test(yt.digits ?? '') && gapOk(y - 1, y)) {
      year = Number(yt.digits)
      end = yt.end
    }
    out.dates.push({start: tokens[index].start, end, monthToken: index, dayToken: j, month, day: dayValue, year})
  }

  function readDayFirstDate(index: number, value: number | null): void {
    const t = tokens[index]
    if (value === null || !/^\d{1,2}$/.test(t.digits ?? '') || value < 1 || value > 31) return
    let j = index + 1
    if (word(j) === 'of') j++
    const m = tokens[j]
    if (!m || m.kind !== 'word' || m.text[0] === m.lower[0] || !gapOk(j - 1, j)) return
    const month = lex.months.get(m.lower)
    // Three-letter forms like "Mar" or "May" after a bare number are too ambiguous.
    if (month === undefined || (m.lower.length <= 3 && m.lower !== 'may')) return
    let end = m.end
    let year: number | undefined
    const y = j + 1
    const yt = tokens[y]
    if (yt && yt.kind === 'number' && !yt.suffix && /^\d{4}$/.test(yt.digits ?? '') && gapOk(j, y)) {
      year = Number(yt.digits)
      end = yt.end
    }
    out.dates.push({start: t.start, end, monthToken: j, dayToken: index, month, day: value, year})
  }

  /** Spelled cardinals ("eighteen billion", "twenty-one"); returns the index after, or 0. */
  function readSpelled(index: number): number {
    // "a million people", "a billion yuan": one of the magnitude.
    const article =
      (tokens[index].lower === 'a' || tokens[index].lower === 'one') &&
      word(index + 1) !== undefined &&
      lex.magnitudes.has(word(index + 1)!) &&
      word(index + 1) !== 'k'
    const value = article ? 1 : spelledValue(tokens[index].lower)
    if (value === undefined) return 0
    let last = index
    let base = value
    if (word(index + 1) === 'hundred' && gapOk(index, index + 1)) {
      base *= 100
      last = index + 1
      let k = last + 1
      if (word(k) === 'and') k++
      const rest = word(k) ? spelledValue(word(k)!) : undefined
      if (rest !== undefined && rest < 100 && gapOk(k - 1, k)) {
        base += rest
        last = k
      }
    }
    const hasMagnitude = word(last + 1) !== undefined && lex.magnitudes.has(word(last + 1)!)
    if (base < 2 && !hasMagnitude) return 0
    const figure = baseFigure(
      index,
      last,
      tokens[index].start,
      tokens[last].end,
      text.slice(tokens[index].start, tokens[last].end),
      base,
      {
        grouping: 'none',
        decimalPoints: 0,
        spelled: true,
        placeholder: false
      }
    )
    complete(figure)
    out.figures.push(figure)
    return figure.exprLast + 1
  }

  function spelledValue(w: string): number | undefined {
    const unit = lex.units.get(w) ?? lex.tens.get(w)
    if (unit !== undefined) return unit
    const dash = w.indexOf('-')
    if (dash > 0) {
      const tens = lex.tens.get(w.slice(0, dash))
      const units = lex.units.get(w.slice(dash + 1))
      if (tens !== undefined && units !== undefined && units > 0 && units < 10) return tens + units
    }
    return undefined
  }

  /**
   * Placeholder residue: "<>", "{0}", "XX", "##.#", "???", chained by "." or ",".
   * "<>" and "{0}" are never prose; "XX", "#" and "?" only count before a magnitude,
   * a percent sign or a currency (else "XX" is a Roman numeral, "#" a hashtag).
   */
  function readPlaceholder(index: number): number {
    let j = index
    let strong = false
    let atoms = 0
    for (;;) {
      const atom = placeholderAtom(j)
      if (!atom) break
      atoms++
      strong ||= atom.strong
      j = atom.next
      const sep = tokens[j]
      if (
        sep &&
        (sep.text === '.' || sep.text === ',') &&
        touching(tokens[j - 1], sep) &&
        placeholderAtom(j + 1) &&
        touching(sep, tokens[j + 1])
      ) {
        j++
        continue
      }
      break
    }
    if (atoms === 0) return 0
    const last = j - 1
    const figure = baseFigure(
      index,
      last,
      tokens[index].start,
      tokens[last].end,
      text.slice(tokens[index].start, tokens[last].end),
      null,
      {
        grouping: 'none',
        decimalPoints: 0,
        spelled: false,
        placeholder: true
      }
    )
    complete(figure)
    const context = Boolean(figure.magnitude || figure.percent || figure.currency)
    if (!strong && !context) return 0
    out.figures.push(figure)
    return figure.exprLast + 1
  }

  function placeholderAtom(j: number): {next: number; strong: boolean} | undefined {
    const t = tokens[j]
    if (!t) return undefined
    if (t.text === '<' && tokens[j + 1]?.text === '>' && touching(t, tokens[j + 1])) return {next: j + 2, strong: true}
    if (
      t.text === '{' &&
      tokens[j + 2]?.text === '}' &&
      (tokens[j + 1]?.kind === 'number' || tokens[j + 1]?.kind === 'word') &&
      touching(t, tokens[j + 1]) &&
      touching(tokens[j + 1], tokens[j + 2])
    ) {
      return {next: j + 3, strong: true}
    }
    if (t.text === '#') {
      let k = j
      while (tokens[k + 1]?.text === '#' && touching(tokens[k], tokens[k + 1])) k++
      // A lone "#" before a word is a hashtag or a number sign.
      if (k === j && tokens[j + 1] && touching(t, tokens[j + 1]) && tokens[j + 1].kind !== 'punct') return undefined
      return {next: k + 1, strong: false}
    }
    if (t.text === '?' && (j === 0 || !touching(tokens[j - 1], t) || tokens[j - 1].text === '?')) {
      // "??? billion": a run of question marks standing where a number should be.
      let k = j
      while (tokens[k + 1]?.text === '?' && touching(tokens[k], tokens[k + 1])) k++
      return {next: k + 1, strong: false}
    }
    if (t.kind === 'word' && /^(?:X{1,4}|x{1,4})$/.test(t.text)) return {next: j + 1, strong: false}
    return undefined
  }
}
