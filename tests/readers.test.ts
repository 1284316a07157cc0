/**
 * The readers of the extraction, one by one: each takes the token stream and a
 * token index and returns what it read (exact offsets, token indices, values),
 * or undefined where nothing of its kind starts.
 */
import {describe, expect, it} from 'vitest'
import {lexicon} from '../src/knowledge/lexicon.js'
import {onOneLine, tokenize, wordAt, type TokenStream} from '../src/extract/tokens.js'
import {
  completeFigure,
  numeralFigure,
  readApproximatorBefore,
  readCurrencyAfter,
  readCurrencyBefore,
  readMagnitudeAfter,
  readOrdinal,
  readPercentAfter,
  readPlaceholder,
  readSpelledFigure,
  spelledValue
} from '../src/extract/numerals.js'
import {
  readDayFirstDate,
  readDecade,
  readMonthFirstDate,
  readOrdinalCentury,
  readRelativeCentury,
  readTime
} from '../src/extract/calendar.js'
import {ageMarks, readAges} from '../src/extract/ages.js'
import {extractFigures} from '../src/extract/figures.js'
import {paragraphsOf} from '../src/extract/paragraphs.js'
import {datelineOf} from '../src/extract/index.js'
import {lintText} from './helpers.js'

function streamOf(text: string): TokenStream {
  return {text, tokens: tokenize(text), lexicon: lexicon()}
}

/** The index of the first token written `text`. */
function at(stream: TokenStream, text: string, from = 0): number {
  const index = stream.tokens.findIndex((token, i) => i >= from && token.text === text)
  if (index < 0) throw new Error(`no token \`${text}\``)
  return index
}

describe('token stream helpers', () => {
  const stream = streamOf('Sales rose\n12 percent.')
  it('wordAt gives the lower-cased word, nothing for numbers and punctuation', () => {
    expect(wordAt(stream, 0)).toBe('sales')
    expect(wordAt(stream, 2)).toBeUndefined()
    expect(wordAt(stream, 4)).toBeUndefined()
    expect(wordAt(stream, 99)).toBeUndefined()
  })
  it('onOneLine is false across a line break and outside the tokens', () => {
    expect(onOneLine(stream, 0, 1)).toBe(true)
    expect(onOneLine(stream, 1, 2)).toBe(false)
    expect(onOneLine(stream, -1, 0)).toBe(false)
    expect(onOneLine(stream, 3, 4)).toBe(true)
    expect(onOneLine(stream, 4, 5)).toBe(false)
  })
})

describe('readOrdinal', () => {
  it('reads the value and the suffix as written, with the suffix English expects', () => {
    const stream = streamOf('the 21th session')
    expect(readOrdinal(stream, 1)).toEqual({start: 4, end: 8, token: 1, value: 21, suffix: 'th', expectedSuffix: 'st'})
  })
  it('reads nothing for a cardinal, a decimal ordinal or a word', () => {
    const stream = streamOf('21 1.5th first')
    expect(readOrdinal(stream, 0)).toBeUndefined()
    expect(readOrdinal(stream, 1)).toBeUndefined()
    expect(readOrdinal(stream, 2)).toBeUndefined()
  })
})

describe('numeralFigure', () => {
  it('reads digits and grouping, with no context', () => {
    const stream = streamOf('about 3,800 yuan')
    expect(numeralFigure(stream, 1)).toMatchObject({
      start: 6,
      end: 11,
      exprStart: 6,
      exprEnd: 11,
      first: 1,
      last: 1,
      raw: '3,800',
      base: 3800,
      value: null,
      grouping: 'western',
      multiplier: 1,
      suffixed: false
    })
    expect(numeralFigure(stream, 1).currency).toBeUndefined()
    expect(numeralFigure(stream, 1).approx).toBeUndefined()
  })
  it('reads a magnitude written solid, and marks any other letter suffix', () => {
    const stream = streamOf('7bn 5G')
    expect(numeralFigure(stream, 0)).toMatchObject({
      raw: '7',
      base: 7,
      magnitude: 'bn',
      multiplier: 1e9,
      suffixed: false
    })
    expect(numeralFigure(stream, 1)).toMatchObject({raw: '5', base: 5, suffixed: true})
    expect(numeralFigure(stream, 1).magnitude).toBeUndefined()
  })
  it('reads an invalid grouping with no value', () => {
    expect(numeralFigure(streamOf('3800,6500'), 0)).toMatchObject({raw: '3800,6500', base: null, grouping: 'invalid'})
  })
})

describe('the context of a figure', () => {
  it('readMagnitudeAfter: a magnitude word on the same line', () => {
    const stream = streamOf('1.8 billion and 2\nmillion')
    expect(readMagnitudeAfter(stream, 1)).toEqual({magnitude: 'billion', multiplier: 1e9})
    expect(readMagnitudeAfter(stream, 2)).toBeUndefined()
    expect(readMagnitudeAfter(stream, 4)).toBeUndefined()
  })
  it('readPercentAfter: a sign or a word, and percentage points', () => {
    const stream = streamOf('5% 6 percent 7 per cent 8 percentage points 9 pct 10 percentages')
    expect(readPercentAfter(stream, at(stream, '%'))).toEqual({last: 1, points: false})
    expect(readPercentAfter(stream, at(stream, 'percent'))).toEqual({last: 3, points: false})
    expect(readPercentAfter(stream, at(stream, 'per'))).toEqual({last: 6, points: false})
    expect(readPercentAfter(stream, at(stream, 'percentage'))).toEqual({last: 9, points: true})
    expect(readPercentAfter(stream, at(stream, 'pct'))).toEqual({last: 11, points: false})
    expect(readPercentAfter(stream, at(stream, 'percentages'))).toBeUndefined()
  })
  it('readCurrencyAfter: a currency word as written, and "US dollars"', () => {
    const stream = streamOf('5 Yuan and 6 US dollars and 7 people')
    expect(readCurrencyAfter(stream, 1)).toBe('Yuan')
    expect(readCurrencyAfter(stream, at(stream, 'US'))).toBe('US dollars')
    expect(readCurrencyAfter(stream, at(stream, 'people'))).toBeUndefined()
  })
  it('readCurrencyBefore: a mark before the numeral and the first token of the mark', () => {
    const stream = streamOf('US$7 and $8 and RM 5 and # 6')
    expect(readCurrencyBefore(stream, at(stream, '7'))).toEqual({currency: 'US$', first: 0})
    expect(readCurrencyBefore(stream, at(stream, '8'))).toEqual({currency: '$', first: at(stream, '$', 4)})
    expect(readCurrencyBefore(stream, at(stream, '5'))).toEqual({currency: 'RM', first: at(stream, 'RM')})
    expect(readCurrencyBefore(stream, at(stream, '6'))).toBeUndefined()
  })
  it('readApproximatorBefore: the phrase ending at the token, in the order of the lexicon', () => {
    const stream = streamOf('more than 2,000 and nearly 1,800 and close to 90 and the 5')
    expect(readApproximatorBefore(stream, at(stream, 'than'))).toBe('more than')
    expect(readApproximatorBefore(stream, at(stream, 'nearly'))).toBe('nearly')
    expect(readApproximatorBefore(stream, at(stream, 'to'))).toBe('close to')
    expect(readApproximatorBefore(stream, at(stream, 'the'))).toBeUndefined()
  })
  it('completeFigure: the whole expression, its value and the word after, without changing its input', () => {
    const stream = streamOf('more than US$1.8 billion yuan in exports')
    const bare = numeralFigure(stream, at(stream, '1.8'))
    const figure = completeFigure(stream, bare)
    expect(figure).toMatchObject({
      start: 13,
      end: 16,
      exprStart: 10,
      exprEnd: 24,
      first: 4,
      last: 4,
      exprFirst: 2,
      exprLast: 5,
      raw: '1.8',
      base: 1.8,
      multiplier: 1e9,
      value: 1.8e9,
      magnitude: 'billion',
      currency: 'US$',
      approx: 'more than',
      next: 6
    })
    expect(bare.currency).toBeUndefined()
    expect(bare.value).toBeNull()
  })
  it('completeFigure: "7m" after a currency is millions', () => {
    const stream = streamOf('$7m')
    expect(completeFigure(stream, numeralFigure(stream, 1))).toMatchObject({
      currency: '$',
      magnitude: 'm',
      multiplier: 1e6,
      value: 7e6,
      suffixed: false,
      exprStart: 0,
      exprEnd: 3
    })
  })
  it('completeFigure: percentage points', () => {
    const stream = streamOf('up 4 percentage points.')
    expect(completeFigure(stream, numeralFigure(stream, 1))).toMatchObject({
      percent: true,
      percentagePoints: true,
      exprLast: 3,
      exprEnd: 22,
      value: 4
    })
  })
})

describe('spelled figures', () => {
  it('spelledValue: units, tens and hyphenated tens', () => {
    const stream = streamOf('')
    expect(spelledValue(stream, 'seven')).toBe(7)
    expect(spelledValue(stream, 'forty')).toBe(40)
    expect(spelledValue(stream, 'twenty-one')).toBe(21)
    expect(spelledValue(stream, 'twenty-zero')).toBeUndefined()
    expect(spelledValue(stream, 'seventh')).toBeUndefined()
  })
  it('readSpelledFigure: hundreds and magnitudes, with the expression', () => {
    const stream = streamOf('three hundred and five people and eighteen billion yuan')
    expect(readSpelledFigure(stream, 0)).toMatchObject({
      start: 0,
      end: 22,
      raw: 'three hundred and five',
      first: 0,
      last: 3,
      base: 305,
      value: 305,
      spelled: true,
      next: 4
    })
    expect(readSpelledFigure(stream, at(stream, 'eighteen'))).toMatchObject({
      raw: 'eighteen',
      start: 34,
      end: 42,
      // A currency word after the magnitude names the unit; the expression ends at the magnitude.
      exprEnd: 50,
      magnitude: 'billion',
      currency: 'yuan',
      value: 18e9
    })
  })
  it('readSpelledFigure: "a million" is one million; "one" alone is no figure', () => {
    const stream = streamOf('a million people, one of them')
    expect(readSpelledFigure(stream, 0)).toMatchObject({raw: 'a', base: 1, value: 1e6, magnitude: 'million'})
    expect(readSpelledFigure(stream, at(stream, 'one'))).toBeUndefined()
    expect(readSpelledFigure(stream, at(stream, 'people'))).toBeUndefined()
  })
})

describe('readPlaceholder', () => {
  it('reads strong placeholders on their own and chained by a point', () => {
    const stream = streamOf('<>.<> billion yuan')
    expect(readPlaceholder(stream, 0)).toMatchObject({
      start: 0,
      end: 5,
      raw: '<>.<>',
      first: 0,
      last: 4,
      exprEnd: 13,
      placeholder: true,
      base: null,
      value: null,
      magnitude: 'billion',
      currency: 'yuan'
    })
  })
  it('reads "XX" and "???" only before a magnitude, a percent or a currency', () => {
    const stream = streamOf('XX million and Super Bowl XX and ??? billion')
    expect(readPlaceholder(stream, 0)).toMatchObject({raw: 'XX', magnitude: 'million'})
    expect(readPlaceholder(stream, at(stream, 'XX', 2))).toBeUndefined()
    expect(readPlaceholder(stream, at(stream, '?'))).toMatchObject({raw: '???', first: 7, last: 9})
  })
  it('reads no hashtag', () => {
    expect(readPlaceholder(streamOf('#news today'), 0)).toBeUndefined()
  })
})

describe('calendar readers', () => {
  it('readTime: hour and minute, and whether a clock word marks it', () => {
    const stream = streamOf('at 10:30 a.m. and 25:40 and 9:05pm and 7:45 on Monday')
    expect(readTime(stream, 1)).toEqual({start: 3, end: 8, token: 1, hour: 10, minute: 30, clock: true})
    expect(readTime(stream, at(stream, '25:40'))).toMatchObject({hour: 25, minute: 40, clock: false})
    expect(readTime(stream, at(stream, '9:05pm'))).toMatchObject({hour: 9, minute: 5, clock: true})
    expect(readTime(stream, at(stream, '7:45'))).toMatchObject({hour: 7, minute: 45, clock: true})
    expect(readTime(streamOf('1:2:3'), 0)).toBeUndefined()
  })
  it('readMonthFirstDate: month, day and year with exact offsets', () => {
    const stream = streamOf('On Sept. 9, 2023 and June 31 and May 40')
    expect(readMonthFirstDate(stream, 1, 9)).toEqual({
      start: 3,
      end: 16,
      monthToken: 1,
      dayToken: 3,
      month: 9,
      day: 9,
      year: 2023
    })
    expect(readMonthFirstDate(stream, at(stream, 'June'), 6)).toMatchObject({day: 31, year: undefined, end: 28})
    expect(readMonthFirstDate(stream, at(stream, 'May'), 5)).toBeUndefined()
  })
  it('readDayFirstDate: "9 September 2023", "9th of September"; not after a lower-case or three-letter month', () => {
    const stream = streamOf('9 September 2023 and 9th of September and 5 march and 5 Mar')
    expect(readDayFirstDate(stream, 0, 9)).toEqual({
      start: 0,
      end: 16,
      monthToken: 1,
      dayToken: 0,
      month: 9,
      day: 9,
      year: 2023
    })
    expect(readDayFirstDate(stream, at(stream, '9th'), 9)).toMatchObject({monthToken: at(stream, 'September', 4)})
    expect(readDayFirstDate(stream, at(stream, '5'), 5)).toBeUndefined()
    expect(readDayFirstDate(stream, at(stream, '5', at(stream, 'march')), 5)).toBeUndefined()
    expect(readDayFirstDate(stream, 0, null)).toBeUndefined()
  })
  it('readDecade: "1980s", "80\'s"; not "1985s"', () => {
    const stream = streamOf("the 1980s and 80's and 1985s")
    expect(readDecade(stream, 1)).toEqual({start: 4, end: 9, first: 1, last: 1, value: 1980})
    expect(readDecade(stream, 3)).toEqual({start: 14, end: 18, first: 3, last: 5, value: 80})
    expect(readDecade(stream, at(stream, '1985s'))).toBeUndefined()
  })
  it('readOrdinalCentury and readRelativeCentury', () => {
    const stream = streamOf('the 20th century and the last century')
    expect(readOrdinalCentury(stream, 1, 20)).toEqual({start: 4, end: 16, first: 1, last: 2, value: 20})
    expect(readRelativeCentury(stream, at(stream, 'last'))).toEqual({
      start: 25,
      end: 37,
      first: 5,
      last: 6,
      relative: 'last'
    })
    expect(readRelativeCentury(stream, 0)).toBeUndefined()
  })
})

describe('ages', () => {
  const text = 'The 45-year-old Li Wei, aged 43, met Chen Hao, 50, and Wang (61) at the age of 70; 80 people came.'
  const stream = streamOf(text)
  const {figures} = extractFigures(text, stream.tokens, stream.lexicon)
  it('ageMarks: a mark after the figure and one before it', () => {
    expect(ageMarks(stream, figures[0])).toEqual({figure: figures[0], yearOld: true})
    expect(ageMarks(stream, figures[1])).toEqual({figure: figures[1], yearOld: false, before: 'aged'})
    expect(ageMarks(stream, figures[2])).toEqual({figure: figures[2], yearOld: false, before: 'apposition'})
    expect(ageMarks(stream, figures[3])).toEqual({figure: figures[3], yearOld: false, before: 'bracket'})
    expect(ageMarks(stream, figures[4])).toEqual({figure: figures[4], yearOld: false, before: 'age-of'})
  })
  it('readAges: only the marked figures, in order', () => {
    expect(readAges(stream, figures).map((age) => age.figure.raw)).toEqual(['45', '43', '50', '61', '70'])
    expect(extractFigures(text, stream.tokens, stream.lexicon).ages.map((age) => age.figure.start)).toEqual([
      4, 29, 47, 61, 79
    ])
  })
})

describe('extractFigures', () => {
  it('walks the tokens once and calls each reader where its kind starts', () => {
    const text = 'On 9th September the 20th century fair drew 12,000 visitors at 10:30 GMT in the 1980s.'
    const stream = streamOf(text)
    const extraction = extractFigures(text, stream.tokens, stream.lexicon)
    expect(extraction.ordinals.map((o) => [o.start, o.end, o.value])).toEqual([
      [3, 6, 9],
      [21, 25, 20]
    ])
    expect(extraction.dates).toEqual([
      {start: 3, end: 16, monthToken: 2, dayToken: 1, month: 9, day: 9, year: undefined}
    ])
    expect(extraction.centuries).toEqual([{start: 21, end: 33, first: 4, last: 5, value: 20}])
    expect(extraction.figures.map((f) => [f.start, f.end, f.value])).toEqual([[44, 50, 12000]])
    expect(extraction.times).toEqual([{start: 63, end: 68, token: 11, hour: 10, minute: 30, clock: true}])
    expect(extraction.decades).toEqual([{start: 80, end: 85, first: 15, last: 15, value: 1980}])
    expect(extraction.ages).toEqual([])
  })
})

describe('paragraphsOf', () => {
  it('splits at blank lines', () => {
    expect(paragraphsOf('One.\n\nTwo.\n  \nThree.')).toEqual([
      {start: 0, end: 4},
      {start: 6, end: 10},
      {start: 14, end: 20}
    ])
  })
  it('splits at line breaks when there is no blank line, and skips empty lines', () => {
    expect(paragraphsOf('One.\nTwo.\n')).toEqual([
      {start: 0, end: 4},
      {start: 5, end: 9}
    ])
  })
})

describe('datelineOf and the extraction', () => {
  const story = 'Nanning, September 9, 2023 (ZXS) -- The fair opened on September 12.\n\nIt closed later.'
  it('datelineOf: the date of the dateline, not a later date', () => {
    const stream = streamOf(story)
    const {dates} = extractFigures(story, stream.tokens, stream.lexicon)
    expect(dates.map((d) => d.start)).toEqual([9, 55])
    expect(datelineOf(story, dates)).toBe(dates[0])
    expect(datelineOf('The fair opened on September 12.', dates.slice(1))).toBeUndefined()
  })
  it('the extraction holds the dateline (even with a date setting) and the paragraphs', async () => {
    const x = (await lintText(story, {date: '2020-01-02'})).data.extraction!
    expect(x.storyDate.from).toBe('setting')
    expect(x.dateline).toMatchObject({start: 9, end: 26, month: 9, day: 9, year: 2023})
    expect(x.paragraphs).toEqual([
      {start: 0, end: 68},
      {start: 70, end: 86}
    ])
  })
})
