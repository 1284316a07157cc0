/**
 * Readers of the calendar on the token stream: dates ("September 9, 2023",
 * "9th September"), clock times ("10:30 a.m."), decades ("the 1980s", "80's")
 * and centuries ("the 20th century", "the last century"). Each reader takes the
 * stream and a token index and returns what it read, or undefined.
 */
import type {Century, DateMention, Decade, TimeMention} from './figures.js'
import {ORDINAL_SUFFIXES} from './numerals.js'
import {onOneLine, touching, wordAt, type TokenStream} from './tokens.js'

const DECADE_DIGITS = /^\d{2}(?:\d{2})?$/

/** "10:30", "9:05pm", "10:30 a.m.", "10:30 local time" at number token `index`. */
export function readTime(stream: TokenStream, index: number): TimeMention | undefined {
  const {tokens, lexicon} = stream
  const token = tokens[index]
  const digits = token.digits ?? token.text
  const suffix = token.suffix?.toLowerCase()
  const parts = digits.split(':')
  if (
    parts.length !== 2 ||
    parts[1].length !== 2 ||
    parts[0].length > 2 ||
    digits.includes(',') ||
    digits.includes('.')
  )
    return undefined
  // A clock word follows ("a.m.", "local time", "GMT", "on Monday"), or is written solid ("9:05pm").
  let clock = suffix !== undefined && lexicon.clockSuffixes.has(suffix)
  const j = index + 1
  const word = wordAt(stream, j)
  if (!clock && word && onOneLine(stream, index, j)) {
    if (lexicon.timeMarkers.has(word)) clock = true
    // "a.m." / "p.m."
    if ((word === 'a' || word === 'p') && tokens[j + 1]?.text === '.' && wordAt(stream, j + 2) === 'm') clock = true
    const next = wordAt(stream, j + 1)
    if (word === 'on' && next && lexicon.weekdays.has(next)) clock = true
  }
  return {start: token.start, end: token.end, token: index, hour: Number(parts[0]), minute: Number(parts[1]), clock}
}

/** A date written month first at word token `index` (the month `month`): "September 9", "Sept. 9, 2023". */
export function readMonthFirstDate(stream: TokenStream, index: number, month: number): DateMention | undefined {
  const {tokens} = stream
  let j = index + 1
  if (tokens[j]?.text === '.' && touching(tokens[index], tokens[j])) j++
  const day = tokens[j]
  if (!day || day.kind !== 'number' || !onOneLine(stream, j - 1, j)) return undefined
  const digits = day.digits ?? ''
  if (!/^\d{1,2}$/.test(digits)) return undefined
  if (day.suffix && !ORDINAL_SUFFIXES.has(day.suffix.toLowerCase())) return undefined
  const dayValue = Number(digits)
  if (dayValue < 1 || dayValue > 31) return undefined
  let end = day.end
  let year: number | undefined
  let y = j + 1
  if (tokens[y]?.text === ',') y++
  const yearToken = tokens[y]
  if (
    yearToken &&
    yearToken.kind === 'number' &&
    !yearToken.suffix &&
    /^\d{4}$/.test(yearToken.digits ?? '') &&
    onOneLine(stream, y - 1, y)
  ) {
    year = Number(yearToken.digits)
    end = yearToken.end
  }
  return {start: tokens[index].start, end, monthToken: index, dayToken: j, month, day: dayValue, year}
}

/** A date written day first at number token `index` (its value `value`): "9 September 2023", "9th of September". */
export function readDayFirstDate(stream: TokenStream, index: number, value: number | null): DateMention | undefined {
  const {tokens, lexicon} = stream
  const token = tokens[index]
  if (value === null || !/^\d{1,2}$/.test(token.digits ?? '') || value < 1 || value > 31) return undefined
  let j = index + 1
  if (wordAt(stream, j) === 'of') j++
  const monthToken = tokens[j]
  if (
    !monthToken ||
    monthToken.kind !== 'word' ||
    monthToken.text[0] === monthToken.lower[0] ||
    !onOneLine(stream, j - 1, j)
  )
    return undefined
  const month = lexicon.months.get(monthToken.lower)
  // Three-letter forms like "Mar" or "May" after a bare number are too ambiguous.
  if (month === undefined || (monthToken.lower.length <= 3 && monthToken.lower !== 'may')) return undefined
  let end = monthToken.end
  let year: number | undefined
  const y = j + 1
  const yearToken = tokens[y]
  if (
    yearToken &&
    yearToken.kind === 'number' &&
    !yearToken.suffix &&
    /^\d{4}$/.test(yearToken.digits ?? '') &&
    onOneLine(stream, j, y)
  ) {
    year = Number(yearToken.digits)
    end = yearToken.end
  }
  return {start: token.start, end, monthToken: j, dayToken: index, month, day: value, year}
}

/** A decade at number token `index`: "1980s", "80s", "80's" (a round number of two or four digits). */
export function readDecade(stream: TokenStream, index: number): Decade | undefined {
  const {tokens} = stream
  const token = tokens[index]
  const digits = token.digits ?? token.text
  const suffix = token.suffix?.toLowerCase()
  if (!DECADE_DIGITS.test(digits) || Number(digits) % 10 !== 0) return undefined
  if (suffix === 's') return {start: token.start, end: token.end, first: index, last: index, value: Number(digits)}
  // "80's" / "80’s"
  if (
    !suffix &&
    (tokens[index + 1]?.text === "'" || tokens[index + 1]?.text === '’') &&
    wordAt(stream, index + 2) === 's' &&
    touching(token, tokens[index + 1]) &&
    touching(tokens[index + 1], tokens[index + 2])
  )
    return {start: token.start, end: tokens[index + 2].end, first: index, last: index + 2, value: Number(digits)}
  return undefined
}

/** "the 20th century": the word "century" after ordinal token `index` (of value `value`). */
export function readOrdinalCentury(stream: TokenStream, index: number, value: number): Century | undefined {
  if (wordAt(stream, index + 1) !== 'century' || !onOneLine(stream, index, index + 1)) return undefined
  return {start: stream.tokens[index].start, end: stream.tokens[index + 1].end, first: index, last: index + 1, value}
}

/** "the last century", "this century" at word token `index`. */
export function readRelativeCentury(stream: TokenStream, index: number): Century | undefined {
  const token = stream.tokens[index]
  if (
    !stream.lexicon.relativeCenturies.has(token.lower) ||
    wordAt(stream, index + 1) !== 'century' ||
    !onOneLine(stream, index, index + 1)
  )
    return undefined
  return {start: token.start, end: stream.tokens[index + 1].end, first: index, last: index + 1, relative: token.lower}
}
