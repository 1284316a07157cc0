/**
 * Figures, ordinals, decades, centuries, dates, times and ages, read once from
 * the token stream with exact offsets: the types, and `extractFigures`, which
 * walks the tokens and calls the readers of numerals.ts, calendar.ts and ages.ts.
 */
import type {Lexicon} from '../knowledge/lexicon.js'
import {readAges} from './ages.js'
import {
  readDayFirstDate,
  readDecade,
  readMonthFirstDate,
  readOrdinalCentury,
  readRelativeCentury,
  readTime
} from './calendar.js'
import {
  completeFigure,
  numeralFigure,
  ORDINAL_SUFFIXES,
  readOrdinal,
  readPlaceholder,
  readSpelledFigure
} from './numerals.js'
import type {Token, TokenStream} from './tokens.js'

export {ordinalSuffix, parseNumeral, type ParsedNumeral} from './numerals.js'

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

/** A figure the copy marks as a person's age. */
export interface AgeMention {
  figure: Figure
  /** "-year-old" follows the figure ("the 45-year-old"). */
  yearOld: boolean
  /**
   * What stands before the figure: "aged 45", "the age of 45", ", 45," (or ", 45." ending a
   * sentence), "(45)", a birthday ("turned 45").
   */
  before?: 'aged' | 'age-of' | 'apposition' | 'bracket' | 'turned'
}

export interface FigureExtraction {
  figures: Figure[]
  ordinals: Ordinal[]
  decades: Decade[]
  centuries: Century[]
  dates: DateMention[]
  times: TimeMention[]
  ages: AgeMention[]
}

/** Every figure, ordinal, decade, century, date, time and age of the tokens, in order. */
export function extractFigures(text: string, tokens: Token[], lexicon: Lexicon): FigureExtraction {
  const stream: TokenStream = {text, tokens, lexicon}
  const out: FigureExtraction = {figures: [], ordinals: [], decades: [], centuries: [], dates: [], times: [], ages: []}
  let i = 0
  while (i < tokens.length) {
    const token = tokens[i]
    if (token.kind === 'number') {
      i = Math.max(i + 1, readNumberToken(stream, i, out))
      continue
    }
    if (token.kind === 'word') {
      // Dates written month first: "September 9", "Sept. 9, 2023".
      const month = lexicon.months.get(token.lower)
      if (month !== undefined && token.text[0] !== token.lower[0]) push(out.dates, readMonthFirstDate(stream, i, month))
      push(out.centuries, readRelativeCentury(stream, i))
      const spelled = readSpelledFigure(stream, i)
      if (spelled) {
        out.figures.push(spelled)
        i = spelled.exprLast + 1
        continue
      }
    }
    if (token.kind === 'punct' || token.kind === 'word') {
      const placeholder = readPlaceholder(stream, i)
      if (placeholder) {
        out.figures.push(placeholder)
        i = placeholder.exprLast + 1
        continue
      }
    }
    i++
  }
  out.ages = readAges(stream, out.figures)
  return out
}

/** What number token `index` starts: a time, an ordinal, a decade or a figure. Returns the index after it. */
function readNumberToken(stream: TokenStream, index: number, out: FigureExtraction): number {
  const token = stream.tokens[index]
  const digits = token.digits ?? token.text
  const suffix = token.suffix?.toLowerCase()
  if (digits.includes(':')) {
    push(out.times, readTime(stream, index))
    return index + 1
  }
  if (suffix && ORDINAL_SUFFIXES.has(suffix)) {
    const ordinal = readOrdinal(stream, index)
    if (ordinal) {
      out.ordinals.push(ordinal)
      push(out.centuries, readOrdinalCentury(stream, index, ordinal.value))
      // "9th September"
      push(out.dates, readDayFirstDate(stream, index, ordinal.value))
    }
    return index + 1
  }
  const decade = readDecade(stream, index)
  if (decade) {
    out.decades.push(decade)
    return decade.last + 1
  }
  const numeral = numeralFigure(stream, index)
  // "9 September": a bare day number (not "5G", "10km").
  if (!numeral.suffixed) push(out.dates, readDayFirstDate(stream, index, numeral.base))
  const figure = completeFigure(stream, numeral)
  out.figures.push(figure)
  return figure.exprLast + 1
}

function push<T>(list: T[], item: T | undefined): void {
  if (item !== undefined) list.push(item)
}
